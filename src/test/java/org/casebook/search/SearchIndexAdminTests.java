package org.casebook.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.casebook.CasebookIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The consistency check between PostgreSQL and the index, on demand, for administrators.
 */
@CasebookIntegrationTest
class SearchIndexAdminTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void onlyTheAdministratorMayCheckOrRepair() throws Exception {
		this.mvc.perform(get("/admin/search-index")).andExpect(status().isUnauthorized());
		this.mvc.perform(as(get("/admin/search-index"), "wrong")).andExpect(status().isUnauthorized());
		this.mvc.perform(post("/admin/search-index/repair")).andExpect(status().isUnauthorized());
		this.mvc.perform(as(get("/admin/search-index"), "test-secret"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.missing").value(0))
			.andExpect(jsonPath("$.stale").value(0));
	}

	@Test
	void findsAndRepairsCasesTheIndexMissedOrKeptTooLong() throws Exception {
		// Written with plain SQL, as a restore or a script would: the index does not
		// know.
		this.jdbc.update("""
				INSERT INTO innovation (id, slug, title, language, status, created_at, updated_at, published_at)
				VALUES (nextval('innovation_seq') + 1000000, 'restored-from-backup', 'Restored from a backup', 'en',
				        'PUBLISHED', now(), now(), now())""");
		this.mvc.perform(as(get("/admin/search-index"), "test-secret"))
			.andExpect(jsonPath("$.missing").value(1))
			.andExpect(jsonPath("$.stale").value(0));
		this.mvc.perform(as(post("/admin/search-index/repair"), "test-secret"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.missing").value(0))
			.andExpect(jsonPath("$.stale").value(0));

		this.jdbc.update("DELETE FROM innovation WHERE slug = 'restored-from-backup'");
		this.mvc.perform(as(get("/admin/search-index"), "test-secret")).andExpect(jsonPath("$.stale").value(1));
		this.mvc.perform(as(post("/admin/search-index/repair"), "test-secret"))
			.andExpect(jsonPath("$.missing").value(0))
			.andExpect(jsonPath("$.stale").value(0));
	}

	private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String password) {
		String credentials = Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
		return request.header("Authorization", "Basic " + credentials);
	}

}
