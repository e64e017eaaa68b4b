package org.casebook.opendata;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.casebook.CasebookIntegrationTest;
import org.casebook.innovation.Innovation;
import org.casebook.innovation.Organisation;
import org.casebook.innovation.Revision;
import org.casebook.search.SearchQuery;
import org.casebook.search.SearchSort;
import org.casebook.search.index.SearchIndexMaintenance;
import org.casebook.taxonomy.Country;
import org.casebook.taxonomy.Tag;
import org.hibernate.envers.AuditReader;
import org.hibernate.envers.AuditReaderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Imports on the real database and index: a dry run finds every planted problem and
 * writes nothing; export, import and export again give the same file; an import run twice
 * or stopped half-way and run again leaves every case once, with the index consistent.
 */
@CasebookIntegrationTest
class ImportTests {

	@Autowired
	CaseImport imports;

	@Autowired
	CaseExport export;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SearchIndexMaintenance index;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@TempDir
	Path directory;

	@Test
	void aDryRunFindsEveryPlantedProblemWithItsLineAndColumnAndWritesNothing() throws Exception {
		String csv = """
				slug,title,language,launch_year,countries,latitude,longitude,links,demo,published_at,source_url,colour
				import-good,A good case,en,2020,fr,,,,false,,,
				Not A Slug,Bad slug,en,2020,,,,,,,,
				import-no-title,,en,,,,,,,,,
				import-bad-year,Year,en,1800,,,,,,,,
				import-bad-country,Country,en,,fr|zz,,,,,,,
				import-half-point,Point,en,,,45.5,,,,,,
				import-bad-link,Link,en,,,,,ftp://x.org site,,,,
				import-bad-demo,Demo,en,,,,,,maybe,,,
				import-bad-date,Date,en,,,,,,,yesterday,,
				import-good,Again,en,,,,,,,,,
				import-bad-language,Langue,xx,,,,,,,,javascript:alert(1),
				""";
		long before = count();
		CaseImport.Report report = this.imports.check(file("problems.csv", csv), ExportFormat.CSV);
		assertThat(report.rows()).isEqualTo(11);
		assertThat(report.problems()).extracting(ImportTests::where)
			.containsExactlyInAnyOrder("1 colour unknownColumn", "3 slug slug", "4 title required",
					"5 launch_year year", "6 countries unknownTerm", "7 longitude halfAPoint", "8 links link",
					"9 demo boolean", "10 published_at instant", "11 slug duplicateSlug", "12 language language",
					"12 source_url url");
		assertThat(report.problemCount()).isEqualTo(12);
		assertThat(count()).isEqualTo(before);
		// A run of a file with problems writes nothing either.
		assertThat(this.imports.run(file("problems.csv", csv), ExportFormat.CSV, "test", (rows) -> {
		}).problemCount()).isEqualTo(12);
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void aFileThatIsNotCsvOrNotUtf8IsAProblemNotAFailure() throws Exception {
		CaseImport.Report broken = this.imports.check(file("broken.csv", "slug,title,language\nx,\"open,en\n"),
				ExportFormat.CSV);
		assertThat(broken.problems()).extracting(ImportTests::where).containsExactly("0 null csv");
		Path latin1 = this.directory.resolve("latin1.csv");
		Files.write(latin1, "slug,title,language\ncafe,Caf\u00e9,fr\n".getBytes(StandardCharsets.ISO_8859_1));
		assertThat(this.imports.check(latin1, ExportFormat.CSV).problems()).extracting(ImportTests::where)
			.containsExactly("0 null encoding");
	}

	@Test
	void exportImportIntoACatalogueWithoutTheCasesAndExportAgainGiveTheSameFile() throws Exception {
		for (ExportFormat format : ExportFormat.values()) {
			SearchQuery all = new SearchQuery("", Map.of(), null, null, SearchSort.TITLE, 1, 20);
			String first = export(all, format);
			List<String> removed = this.jdbc.queryForList(
					"SELECT slug FROM innovation WHERE status = 'PUBLISHED' ORDER BY id DESC LIMIT 25", String.class);
			this.jdbc.update("DELETE FROM innovation WHERE slug = ANY (?)", (Object) removed.toArray(String[]::new));
			this.index.checkAndRepair();
			assertThat(export(all, format)).isNotEqualTo(first);

			CaseImport.Report report = this.imports.run(file("all." + format.extension(), first), format, "test",
					(rows) -> {
					});
			assertThat(report.problems()).isEmpty();
			assertThat(report.created()).isEqualTo(25);
			assertThat(export(all, format)).isEqualTo(first);
			assertThat(this.index.check().consistent()).isTrue();
		}
	}

	@Test
	void anImportStoppedHalfWayAndRunAgainLeavesEveryCaseOnce() throws Exception {
		StringBuilder csv = new StringBuilder(String.join(",", CaseCsv.COLUMNS)).append('\n');
		for (int i = 0; i < 2500; i++) {
			List<String> row = CaseCsv.row(new CaseRecord("import-batch-" + i, "Imported case " + i, "en",
					"Summary " + i, null, Map.of(), 2000 + i % 20, null, List.of("fr"), List.of(), List.of(),
					List.of("imported-here"), List.of(), List.of(), null, null, false, null, null), "");
			csv.append(String.join(",", row.stream().map((cell) -> (cell != null) ? cell : "").toList())).append('\n');
		}
		Path file = file("batch.csv", csv.toString());
		assertThatThrownBy(() -> this.imports.run(file, ExportFormat.CSV, "test", (written) -> {
			if (written >= CaseImport.BATCH) {
				throw new IllegalStateException("killed");
			}
		})).hasMessage("killed");
		assertThat(slugCount()).isEqualTo(CaseImport.BATCH);

		CaseImport.Report report = this.imports.run(file, ExportFormat.CSV, "test", (written) -> {
		});
		assertThat(report.created()).isEqualTo(1500);
		assertThat(report.updated()).isEqualTo(1000);
		assertThat(slugCount()).isEqualTo(2500);
		assertThat(this.imports.run(file, ExportFormat.CSV, "test", (written) -> {
		}).updated()).isEqualTo(2500);
		assertThat(slugCount()).isEqualTo(2500);
		assertThat(this.jdbc.queryForObject("SELECT label FROM tag WHERE key = 'imported-here'", String.class))
			.isEqualTo("Imported here");
		assertThat(this.index.check().consistent()).isTrue();
		this.jdbc.update("DELETE FROM innovation WHERE slug LIKE 'import-batch-%'");
		this.index.checkAndRepair();
	}

	@Test
	void eachImportedBatchIsARevisionOfItsCasesWithWhoAndWhat() throws Exception {
		String header = "slug,title,language,countries,tags,organisations,organisation_types\n";
		this.imports.run(file("one.csv", header + "import-history,First title,en,fr,alpha-tag,City hall,government\n"),
				ExportFormat.CSV, "editor-one", (rows) -> {
				});
		// With its dates, as an export gives them (a file without them dates the cases
		// now).
		Path two = file("two.csv",
				header.replace("\n", ",published_at,updated_at\n")
						+ "import-history,Second title,en,de|fr,beta-tag,City hall|NGO,|ngo,2026-01-02T03:04:05Z,"
						+ "2026-01-02T03:04:05Z\n");
		this.imports.run(two, ExportFormat.CSV, "editor-two", (rows) -> {
		});
		// The same file again: nothing changes, no version is added.
		this.imports.run(two, ExportFormat.CSV, "editor-three", (rows) -> {
		});
		long id = this.jdbc.queryForObject("SELECT id FROM innovation WHERE slug = 'import-history'", Long.class);
		try (EntityManager entityManager = this.entityManagerFactory.createEntityManager()) {
			AuditReader history = AuditReaderFactory.get(entityManager);
			List<Number> revisions = history.getRevisions(Innovation.class, id);
			assertThat(revisions).hasSize(2);
			Innovation first = history.find(Innovation.class, id, revisions.get(0));
			Innovation second = history.find(Innovation.class, id, revisions.get(1));
			assertThat(first.getTitle()).isEqualTo("First title");
			assertThat(first.getCountries()).extracting(Country::getKey).containsExactly("fr");
			assertThat(first.getTags()).extracting(Tag::getKey).containsExactly("alpha-tag");
			assertThat(first.getOrganisations()).extracting(Organisation::getName).containsExactly("City hall");
			assertThat(second.getTitle()).isEqualTo("Second title");
			assertThat(second.getCountries()).extracting(Country::getKey).containsExactlyInAnyOrder("de", "fr");
			assertThat(second.getTags()).extracting(Tag::getKey).containsExactly("beta-tag");
			assertThat(second.getOrganisations()).extracting(Organisation::getName).containsExactly("City hall", "NGO");
			assertThat(second.getOrganisations().get(0).getType()).isNull();
			assertThat(second.getOrganisations().get(1).getType().getKey()).isEqualTo("ngo");
			Revision made = history.findRevision(Revision.class, revisions.get(1));
			assertThat(made.getAuthor()).isEqualTo("editor-two");
			assertThat(made.getKind()).isEqualTo(Revision.Kind.IMPORT);
		}
		finally {
			this.jdbc.update("DELETE FROM innovation WHERE slug = 'import-history'");
			this.index.checkAndRepair();
		}
	}

	private long slugCount() {
		return this.jdbc.queryForObject("SELECT count(*) FROM innovation WHERE slug LIKE 'import-batch-%'", Long.class);
	}

	private String export(SearchQuery query, ExportFormat format) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.export.export(query, format, "http://localhost", out);
		return out.toString(StandardCharsets.UTF_8);
	}

	private long count() {
		return this.jdbc.queryForObject("SELECT count(*) FROM innovation", Long.class);
	}

	private Path file(String name, String content) throws Exception {
		return Files.writeString(this.directory.resolve(name), content);
	}

	/** How a problem reads in an assertion: line, column, code. */
	private static String where(ImportProblem problem) {
		return problem.line() + " " + problem.column() + " " + problem.code().replace("import.problem.", "");
	}

}
