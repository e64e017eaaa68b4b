package org.casebook.attachment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import javax.imageio.ImageIO;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What an upload becomes, from real files: its type read from its bytes whatever its name
 * says, images encoded again with thumbnails, decompression bombs refused from their
 * header, names made safe.
 */
class UploadsTests {

	final Uploads uploads = new Uploads(new FileTypes(), new AttachmentLimits(DataSize.ofMegabytes(10), 10,
			DataSize.ofMegabytes(50), 40_000_000, 2, Duration.ofSeconds(10)));

	@Test
	void aPngIsEncodedAgainWithAThumbnail() {
		Uploads.PreparedFile file = prepare("diagram.png", TestFiles.image(800, 600, "png"));
		assertThat(file.type().mediaType()).isEqualTo("image/png");
		assertThat(file.mediaType()).isEqualTo("image/png");
		assertThat(file.fileName()).isEqualTo("diagram.png");
		assertThat(file.width()).isEqualTo(800);
		assertThat(file.height()).isEqualTo(600);
		BufferedImage thumbnail = read(file.thumbnail());
		assertThat(thumbnail.getWidth()).isEqualTo(400);
		assertThat(thumbnail.getHeight()).isEqualTo(300);
		assertThat(read(file.bytes()).getRGB(400, 300))
			.isEqualTo(read(TestFiles.image(800, 600, "png")).getRGB(400, 300));
		assertThat(file.sha256()).hasSize(64).isEqualTo(Uploads.sha256(file.bytes()));
	}

	@Test
	void aLargePhotoIsServedAtMost2048PixelsWideAsJpegWhateverItsName() {
		Uploads.PreparedFile file = prepare("IMG_0001.png", TestFiles.image(4100, 2050, "jpeg"));
		assertThat(file.type().mediaType()).isEqualTo("image/jpeg");
		assertThat(file.mediaType()).isEqualTo("image/jpeg");
		assertThat(file.fileName()).isEqualTo("IMG_0001.jpg");
		assertThat(file.width()).isEqualTo(2048);
		assertThat(file.height()).isEqualTo(1024);
		assertThat(read(file.bytes()).getWidth()).isEqualTo(2048);
		assertThat(read(file.thumbnail()).getWidth()).isEqualTo(400);
	}

	@Test
	void gifAndWebPImagesAreServedAsPngOrJpeg() {
		Uploads.PreparedFile gif = prepare("animation.gif", TestFiles.image(50, 40, "gif"));
		assertThat(gif.type().mediaType()).isEqualTo("image/gif");
		assertThat(gif.mediaType()).isEqualTo("image/png");
		assertThat(gif.fileName()).isEqualTo("animation.png");
		Uploads.PreparedFile webp = prepare("pixel.webp", TestFiles.WEBP);
		assertThat(webp.type().mediaType()).isEqualTo("image/webp");
		assertThat(webp.mediaType()).isIn("image/jpeg", "image/png");
		assertThat(webp.width()).isEqualTo(1);
	}

	@Test
	void aPdfIsKeptAsUploaded() {
		byte[] pdf = TestFiles.pdf("Evaluation of the lantern brigades");
		Uploads.PreparedFile file = prepare("Évaluation finale (v2).PDF", pdf);
		assertThat(file.type().kind()).isEqualTo(AttachmentKind.DOCUMENT);
		assertThat(file.mediaType()).isEqualTo("application/pdf");
		assertThat(file.bytes()).isEqualTo(pdf);
		assertThat(file.fileName()).isEqualTo("Évaluation-finale-v2.pdf");
		assertThat(file.thumbnail()).isNull();
	}

	@Test
	void aScriptNamedPdfIsRefusedWhateverItsName() {
		assertRefused("report.pdf", TestFiles.HTML, "attachment.problem.type");
		assertRefused("report.pdf", "#!/bin/sh\nrm -rf /\n".getBytes(), "attachment.problem.type");
		assertRefused("photo.jpg", "GIF89a not really".getBytes(), "attachment.problem.unreadable");
		assertRefused("logo.svg", "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>".getBytes(),
				"attachment.problem.type");
	}

