package org.casebook.search.index;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import org.casebook.CasebookIntegrationTest;
import org.casebook.innovation.Innovation;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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

	@Autowired
	SearchIndexMaintenance maintenance;

	@Autowired
	EntityManager entityManager;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void onlyTheAdministratorMayCheckOrRepair() throws Exception {
		this.mvc.perform(get("/admin/api/search-index")).andExpect(status().isUnauthorized());
		this.mvc.perform(as(get("/admin/api/search-index"), "wrong")).andExpect(status().isUnauthorized());
		this.mvc.perform(post("/admin/api/search-index/repair")).andExpect(status().isUnauthorized());
		this.mvc.perform(as(get("/admin/api/search-index"), "test-secret"))
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
		this.mvc.perform(as(get("/admin/api/search-index"), "test-secret"))
			.andExpect(jsonPath("$.missing").value(1))
			.andExpect(jsonPath("$.stale").value(0));
		this.mvc.perform(as(post("/admin/api/search-index/repair"), "test-secret"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.missing").value(0))
			.andExpect(jsonPath("$.stale").value(0));

		this.jdbc.update("DELETE FROM innovation WHERE slug = 'restored-from-backup'");
		this.mvc.perform(as(get("/admin/api/search-index"), "test-secret")).andExpect(jsonPath("$.stale").value(1));
		this.mvc.perform(as(post("/admin/api/search-index/repair"), "test-secret"))
			.andExpect(jsonPath("$.missing").value(0))
			.andExpect(jsonPath("$.stale").value(0));
	}

	@Test
	void findsAndRepairsCasesIndexedBeforeTheirLastChange() throws Exception {
		// A change committed to the database whose index update was lost (a crash
		// between the two commits).
		Long id = this.jdbc.queryForObject(
				"select id from innovation where status = 'PUBLISHED' and demo order by id limit 1", Long.class);
		this.jdbc.update(
				"UPDATE innovation SET title = 'Zyxwvut changed behind the index', updated_at = now() WHERE id = ?",
				id);
		this.mvc.perform(get("/api/v1/innovations?q=zyxwvut")).andExpect(jsonPath("$.total").value(0));
		this.mvc.perform(as(get("/admin/api/search-index"), "test-secret"))
			.andExpect(jsonPath("$.outdated").value(1))
			.andExpect(jsonPath("$.missing").value(0));
		this.mvc.perform(as(post("/admin/api/search-index/repair"), "test-secret"))
			.andExpect(jsonPath("$.outdated").value(0));
		this.mvc.perform(get("/api/v1/innovations?q=zyxwvut")).andExpect(jsonPath("$.total").value(1));
	}

	/**
	 * Where the engine pages its documents (OpenSearch answers 10,000 at most), the check
	 * reads every page: with pages of 7, differences planted among a few hundred
	 * documents are found on every page, not only the first.
	 */
	@Test
	void theCheckFindsDifferencesOnEveryPage() {
		SearchIndexMaintenance.Consistency before = this.maintenance.check();
		assertThat(before.indexed()).isGreaterThan(30 * 7);
		List<Long> stale = this.jdbc.queryForList(
				"SELECT id FROM innovation WHERE status = 'PUBLISHED' AND demo ORDER BY id LIMIT 12", Long.class);
		List<Long> outdated = this.jdbc.queryForList(
				"SELECT id FROM innovation WHERE status = 'PUBLISHED' AND demo ORDER BY id DESC LIMIT 12", Long.class);
		this.maintenance.pageSize(7);
		try {
			// Behind the index's back: twelve cases no longer published, twelve changed,
			// one published case it never saw. Twelve cannot all be on the first page.
			this.jdbc.update("UPDATE innovation SET status = 'ARCHIVED' WHERE id IN (" + ids(stale) + ")");
			this.jdbc.update("UPDATE innovation SET updated_at = updated_at + interval '1 second' WHERE id IN ("
					+ ids(outdated) + ")");
			this.jdbc.update("""
					INSERT INTO innovation (id, slug, title, language, status, created_at, updated_at, published_at)
					VALUES (nextval('innovation_seq') + 1000000, 'paged-check-missing', 'Missed by the index', 'en',
					        'PUBLISHED', now(), now(), now())""");
			SearchIndexMaintenance.Consistency after = this.maintenance.check();
			assertThat(after.indexed()).isEqualTo(before.indexed());
			assertThat(after.stale()).isEqualTo(before.stale() + 12);
			assertThat(after.outdated()).isEqualTo(before.outdated() + 12);
			assertThat(after.missing()).isEqualTo(before.missing() + 1);
		}
		finally {
			this.maintenance.pageSize(5_000);
			this.jdbc.update("UPDATE innovation SET status = 'PUBLISHED' WHERE id IN (" + ids(stale) + ")");
			this.jdbc.update("UPDATE innovation SET updated_at = updated_at - interval '1 second' WHERE id IN ("
					+ ids(outdated) + ")");
			this.jdbc.update("DELETE FROM innovation WHERE slug = 'paged-check-missing'");
		}
		assertThat(this.maintenance.check()).isEqualTo(before);
	}

	private static String ids(List<Long> ids) {
		return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
	}

	@Test
	void aCaseSavedWithNanosecondsIsNotOutdated() {
		// Java's clock has nanoseconds; PostgreSQL keeps microseconds, rounded (2 µs
		// here),
		// while the index holds the entity's own value.
		Instant when = Instant.parse("2024-05-01T10:00:00.000001500Z");
		long outdated = this.maintenance.check().outdated();
		this.transaction.executeWithoutResult((status) -> {
			Innovation innovation = new Innovation("saved-with-nanoseconds", "Saved with nanoseconds", "en", when);
			innovation.publish(when);
			this.entityManager.persist(innovation);
		});
		try {
			assertThat(this.maintenance.check().outdated()).isEqualTo(outdated);
		}
		finally {
			this.transaction.executeWithoutResult((status) -> this.entityManager.remove(this.entityManager
				.createQuery("select i from Innovation i where i.slug = 'saved-with-nanoseconds'", Innovation.class)
				.getSingleResult()));
		}
	}

	@Test
	void aRepairDoesNotRunTwiceAtOnce() throws Exception {
		ExecutorService other = Executors.newSingleThreadExecutor();
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		try {
			other.submit(() -> {
				this.maintenance.repairLock().lock();
				try {
					held.countDown();
					release.await(10, TimeUnit.SECONDS);
				}
				finally {
					this.maintenance.repairLock().unlock();
				}
				return null;
			});
			assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
			this.mvc.perform(as(post("/admin/api/search-index/repair"), "test-secret"))
				.andExpect(status().isConflict())
				.andExpect(jsonPath("$.detail").value(containsString("already running")));
		}
		finally {
			release.countDown();
			other.shutdown();
		}
		this.mvc.perform(as(post("/admin/api/search-index/repair"), "test-secret")).andExpect(status().isOk());
	}

	@Test
	void maintenanceRequestsFromOtherSitesAreRefused() throws Exception {
		this.mvc
			.perform(as(post("/admin/api/search-index/repair"), "test-secret").header("Sec-Fetch-Site", "cross-site"))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("from other sites are refused")));
		this.mvc
			.perform(as(post("/admin/api/search-index/repair"), "test-secret").header("Origin", "https://evil.example"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(as(post("/admin/api/search-index/repair"), "test-secret").header("Sec-Fetch-Site", "same-origin"))
			.andExpect(status().isOk());
		this.mvc.perform(as(post("/admin/api/search-index/repair"), "test-secret").header("Origin", "http://localhost"))
			.andExpect(status().isOk());
	}

	private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String password) {
		String credentials = Base64.getEncoder()
			.encodeToString(("admin@casebook.test:" + password).getBytes(StandardCharsets.UTF_8));
		return request.header("Authorization", "Basic " + credentials);
	}

}
