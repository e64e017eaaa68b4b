package org.casebook.attachment;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Images as Casebook serves them: decoded and encoded again (JPEG for opaque pictures,
 * PNG for those with transparency or drawn as PNG or GIF), so that nothing of the upload
 * but its pixels reaches a reader (no metadata such as a camera's position, no trailing
 * bytes that another program could run), at most {@link #DISPLAY} pixels on their long
 * side, with a thumbnail of at most {@link #THUMBNAIL}.
 * <p>
 * The dimensions are read from the header first: an image that declares more than
 * {@code maxPixels} (a decompression bomb: a few kilobytes that decode to gigabytes) is
 * refused before any pixel is decoded. Larger images are decoded subsampled, so that no
 * decoded image is larger than twice the displayed size on either side.
 */
final class Images {

	/** The long side of an image as served. */
	static final int DISPLAY = 2048;

	/** The long side of a thumbnail. */
	static final int THUMBNAIL = 400;

	private static final float JPEG_QUALITY = 0.85f;

	private final long maxPixels;

	Images(long maxPixels) {
		this.maxPixels = maxPixels;
	}

	/**
	 * The image as served and its thumbnail.
	 * @throws InvalidAttachmentException if it cannot be read, or declares too many
	 * pixels
	 */
	Renditions renditions(byte[] bytes, FileType type) {
		BufferedImage image = decode(bytes, type);
		boolean opaque = !image.getColorModel().hasAlpha();
		boolean photo = opaque && (type.mediaType().equals("image/jpeg") || type.mediaType().equals("image/webp"));
		BufferedImage display = scaled(image, DISPLAY, opaque);
		BufferedImage thumbnail = scaled(display, THUMBNAIL, opaque);
		String format = photo ? "jpeg" : "png";
		return new Renditions(encode(display, format), "image/" + format, display.getWidth(), display.getHeight(),
				encode(thumbnail, format), "image/" + format);
	}

	private BufferedImage decode(byte[] bytes, FileType type) {
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type.mediaType());
			if (!readers.hasNext()) {
				throw unreadable();
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(input, true, true);
				long width = reader.getWidth(0);
				long height = reader.getHeight(0);
				if (width < 1 || height < 1 || width * height > this.maxPixels) {
					throw new InvalidAttachmentException("file", "attachment.problem.pixels", width, height,
							this.maxPixels / 1_000_000);
				}
				ImageReadParam param = reader.getDefaultReadParam();
				int step = (int) Math.max(1, Math.max(width, height) / (2 * DISPLAY));
				param.setSourceSubsampling(step, step, 0, 0);
				BufferedImage image = reader.read(0, param);
				if (image == null) {
					throw unreadable();
				}
				return image;
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof InvalidAttachmentException invalid) {
				throw invalid;
			}
			// A broken or truncated file, or a variant that ImageIO does not read (CMYK
			// JPEG).
			throw unreadable();
		}
	}

	/**
	 * The image at most {@code longSide} pixels on its long side, halved step by step
	 * with bilinear filtering so that no detail is skipped over.
	 */
	private static BufferedImage scaled(BufferedImage image, int longSide, boolean opaque) {
		double factor = Math.min(1.0, (double) longSide / Math.max(image.getWidth(), image.getHeight()));
		int targetWidth = Math.max(1, (int) Math.round(image.getWidth() * factor));
		int targetHeight = Math.max(1, (int) Math.round(image.getHeight() * factor));
		BufferedImage current = image;
		while (current.getWidth() > targetWidth || current.getHeight() > targetHeight) {
			current = draw(current, Math.max(targetWidth, current.getWidth() / 2),
					Math.max(targetHeight, current.getHeight() / 2), opaque);
		}
		// Drawn once at least, so that every image is encoded from plain RGB(A) pixels.
		return (current == image && image.getType() != type(opaque)) ? draw(image, targetWidth, targetHeight, opaque)
				: current;
	}

	private static BufferedImage draw(BufferedImage source, int width, int height, boolean opaque) {
		BufferedImage target = new BufferedImage(width, height, type(opaque));
		Graphics2D graphics = target.createGraphics();
		try {
			graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			graphics.drawImage(source, 0, 0, width, height, null);
		}
		finally {
			graphics.dispose();
		}
		return target;
	}

	private static int type(boolean opaque) {
		return opaque ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB;
	}

	private static byte[] encode(BufferedImage image, String format) {
		ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ImageOutputStream output = ImageIO.createImageOutputStream(bytes)) {
			writer.setOutput(output);
			ImageWriteParam param = writer.getDefaultWriteParam();
			if (format.equals("jpeg")) {
				param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
				param.setCompressionQuality(JPEG_QUALITY);
			}
			writer.write(null, new IIOImage(image, null, null), param);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}

	private static InvalidAttachmentException unreadable() {
		return new InvalidAttachmentException("file", "attachment.problem.unreadable");
	}

	/**
	 * An image as served, with its thumbnail.
	 *
	 * @param bytes the image, encoded again
	 * @param mediaType its type
	 */
	record Renditions(byte[] bytes, String mediaType, int width, int height, byte[] thumbnail, String thumbnailType) {
	}

}