	@Test
	void officeFilesAreKnownByTheirContainerAndNamedWithinIt() {
		byte[] docx = TestFiles.zip("[Content_Types].xml", "_rels/.rels", "word/document.xml");
		assertThat(prepare("plan.docx", docx).mediaType())
			.isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
		assertThat(prepare("budget.xlsx", docx).mediaType())
			.isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		// A package whose content types part comes last is one all the same.
		byte[] reordered = TestFiles.zip("word/document.xml", "_rels/.rels.x", "[Content_Types].xml");
		assertThat(prepare("plan.docx", reordered).fileName()).isEqualTo("plan.docx");
		assertThat(prepare("minutes.doc", TestFiles.ole2()).mediaType()).isEqualTo("application/msword");
		assertThat(prepare("figures.xls", TestFiles.ole2()).mediaType()).isEqualTo("application/vnd.ms-excel");
		// The name never makes another family acceptable.
		assertRefused("plan.pdf", docx, "attachment.problem.type");
		assertRefused("archive.docx", TestFiles.zip("payload.exe"), "attachment.problem.type");
		assertRefused("minutes.docx", TestFiles.ole2(), "attachment.problem.type");
		assertRefused("macros.docm", docx, "attachment.problem.type");
	}

	@Test
	void aDecompressionBombIsRefusedFromItsHeaderBeforeAnyPixelIsDecoded() {
		byte[] bomb = TestFiles.pngDeclaring(100_000, 100_000);
		assertThat(bomb.length).isLessThan(100);
		long started = System.nanoTime();
		assertThatThrownBy(() -> prepare("bomb.png", bomb)).isInstanceOfSatisfying(InvalidAttachmentException.class,
				(ex) -> {
					assertThat(ex.getCodes()).containsExactly("attachment.problem.pixels");
					assertThat(ex.getArguments()).containsExactly(100_000L, 100_000L, 40L);
				});
		// Ten billion pixels would take 30 GB and minutes to decode.
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void aFileLargerThanTheLimitIsRefusedBeforeItIsRead() {
		ByteArrayResource never = new ByteArrayResource(new byte[0]) {
			@Override
			public java.io.InputStream getInputStream() {
				throw new AssertionError("read");
			}
		};
		assertThatThrownBy(() -> this.uploads.prepare("big.pdf", 10 * 1024 * 1024 + 1, never)).isInstanceOfSatisfying(
				InvalidAttachmentException.class,
				(ex) -> assertThat(ex.getCodes()).containsExactly("attachment.problem.tooLarge"));
		// A size said wrongly is caught as the bytes are read.
		byte[] big = new byte[10 * 1024 * 1024 + 1];
		assertThatThrownBy(() -> this.uploads.prepare("big.pdf", 10, new ByteArrayResource(big)))
			.isInstanceOfSatisfying(InvalidAttachmentException.class,
					(ex) -> assertThat(ex.getCodes()).containsExactly("attachment.problem.tooLarge"));
		assertRefused("empty.pdf", new byte[0], "attachment.problem.empty");
	}

	@Test
	void namesAreMadeSafe() {
		assertThat(Uploads.safeName("../../etc/passwd", ".pdf")).isEqualTo("passwd.pdf");
		assertThat(Uploads.safeName("C:\\Users\\ana\\Informe anual 2024.docx", ".docx"))
			.isEqualTo("Informe-anual-2024.docx");
		assertThat(Uploads.safeName("\"><img src=x onerror=alert(1)>.pdf", ".pdf"))
			.isEqualTo("img-src-x-onerror-alert-1.pdf");
		assertThat(Uploads.safeName("\"><script>alert(1)</script>.pdf", ".pdf")).isEqualTo("script.pdf");
		assertThat(Uploads.safeName(".htaccess", ".pdf")).isEqualTo("htaccess.pdf");
		assertThat(Uploads.safeName(null, ".png")).isEqualTo("file.png");
		assertThat(Uploads.safeName("a\u0000b\r\nc.pdf", ".pdf")).isEqualTo("a-b-c.pdf");
		assertThat(Uploads.safeName("x".repeat(500) + ".pdf", ".pdf")).hasSize(Uploads.NAME_MAX + 4);
	}

	private Uploads.PreparedFile prepare(String name, byte[] bytes) {
		return this.uploads.prepare(name, bytes.length, new ByteArrayResource(bytes));
	}

	private void assertRefused(String name, byte[] bytes, String code) {
		assertThatThrownBy(() -> prepare(name, bytes)).as(name)
			.isInstanceOfSatisfying(InvalidAttachmentException.class,
					(ex) -> assertThat(ex.getCodes()).containsExactly(code));
	}

	private static BufferedImage read(byte[] bytes) {
		try {
			return ImageIO.read(new ByteArrayInputStream(bytes));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
