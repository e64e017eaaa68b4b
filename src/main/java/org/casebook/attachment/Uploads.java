package org.casebook.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Component;

/**
 * An upload made ready to keep, outside any transaction: its size checked before it is
 * read, its type read from its bytes, an image decoded and encoded again with its
 * thumbnail, its name made safe, its hash taken. At most
 * {@link AttachmentLimits#concurrency()} uploads are prepared at once, so that a burst of
 * large images cannot take all the memory (an image of 2,048 by 2,048 pixels is 16 MB
 * decoded, and one is decoded at up to twice that on each side).
 */
@Component
public class Uploads {

	/** The longest name kept, in characters, before its extension. */
	static final int NAME_MAX = 80;

	private final FileTypes types;

	private final Images images;

	private final AttachmentLimits limits;

	private final Semaphore slots;

	Uploads(FileTypes types, AttachmentLimits limits) {
		this.types = types;
		this.images = new Images(limits.maxPixels());
		this.limits = limits;
		this.slots = new Semaphore(limits.concurrency(), true);
	}

	/**
	 * The upload as it would be kept.
	 * @param fileName the name it was uploaded with (or null)
	 * @param size its size as the request gave it
	 * @param source its bytes
	 * @throws InvalidAttachmentException if it is empty, too large, of a type Casebook
	 * does not take, or an image that cannot be read or declares too many pixels
	 * @throws UploadsBusyException if it waited too long for its turn
	 */
	public PreparedFile prepare(String fileName, long size, InputStreamSource source) {
		long max = this.limits.maxFileSize().toBytes();
		if (size <= 0) {
			throw new InvalidAttachmentException("file", "attachment.problem.empty");
		}
		if (size > max) {
			throw tooLarge();
		}
		acquire();
		try {
			byte[] bytes;
			try (InputStream input = source.getInputStream()) {
				bytes = input.readNBytes((int) max + 1);
			}
			if (bytes.length > max) {
				throw tooLarge();
			}
			if (bytes.length == 0) {
				throw new InvalidAttachmentException("file", "attachment.problem.empty");
			}
			FileType type = this.types.detect(bytes, fileName);
			if (!type.isImage()) {
				return new PreparedFile(type, type.mediaType(), safeName(fileName, type.extension()), bytes,
						sha256(bytes), null, null, null, null);
			}
			Images.Renditions image = this.images.renditions(bytes, type);
			String extension = image.mediaType().equals("image/jpeg") ? ".jpg" : ".png";
			return new PreparedFile(type, image.mediaType(), safeName(fileName, extension), image.bytes(),
					sha256(image.bytes()), image.width(), image.height(), image.thumbnail(), image.thumbnailType());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			this.slots.release();
		}
	}

	private void acquire() {
		try {
			if (!this.slots.tryAcquire(this.limits.queueTimeout().toNanos(), TimeUnit.NANOSECONDS)) {
				throw new UploadsBusyException();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new UploadsBusyException();
		}
	}

	private InvalidAttachmentException tooLarge() {
		return new InvalidAttachmentException("file", "attachment.problem.tooLarge", this.limits.maxFileMegabytes());
	}

	/**
	 * A name that is safe in an address, a header and a file system: the last part of
	 * what was given, letters, digits, {@code -} and {@code _} only, at most
	 * {@value #NAME_MAX} of them, with the extension of what the file really is.
	 */
	static String safeName(String given, String extension) {
		String name = (given != null) ? given : "";
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = Normalizer.normalize(name, Normalizer.Form.NFKC);
		int dot = name.lastIndexOf('.');
		String base = (dot > 0) ? name.substring(0, dot) : name;
		base = base.replaceAll("[^\\p{L}\\p{N}_-]+", "-").replaceAll("^-+|-+$", "");
		if (base.codePointCount(0, base.length()) > NAME_MAX) {
			base = base.substring(0, base.offsetByCodePoints(0, NAME_MAX)).replaceAll("-+$", "");
		}
		return (base.isEmpty() ? "file" : base) + extension;
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An upload ready to keep.
	 *
	 * @param type what it was uploaded as
	 * @param mediaType the type of what is kept and served (an image may have been
	 * encoded as another)
	 * @param fileName its safe name
	 * @param bytes what is kept and served
	 * @param width an image's width as served, else null
	 * @param thumbnail an image's thumbnail, else null
	 */
	public record PreparedFile(FileType type, String mediaType, String fileName, byte[] bytes, String sha256,
			Integer width, Integer height, byte[] thumbnail, String thumbnailType) {

		public boolean isImage() {
			return this.type.isImage();
		}

	}

}
