package org.casebook.opendata.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.casebook.CasebookIntegrationTest;
import org.casebook.account.SignIn;
import org.casebook.account.Visitor;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Imports through HTTP: for editors only (scripts by HTTP Basic, people signed in); a dry
 * run through the API reports its problems by line and column; the upload page follows
 * the import.
 */
@CasebookIntegrationTest
class ImportApiTests {

	private static final String CSV = """
			slug,title,language,countries
			import-api-one,One,en,fr
			import-api-two,,en,zz
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Test
	void onlyEditorsImport() throws Exception {
		this.mvc.perform(post("/admin/api/imports").contentType("text/csv").content(CSV))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/admin/import"))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", endsWith("/login")));
	}

	@Test
	void aDryRunThroughTheApiReportsEveryProblem() throws Exception {
		String location = this.mvc
			.perform(post("/admin/api/imports").param("dryRun", "true")
				.contentType("text/csv")
				.content(CSV)
				.with(ImportApiTests::administrator))
			.andExpect(status().isAccepted())
			.andExpect(header().string("Location", containsString("/admin/api/imports/")))
			.andReturn()
			.getResponse()
			.getHeader("Location");
		JsonNode job = waitFor(location.substring(location.indexOf("/admin")));
		assertThat(job.get("state").asString()).isEqualTo("DONE");
		assertThat(job.at("/report/rows").asLong()).isEqualTo(2);
		assertThat(job.at("/report/problemCount").asLong()).isEqualTo(2);
		assertThat(job.at("/report/problems/0/line").asLong()).isEqualTo(3);
		assertThat(job.at("/report/problems/0/column").asString()).isEqualTo("title");
		assertThat(job.at("/report/problems/1/column").asString()).isEqualTo("countries");
	}

	@Test
	void anUnknownFormatIs400() throws Exception {
		this.mvc
			.perform(post("/admin/api/imports").contentType("application/pdf")
				.content("%PDF")
				.with(ImportApiTests::administrator))
			.andExpect(status().isBadRequest());
	}

	@Test
	void theUploadPageFollowsTheImport() throws Exception {
		Visitor session = SignIn.as(this.mvc, SignIn.ADMIN, SignIn.PASSWORD);
		session.perform(get("/admin/import"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("type=\"file\"")));
		String redirect = session
			.perform(multipart("/admin/import")
				.file(new MockMultipartFile("file", "cases.csv", "text/csv", CSV.getBytes(StandardCharsets.UTF_8)))
				.param("dryRun", "true")
				.param("_csrf", session.csrf("/admin/import")))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		waitFor("/admin/api/imports/" + redirect.substring(redirect.lastIndexOf('/') + 1));
		session.perform(get(redirect))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("There is no term “zz” in this taxonomy.")))
			.andExpect(content().string(containsString("<td>3</td>")));
	}

	/** HTTP Basic, as scripts send it. */
	private static MockHttpServletRequest administrator(MockHttpServletRequest request) {
		request.addHeader("Authorization", "Basic " + Base64.getEncoder()
			.encodeToString("admin@casebook.test:test-secret".getBytes(StandardCharsets.UTF_8)));
		return request;
	}

	private JsonNode waitFor(String path) throws Exception {
		for (int i = 0; i < 200; i++) {
			JsonNode job = this.json.readTree(this.mvc.perform(get(path).with(ImportApiTests::administrator))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8));
			if (Map.of("DONE", 1, "FAILED", 1).containsKey(job.get("state").asString())) {
				return job;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("The import did not end");
	}

}
