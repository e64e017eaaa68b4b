package org.casebook.search.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.casebook.CasebookWebTest;
import org.casebook.search.index.FakeSearchIndexMaintenance;
import org.casebook.search.index.SearchIndexMaintenance.Consistency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The index maintenance endpoints in the web layer alone: for the administrator only
 * (HTTP Basic), a repair posted by a script without a CSRF token, a repair requested from
 * another site refused, 409 while a repair runs and 503 with {@code Retry-After} while
 * the database is away, as problems. The maintenance is a
 * {@link FakeSearchIndexMaintenance}: the real one compares PostgreSQL with the index.
 */
@CasebookWebTest(SearchIndexAdminController.class)
@Import(FakeSearchIndexMaintenance.class)
class SearchIndexAdminControllerWebTests {

	static final Consistency DIFFERENT = new Consistency(120, 119, 2, 1, 3);

	static final Consistency REPAIRED = new Consistency(120, 120, 0, 0, 0);

	@Autowired
	MockMvc mvc;

	@Autowired
	FakeSearchIndexMaintenance maintenance;

	@BeforeEach
	void resetMaintenance() {
		this.maintenance.reset();
		this.maintenance.finds(DIFFERENT, REPAIRED);
	}

	@Test
	void theAdministratorChecksTheIndex() throws Exception {
		this.mvc.perform(as(get("/admin/api/search-index"), "slice-secret"))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.published").value(120))
			.andExpect(jsonPath("$.indexed").value(119))
			.andExpect(jsonPath("$.missing").value(2))
			.andExpect(jsonPath("$.stale").value(1))
			.andExpect(jsonPath("$.outdated").value(3));
		assertThat(this.maintenance.repairs()).isZero();
	}

	@Test
	void nobodyElseMayCheckOrRepair() throws Exception {
		this.mvc.perform(get("/admin/api/search-index"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", startsWith("Basic ")));
		this.mvc.perform(as(get("/admin/api/search-index"), "wrong")).andExpect(status().isUnauthorized());
		this.mvc.perform(post("/admin/api/search-index/repair")).andExpect(status().isUnauthorized());
		this.mvc.perform(as(post("/admin/api/search-index/repair"), "wrong")).andExpect(status().isUnauthorized());
		assertThat(this.maintenance.repairs()).isZero();
	}

	@Test
	void aScriptRepairsTheIndexWithoutACsrfToken() throws Exception {
		this.mvc.perform(as(post("/admin/api/search-index/repair"), "slice-secret"))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.indexed").value(120))
			.andExpect(jsonPath("$.missing").value(0));
		assertThat(this.maintenance.repairs()).isEqualTo(1);
	}

	@Test
	void aRepairIsNotAskedForWithAGet() throws Exception {
		this.mvc.perform(as(get("/admin/api/search-index/repair"), "slice-secret"))
			.andExpect(status().isMethodNotAllowed());
		assertThat(this.maintenance.repairs()).isZero();
	}

	@Test
	void aRepairWhileAnotherRunsGets409Problem() throws Exception {
		this.maintenance.repairRunning(true);
		this.mvc.perform(as(post("/admin/api/search-index/repair"), "slice-secret"))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(409))
			.andExpect(jsonPath("$.detail")
				.value("A repair of the search index is already running; try again when it has finished."));
		assertThat(this.maintenance.repairs()).isZero();
	}

	@Test
	void aRepairRequestedFromAnotherSiteIsRefused() throws Exception {
		this.mvc
			.perform(as(post("/admin/api/search-index/repair"), "slice-secret").header("Sec-Fetch-Site", "cross-site"))
			.andExpect(status().isForbidden())
			.andExpect(content().string("Maintenance requests from other sites are refused: send them from a script "
					+ "or from Casebook itself.\n"));
		this.mvc
			.perform(
					as(post("/admin/api/search-index/repair"), "slice-secret").header("Origin", "https://evil.example"))
			.andExpect(status().isForbidden());
		assertThat(this.maintenance.repairs()).isZero();
		this.mvc
			.perform(as(post("/admin/api/search-index/repair"), "slice-secret").header("Sec-Fetch-Site", "same-origin"))
			.andExpect(status().isOk());
		this.mvc
			.perform(as(post("/admin/api/search-index/repair"), "slice-secret").header("Origin", "http://localhost"))
			.andExpect(status().isOk());
		assertThat(this.maintenance.repairs()).isEqualTo(2);
	}

	@Test
	void whileTheDatabaseIsAwayTheCheckGets503ProblemWithRetryAfter() throws Exception {
		this.maintenance.fails(new DataAccessResourceFailureException("Connection refused"));
		for (MockHttpServletRequestBuilder request : new MockHttpServletRequestBuilder[] {
				get("/admin/api/search-index"), post("/admin/api/search-index/repair") }) {
			this.mvc.perform(as(request, "slice-secret"))
				.andExpect(status().isServiceUnavailable())
				.andExpect(header().string("Retry-After", "5"))
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.status").value(503))
				.andExpect(jsonPath("$.detail").value(
						"Casebook cannot reach its database just now. Please try again in a few seconds; searching still works."));
		}
	}

	private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String password) {
		String credentials = Base64.getEncoder()
			.encodeToString(("admin@casebook.test:" + password).getBytes(StandardCharsets.UTF_8));
		return request.header("Authorization", "Basic " + credentials);
	}

}
