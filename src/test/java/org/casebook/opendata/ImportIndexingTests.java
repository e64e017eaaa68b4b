package org.casebook.opendata;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.casebook.CasebookIntegrationTest;
import org.casebook.search.index.IndexStorage;
import org.casebook.search.index.SearchIndexMaintenance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/**
 * What an import killed right after a batch's commit leaves in the index, on each engine
 * (the build runs it on Lucene's, then on OpenSearch's): with OpenSearch's outbox, the
 * batch's index events were committed in the batch's own transaction, so its cases are
 * found without any repair; with Lucene, which is reindexed after the commit, the index
 * check finds them missing and its repair mends them.
 */
@CasebookIntegrationTest
class ImportIndexingTests {

	private static final String CASES = "SELECT id FROM innovation WHERE slug LIKE 'import-crash-%'";

	@Autowired
	CaseImport imports;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SearchIndexMaintenance index;

	@Autowired
	IndexStorage storage;

	@Autowired
	MockMvc mvc;

	@TempDir
	Path directory;

	/** The outbox and the cases' transactions, as seen right after the commit. */
	record AtTheKill(long cases, long events, List<String> caseTransactions, List<String> eventTransactions) {
	}

	@Test
	void theCasesOfABatchCommittedJustBeforeAKillAreFound() throws Exception {
		StringBuilder csv = new StringBuilder(String.join(",", CaseCsv.COLUMNS)).append('\n');
		for (int i = 0; i < CaseImport.BATCH + 500; i++) {
			List<String> row = CaseCsv.row(new CaseRecord("import-crash-" + i, "Crashword case " + i, "en",
					"Summary " + i, null, Map.of(), 2000 + i % 20, null, List.of("fr"), List.of(), List.of(), List.of(),
					List.of(), List.of(), null, null, false, null, null), "");
			csv.append(String.join(",", row.stream().map((cell) -> (cell != null) ? cell : "").toList())).append('\n');
		}
		Path file = Files.writeString(this.directory.resolve("crash.csv"), csv);
		AtomicReference<AtTheKill> atTheKill = new AtomicReference<>();
		assertThatThrownBy(() -> this.imports.run(file, ExportFormat.CSV, "test", (written) -> {
			// Told right after the first batch's commit, before anything else runs: the
			// process dies here.
			atTheKill.set(new AtTheKill(this.jdbc.queryForObject("SELECT count(*) FROM (" + CASES + ") c", Long.class),
					this.jdbc.queryForObject("SELECT count(*) FROM hsearch_outbox_event WHERE entity_id IN "
							+ "(SELECT id::text FROM innovation WHERE slug LIKE 'import-crash-%')", Long.class),
					this.jdbc.queryForList(
							"SELECT DISTINCT xmin::text FROM innovation WHERE slug LIKE 'import-crash-%'",
							String.class),
					this.jdbc.queryForList(
							"SELECT DISTINCT xmin::text FROM hsearch_outbox_event WHERE entity_id IN "
									+ "(SELECT id::text FROM innovation WHERE slug LIKE 'import-crash-%')",
							String.class)));
			throw new IllegalStateException("killed");
		})).hasMessage("killed");
		assertThat(atTheKill.get().cases()).isEqualTo(CaseImport.BATCH);

		if (this.storage.changesCommittedWithData()) {
			// The events were committed with the cases, in one transaction: the nodes'
			// processors may have taken some already, not all a moment after.
			assertThat(atTheKill.get().events()).isBetween(1L, (long) CaseImport.BATCH);
			assertThat(atTheKill.get().caseTransactions()).hasSize(1);
			assertThat(atTheKill.get().eventTransactions()).isEqualTo(atTheKill.get().caseTransactions());
			assertThat(this.storage.awaitIndexing(Duration.ofSeconds(60))).as("outbox processed in time").isTrue();
			this.mvc.perform(get("/api/v1/innovations?q=crashword"))
				.andExpect(jsonPath("$.total").value(CaseImport.BATCH));
			assertThat(this.index.check().consistent()).isTrue();
		}
		else {
			assertThat(atTheKill.get().events()).isZero();
			assertThat(this.index.check().missing()).isEqualTo(CaseImport.BATCH);
			this.mvc.perform(get("/api/v1/innovations?q=crashword")).andExpect(jsonPath("$.total").value(0));
			assertThat(this.index.checkAndRepair().consistent()).isTrue();
			this.mvc.perform(get("/api/v1/innovations?q=crashword"))
				.andExpect(jsonPath("$.total").value(CaseImport.BATCH));
		}

		// Run again, the import ends with every case once, each found.
		CaseImport.Report report = this.imports.run(file, ExportFormat.CSV, "test", (written) -> {
		});
		assertThat(report.created()).isEqualTo(500);
		assertThat(report.updated()).isEqualTo(CaseImport.BATCH);
		this.mvc.perform(get("/api/v1/innovations?q=crashword"))
			.andExpect(jsonPath("$.total").value(CaseImport.BATCH + 500));
		assertThat(this.index.check().consistent()).isTrue();
	}

	@AfterEach
	void removeTheCases() throws InterruptedException {
		this.jdbc.update("DELETE FROM innovation WHERE slug LIKE 'import-crash-%'");
		this.storage.awaitIndexing(Duration.ofSeconds(60));
		this.index.checkAndRepair();
	}

}
