package org.casebook.attachment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

import org.springframework.stereotype.Component;

/**
 * The type of an upload, read from its bytes by Tika's detector, never taken from its
 * name or from what the browser said: a script named {@code report.pdf} is what it is,
 * and is refused. Only images Casebook can re-encode and documents (PDF, office files)
 * are taken.
 * <p>
 * Tika's detector alone (without its parsers) tells an office file's family from its
 * first bytes: an OLE2 container (Word, Excel and PowerPoint 97-2003), an Office Open XML
 * zip. Within a family that the bytes prove, the file's name may say which member it is,
 * as Tika itself would have it; the name never makes a file of another family acceptable.
 */
@Component
public class FileTypes {

	private static final Map<String, FileType> ACCEPTED = Map.ofEntries(image("image/jpeg", ".jpg", "file.type.jpeg"),
			image("image/png", ".png", "file.type.png"), image("image/gif", ".gif", "file.type.gif"),
			image("image/webp", ".webp", "file.type.webp"), document("application/pdf", ".pdf", "file.type.pdf"),
			document("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx",
					"file.type.word"),
			document("application/msword", ".doc", "file.type.word"),
			document("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx", "file.type.excel"),
			document("application/vnd.ms-excel", ".xls", "file.type.excel"),
			document("application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx",
					"file.type.powerpoint"),
			document("application/vnd.ms-powerpoint", ".ppt", "file.type.powerpoint"),
			document("application/vnd.oasis.opendocument.text", ".odt", "file.type.odt"),
			document("application/vnd.oasis.opendocument.spreadsheet", ".ods", "file.type.ods"),
			document("application/vnd.oasis.opendocument.presentation", ".odp", "file.type.odp"));

	private static final MediaType OLE2 = MediaType.application("x-tika-msoffice");

	private static final MediaType OOXML = MediaType.application("x-tika-ooxml");

	private static final MediaType ZIP = MediaType.application("zip");

	/** Every Office Open XML package has this part, wherever the zip keeps it. */
	private static final byte[] OOXML_PART = "[Content_Types].xml".getBytes(StandardCharsets.US_ASCII);

	private final MimeTypes types = MimeTypes.getDefaultMimeTypes();

	/**
	 * The type of these bytes.
	 * @param fileName the name the file was uploaded with, or null
	 * @throws InvalidAttachmentException if Casebook does not take files of that type
	 */
	public FileType detect(byte[] bytes, String fileName) {
		MediaType content = detect(bytes);
		FileType type = ACCEPTED.get(content.getBaseType().toString());
		if (type == null && isOfficeFamily(content, bytes) && fileName != null) {
			type = refinedByName(content, fileName);
		}
		if (type == null) {
			throw new InvalidAttachmentException("file", "attachment.problem.type");
		}
		return type;
	}

	/** The key of a served file's type's name in the message bundle ("JPEG image"). */
	static String label(String mediaType) {
		FileType type = ACCEPTED.get(mediaType);
		return (type != null) ? type.label() : "file.type.other";
	}

	private MediaType detect(byte[] bytes) {
		try {
			return this.types.detect(new ByteArrayInputStream(bytes), new Metadata());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * An OLE2 container or an Office Open XML package, as proved by its bytes (a zip
	 * whose first entry is not the content types part only if it has one).
	 */
	private static boolean isOfficeFamily(MediaType content, byte[] bytes) {
		return content.equals(OLE2) || content.equals(OOXML) || (content.equals(ZIP) && contains(bytes, OOXML_PART));
	}

	private FileType refinedByName(MediaType content, String fileName) {
		Metadata named = new Metadata();
		named.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
		MediaType byName;
		try {
			byName = this.types.detect(null, named);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		MediaTypeRegistry registry = this.types.getMediaTypeRegistry();
		MediaType family = content.equals(ZIP) ? OOXML : content;
		return registry.isSpecializationOf(byName, family) ? ACCEPTED.get(byName.getBaseType().toString()) : null;
	}

	private static boolean contains(byte[] bytes, byte[] part) {
		outer: for (int i = 0; i <= bytes.length - part.length; i++) {
			for (int j = 0; j < part.length; j++) {
				if (bytes[i + j] != part[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

	private static Map.Entry<String, FileType> image(String mediaType, String extension, String label) {
		return Map.entry(mediaType, new FileType(mediaType, AttachmentKind.IMAGE, extension, label));
	}

	private static Map.Entry<String, FileType> document(String mediaType, String extension, String label) {
		return Map.entry(mediaType, new FileType(mediaType, AttachmentKind.DOCUMENT, extension, label));
	}

}
