package org.casebook.attachment.web;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.casebook.attachment.Attachment;
import org.casebook.attachment.Attachments;
import org.casebook.attachment.AttachmentNotFoundException;
import org.casebook.attachment.StoredBytes;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * A file as Casebook answers it, published or a draft's: its stored type (never one
 * guessed from its name or its bytes by the browser: {@code nosniff}), shown in place if
 * it is an image and downloaded otherwise, in a sandbox that runs nothing should a
 * browser render it after all; its hash as its ETag, so that a browser that has it gets a
 * 304 without the bytes being read.
 */
@Component
public class AttachmentResponses {

	/**
	 * No script, no plugin, no form, no frame: a file opened by itself is inert, and may
	 * only show itself if it is an image.
	 */
	static final String SANDBOX = "sandbox; default-src 'none'; img-src 'self'; frame-ancestors 'none'";

	private final Attachments attachments;

	AttachmentResponses(Attachments attachments) {
		this.attachments = attachments;
	}

	/**
	 * The file.
	 * @param published whether it is a published case's (caches may keep it), or a
	 * draft's (only the browser of who asked)
	 */
	public ResponseEntity<byte[]> file(Attachment file, boolean published, HttpServletRequest request) {
		String etag = "\"" + file.getSha256() + "\"";
		ContentDisposition disposition = (file.isImage() ? ContentDisposition.inline()
				: ContentDisposition.attachment())
			.filename(file.getFileName(), StandardCharsets.UTF_8)
			.build();
		return answer(etag, published, request, () -> this.attachments.bytes(file), disposition);
	}

	/** An image's thumbnail. */
	public ResponseEntity<byte[]> thumbnail(Attachment file, boolean published, HttpServletRequest request) {
		String etag = "\"" + file.getSha256() + "-thumbnail\"";
		return answer(etag, published, request, () -> this.attachments.thumbnail(file),
				ContentDisposition.inline().build());
	}

	private ResponseEntity<byte[]> answer(String etag, boolean published, HttpServletRequest request,
			java.util.function.Supplier<Optional<StoredBytes>> stored, ContentDisposition disposition) {
		// The bytes are sent as they are, not held again to hash them: they have their
		// ETag.
		ShallowEtagHeaderFilter.disableContentCaching(request);
		CacheControl cache = published ? CacheControl.noCache().cachePublic() : CacheControl.noCache().cachePrivate();
		String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
		if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
				.eTag(etag)
				.cacheControl(cache)
				.header("Content-Security-Policy", SANDBOX)
				.build();
		}
		StoredBytes bytes = stored.get().orElseThrow(AttachmentNotFoundException::new);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(bytes.mediaType()))
			.contentLength(bytes.bytes().length)
			.eTag(etag)
			.cacheControl(cache)
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.header("Content-Security-Policy", SANDBOX)
			.body(bytes.bytes());
	}

}
