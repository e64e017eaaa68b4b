package org.casebook.attachment;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.casebook.CasebookIntegrationTest;
import org.casebook.account.AccountService;
import org.casebook.account.Role;
import org.casebook.account.SignIn;
import org.casebook.account.Visitor;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Images and files on a case, against the whole application: a contributor uploads real
 * images and a real PDF to a draft (refused: a script named {@code .pdf}, an image
 * without its text alternative, a file too large), sees them alone with editors until the
 * case is published, and then everyone finds them on the case's page, at addresses of
 * that case only, served inert; a proposed change adds and removes them.
 */
@CasebookIntegrationTest
class AttachmentTests {

	private static final Pattern FILE_LINK = Pattern
		.compile("href=\"(/(?:contribute|review|innovations)/[^/\"]+/files/([0-9a-f-]{36})/([^\"]+))\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void filesGoFromTheDraftToThePublishedCaseAndNowhereElse() throws Exception {
		Visitor author = contributor("files-author@example.org");
		long id = draft(author, "Lanterns with pictures");
		author.perform(get("/contribute/" + id + "/files"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("enctype=\"multipart/form-data\"")))
			.andExpect(content().string(containsString("No image or document yet.")));

		author.perform(upload(author, id, "lantern.png", TestFiles.image(640, 480, "png"), "Volunteers fix a lantern"))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", endsWith("/contribute/" + id + "/files?saved")));
		author.perform(upload(author, id, "evaluation.pdf", TestFiles.pdf("Evaluation"), "Evaluation report"))
			.andExpect(status().isFound());

		// Refused, each with its reason beside its field, and what was typed kept.
		author.perform(upload(author, id, "report.pdf", TestFiles.HTML, "Annual report 2024"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("whatever its name says")))
			.andExpect(content().string(containsString("value=\"Annual report 2024\"")))
			.andExpect(content().string(containsString("aria-describedby=\"file-problem\"")));
		author.perform(upload(author, id, "street.jpg", TestFiles.image(300, 200, "jpeg"), " "))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Say what the image shows")));
		author
			.perform(upload(author, id, "huge.pdf", new byte[10 * 1024 * 1024 + 1], "Everything we have")
				.param("descriptions[" + fileIds(id).get(0) + "]", "Volunteers fix a lantern at dusk"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("larger than 10 MB")))
			.andExpect(content().string(containsString("value=\"Everything we have\"")));
		author
			.perform(post("/contribute/" + id + "/files").param("description", "A photo I forgot")
				.param("_csrf", author.csrf("/contribute/" + id + "/files")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Choose a file to go with this description.")));
		author.perform(upload(author, id, "bomb.png", TestFiles.pngDeclaring(100_000, 100_000), "A bomb"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("100,000 by 100,000 pixels")));
		assertThat(fileIds(id)).hasSize(2);
		// A description changed alongside a refused upload is kept all the same.
		assertThat(
				this.jdbc.queryForList("SELECT description FROM attachment WHERE submission_id = ?", String.class, id))
			.contains("Volunteers fix a lantern at dusk");

		String step = page(author, "/contribute/" + id + "/files");
		Map<String, String> links = links(step);
		assertThat(links).hasSize(2);
		String imageLink = links.keySet().stream().filter((link) -> link.endsWith(".png")).findFirst().orElseThrow();
		String pdfLink = links.keySet().stream().filter((link) -> link.endsWith(".pdf")).findFirst().orElseThrow();
		assertThat(step).contains("(PNG image, ").contains("(PDF, 1 KB)");

		// Its author sees them; no one else does.
		MockHttpServletResponse image = author.perform(get(imageLink)).andReturn().getResponse();
		assertThat(image.getStatus()).isEqualTo(200);
		assertThat(image.getContentType()).isEqualTo("image/png");
		assertThat(image.getHeader("Content-Disposition")).startsWith("inline;").contains("lantern.png");
		assertThat(image.getHeader("Cache-Control")).contains("private");
		assertInert(image);
		author.perform(get(imageLink.replace("/files/", "/thumbnails/").replaceAll("/[^/]+$", "")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/png"));
		Visitor anonymous = new Visitor(this.mvc);
		anonymous.perform(get(imageLink))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", endsWith("/login")));
		contributor("files-stranger@example.org").perform(get(imageLink)).andExpect(status().isNotFound());

		// Editors see them in review.
		submit(author, id);
		Visitor editor = editor("files-editor@example.org");
		String review = page(editor, "/review/" + id);
		assertThat(review).contains("alt=\"Volunteers fix a lantern at dusk\"")
			.contains("/review/" + id + "/thumbnails/");
		for (String link : links(review).keySet()) {
			editor.perform(get(link)).andExpect(status().isOk());
		}

		// Published: on the case's page, for everyone, at addresses of that case.
		String slug = publish(editor, id);
		String casePage = this.mvc.perform(get("/innovations/" + slug))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(casePage).contains("Images and files")
			.contains("alt=\"Volunteers fix a lantern at dusk\"")
			.contains(">Evaluation report</a>")
			.contains("(PDF, 1 KB)");
		Map<String, String> published = links(casePage);
		assertThat(published.values()).containsExactlyInAnyOrderElementsOf(links.values());
		// Its card in the list shows the image's thumbnail, read from the index.
		String publicImage = published.keySet()
			.stream()
			.filter((link) -> link.endsWith(".png"))
			.findFirst()
			.orElseThrow();
		String thumbnail = publicImage.replace("/files/", "/thumbnails/").replaceAll("/[^/]+$", "");
		assertThat(this.mvc.perform(get("/innovations").param("q", "lanterns with pictures"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("class=\"card-image\" alt=\"\" loading=\"lazy\"")
			.contains("src=\"" + thumbnail + "\"");
		String publicPdf = published.keySet()
			.stream()
			.filter((link) -> link.endsWith(".pdf"))
			.findFirst()
			.orElseThrow();
		MockHttpServletResponse pdf = this.mvc.perform(get(publicPdf)).andReturn().getResponse();
		assertThat(pdf.getStatus()).isEqualTo(200);
		assertThat(pdf.getContentType()).isEqualTo("application/pdf");
		assertThat(pdf.getHeader("Content-Disposition")).startsWith("attachment;").contains("evaluation.pdf");
		assertThat(pdf.getContentAsByteArray()).isEqualTo(TestFiles.pdf("Evaluation"));
		assertThat(pdf.getHeader("Cache-Control")).contains("public").contains("no-cache");
		assertInert(pdf);
		this.mvc.perform(get(publicPdf).header("If-None-Match", pdf.getHeader("ETag")))
			.andExpect(status().isNotModified());
		// The draft's addresses are gone with the draft; the file's id under another
		// case,
		// or under another name, is not found.
		author.perform(get(pdfLink)).andExpect(status().isNotFound());
		this.mvc.perform(get(publicPdf.replace("/innovations/" + slug + "/", "/innovations/govtech-poland/")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get(publicPdf.replace("evaluation.pdf", "other.pdf"))).andExpect(status().isNotFound());

		JsonNode document = this.json.readTree(
				this.mvc.perform(get("/api/v1/innovations/" + slug)).andReturn().getResponse().getContentAsString());
		JsonNode files = document.get("attachments");
		assertThat(files).hasSize(2);
		assertThat(files.get(0).get("kind").asString()).isEqualTo("image");
		assertThat(files.get(0).get("altText").asString()).isEqualTo("Volunteers fix a lantern at dusk");
		assertThat(files.get(0).get("mediaType").asString()).isEqualTo("image/png");
		assertThat(files.get(0).get("width").asInt()).isEqualTo(640);
		assertThat(files.get(0).get("thumbnailUrl").asString()).startsWith("/innovations/" + slug + "/thumbnails/");
		assertThat(files.get(1).get("title").asString()).isEqualTo("Evaluation report");
		assertThat(files.get(1).get("url").asString()).isEqualTo(publicPdf);
		assertThat(files.get(1).get("size").asLong()).isEqualTo(TestFiles.pdf("Evaluation").length);
	}

	@Test
	void aDraftsFilesAreNeverPublic() throws Exception {
		Visitor author = contributor("files-secret@example.org");
		long id = draft(author, "A case with a secret picture");
		author.perform(upload(author, id, "secret.png", TestFiles.image(20, 20, "png"), "A secret"))
			.andExpect(status().isFound());
		String id0 = fileIds(id).get(0);
		for (String slug : List.of("govtech-poland", "no-such-case")) {
			this.mvc.perform(get("/innovations/" + slug + "/files/" + id0 + "/secret.png"))
				.andExpect(status().isNotFound());
			this.mvc.perform(get("/innovations/" + slug + "/thumbnails/" + id0)).andExpect(status().isNotFound());
		}
		this.mvc.perform(get("/innovations/govtech-poland/files/not-an-id/secret.png"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void anUploadWithoutItsCsrfTokenIsRefused() throws Exception {
		Visitor author = contributor("files-forged@example.org");
		long id = draft(author, "A case someone else posts to");
		author
			.perform(multipart("/contribute/" + id + "/files")
				.file(new MockMultipartFile("file", "x.png", "image/png", TestFiles.image(10, 10, "png")))
				.param("description", "Forged"))
			.andExpect(status().isForbidden());
		assertThat(fileIds(id)).isEmpty();
	}

	@Test
	void aProposedChangeAddsAndRemovesFilesAndKeepsTheAddressesOfThoseItKeeps() throws Exception {
		Visitor author = contributor("files-changer@example.org");
		long id = draft(author, "Lanterns that change");
		author.perform(upload(author, id, "before.png", TestFiles.image(64, 64, "png"), "The street before"))
			.andExpect(status().isFound());
		author.perform(upload(author, id, "kept.png", TestFiles.image(65, 65, "png"), "The street after"))
			.andExpect(status().isFound());
		submit(author, id);
		Visitor editor = editor("files-change-editor@example.org");
		String slug = publish(editor, id);
		Map<String, String> before = links(page(this.mvc, "/innovations/" + slug));
		String removedLink = before.keySet().stream().filter((l) -> l.endsWith("before.png")).findFirst().orElseThrow();
		String keptLink = before.keySet().stream().filter((l) -> l.endsWith("kept.png")).findFirst().orElseThrow();
		String removedHash = this.jdbc.queryForObject("SELECT sha256 FROM attachment WHERE id = ?::uuid", String.class,
				before.get(removedLink));

		String location = author
			.perform(post("/contribute/change/" + slug).param("_csrf", author.csrf("/innovations/" + slug)))
			.andExpect(status().isFound())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long change = Long.parseLong(location.replaceAll(".*/contribute/(\\d+)/basics", "$1"));
		String step = page(author, "/contribute/" + change + "/files");
		assertThat(step).contains("before.png").contains("kept.png");
		String copyOfRemoved = this.jdbc.queryForObject(
				"SELECT id::text FROM attachment WHERE submission_id = ? AND file_name = 'before.png'", String.class,
				change);
		String copyOfKept = this.jdbc.queryForObject(
				"SELECT id::text FROM attachment WHERE submission_id = ? AND file_name = 'kept.png'", String.class,
				change);
		author
			.perform(post("/contribute/" + change + "/files").param("remove", copyOfRemoved)
				.param("descriptions[" + copyOfKept + "]", "The street after, lit")
				.param("_csrf", author.csrf("/contribute/" + change + "/files")))
			.andExpect(status().isFound());
		author.perform(upload(author, change, "results.pdf", TestFiles.pdf("Results"), "Results"))
			.andExpect(status().isFound());
		// Until the change is published, the case keeps its files.
		this.mvc.perform(get(removedLink)).andExpect(status().isOk());
		this.mvc.perform(get("/innovations/" + slug)).andExpect(content().string(not(containsString("results.pdf"))));

		submit(author, change);
		publish(editor, change);
		String after = page(this.mvc, "/innovations/" + slug);
		assertThat(after).contains("alt=\"The street after, lit\"")
			.contains(">Results</a>")
			.doesNotContain("The street before");
		assertThat(links(after)).containsKey(keptLink);
		this.mvc.perform(get(keptLink)).andExpect(status().isOk());
		this.mvc.perform(get(removedLink)).andExpect(status().isNotFound());
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM attachment_content WHERE sha256 = ?", Integer.class,
				removedHash))
			.isZero();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM attachment WHERE submission_id = ?", Integer.class,
				change))
			.isZero();
	}

	/** The file's own headers: what it is, never guessed, and never run. */
	private static void assertInert(MockHttpServletResponse file) {
		assertThat(file.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(file.getHeaders("Content-Security-Policy")).hasSize(1);
		assertThat(file.getHeader("Content-Security-Policy")).startsWith("sandbox;")
			.contains("default-src 'none'")
			.doesNotContain("script-src");
		assertThat(file.getHeader("ETag")).matches("\"[0-9a-f]{64}\"");
	}

	/** The files linked from a page: their addresses, and their ids. */
	private static Map<String, String> links(String page) {
		Map<String, String> links = new java.util.LinkedHashMap<>();
		Matcher matcher = FILE_LINK.matcher(page);
		while (matcher.find()) {
			links.put(matcher.group(1), matcher.group(2));
		}
		return links;
	}

	private List<String> fileIds(long submission) {
		return this.jdbc.queryForList("SELECT id::text FROM attachment WHERE submission_id = ? ORDER BY position",
				String.class, submission);
	}

	private static String page(Visitor visitor, String path) throws Exception {
		return visitor.perform(get(path))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private static String page(MockMvc mvc, String path) throws Exception {
		return mvc.perform(get(path))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private static MockMultipartHttpServletRequestBuilder upload(Visitor author, long id, String name, byte[] bytes,
			String description) throws Exception {
		MockMultipartHttpServletRequestBuilder request = multipart("/contribute/" + id + "/files")
			.file(new MockMultipartFile("file", name, "application/octet-stream", bytes));
		request.param("description", description).param("_csrf", author.csrf("/contribute/" + id + "/files"));
		return request;
	}

	private Visitor contributor(String email) throws Exception {
		SignIn.account(this.accounts, this.jdbc, email, Role.CONTRIBUTOR);
		return SignIn.as(this.mvc, email, SignIn.PASSWORD);
	}

	private Visitor editor(String email) throws Exception {
		SignIn.account(this.accounts, this.jdbc, email, Role.EDITOR);
		return SignIn.as(this.mvc, email, SignIn.PASSWORD);
	}

	/** A draft with all that a submission needs. */
	private static long draft(Visitor author, String title) throws Exception {
		String location = author.perform(post("/contribute").param("_csrf", author.csrf("/contribute")))
			.andExpect(status().isFound())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(location.replaceAll(".*/contribute/(\\d+)/basics", "$1"));
		author
			.perform(step(author, id, "basics").param("title", title)
				.param("summary", "What " + title + " does, in two sentences. It works.")
				.param("language", "en")
				.param("countries", "pl")
				.param("launchYear", "2021")
				.param("level", "local")
				.param("organisations[0].name", "City of Quokkaville")
				.param("sectors", "health")
				.param("tags", ""))
			.andExpect(status().isFound());
		author.perform(step(author, id, "description").param("overview", "What " + title + " is."))
			.andExpect(status().isFound());
		return id;
	}

	private static MockHttpServletRequestBuilder step(Visitor author, long id, String step) throws Exception {
		return post("/contribute/" + id + "/" + step).param("_csrf", author.csrf("/contribute/" + id + "/" + step));
	}

	private static void submit(Visitor author, long id) throws Exception {
		author
			.perform(post("/contribute/" + id + "/submit").param("_csrf", author.csrf("/contribute/" + id + "/check")))
			.andExpect(status().isFound());
	}

	private static String publish(Visitor editor, long id) throws Exception {
		String location = editor
			.perform(post("/review/" + id + "/publish").param("_csrf", editor.csrf("/review/" + id)))
			.andExpect(status().isFound())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		return location.substring(location.lastIndexOf('/') + 1);
	}

}
