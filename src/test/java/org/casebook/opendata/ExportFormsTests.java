package org.casebook.opendata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.casebook.CasebookIntegrationTest;
import org.casebook.search.InnovationSearch;
import org.casebook.search.SearchQuery;
import org.casebook.taxonomy.Taxonomies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * The export forms kept in the database: the same bytes as the case formatted anew, and
 * never used once the case or the taxonomies' labels changed, whatever wrote the change
 * (here SQL, which neither the ORM nor the search index sees).
 */
@CasebookIntegrationTest
class ExportFormsTests {

	@Autowired
	ExportForms forms;

	@Autowired
	CaseRecords records;

	@Autowired
	Taxonomies taxonomies;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CaseExport export;

	@Autowired
	InnovationSearch search;

	private List<String> slugs;

	private String slug;

	private long id;

	@BeforeEach
	void someCases() {
		this.slugs = this.jdbc.queryForList(
				"SELECT slug FROM innovation WHERE status = 'PUBLISHED' ORDER BY slug LIMIT 40", String.class);
		this.slug = this.jdbc.queryForObject("""
				SELECT i.slug FROM innovation i WHERE status = 'PUBLISHED'
				AND EXISTS (SELECT 1 FROM innovation_tag t WHERE t.innovation_id = i.id)
				AND EXISTS (SELECT 1 FROM innovation_organisation o WHERE o.innovation_id = i.id)
				ORDER BY slug LIMIT 1""", String.class);
		this.id = this.jdbc.queryForObject("SELECT id FROM innovation WHERE slug = ?", Long.class, this.slug);
		this.jdbc.update("DELETE FROM case_export_form");
	}

	@AfterEach
	void forgetForms() {
		this.jdbc.update("DELETE FROM case_export_form");
		this.jdbc.update("DELETE FROM case_export_made");
	}

	@Test
	void keptFormsAreTheRowsAndLinesAsFormattedAnew() throws Exception {
		List<CaseRecord> cases = this.records.published(this.slugs);
		String csv = csv(cases);
		String lines = jsonLines(cases);
		// Made, kept, then read back as kept.
		assertThat(csvOf(this.slugs)).isEqualTo(csv);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM case_export_form WHERE form_stamp = stamp",
				Integer.class))
			.isEqualTo(cases.size());
		assertThat(csvOf(this.slugs)).isEqualTo(csv);
		assertThat(jsonLinesOf(this.slugs)).isEqualTo(lines);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM case_export_form", Integer.class))
			.isEqualTo(cases.size());
	}

	@Test
	void everyCsvRowLinksToItsCasePageWhateverTheSiteAddress() throws Exception {
		SearchQuery all = new SearchQuery("", Map.of(), null, null, null, 1, 20);
		long total = this.search.search(all).total();
		// Usual, then one whose cells need quotes: the rows' first cells are written
		// without formatting only when the address needs none.
		for (String site : List.of("https://casebook.test", "https://casebook.test/a,\"b\"")) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			assertThat(this.export.export(all, ExportFormat.CSV, site, out)).isEqualTo(total);
			String csv = out.toString(StandardCharsets.UTF_8);
			assertThat(csv).startsWith("\uFEFF");
			try (CSVParser parser = CSVFormat.RFC4180.builder()
				.setHeader()
				.setSkipHeaderRecord(true)
				.get()
				.parse(new StringReader(csv.substring(1)))) {
				List<CSVRecord> rows = parser.getRecords();
				assertThat(rows).hasSize((int) total);
				assertThat(rows).allSatisfy((row) -> {
					assertThat(row.size()).isEqualTo(CaseCsv.COLUMNS.size());
					assertThat(row.get(CaseCsv.COLUMNS.get(1))).isEqualTo(site + "/innovations/" + row.get("slug"));
				});
			}
		}
	}

	@Test
	@Timeout(120)
	void exportsStoppedHalfWayLeaveNothingBehind() throws Exception {
		SearchQuery all = new SearchQuery("", Map.of(), null, null, null, 1, 20);
		long total = this.search.search(all).total();
		// The engine, its matches handed one at a time: with this small catalogue, an
		// export stopped early leaves most of them still to hand.
		InnovationSearch oneByOne = (InnovationSearch) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { InnovationSearch.class }, (proxy, method, arguments) -> {
					if (method.getName().equals("forEachMatch")) {
						@SuppressWarnings("unchecked")
						Consumer<List<Long>> batches = (Consumer<List<Long>>) arguments[1];
						return this.search.forEachMatch((SearchQuery) arguments[0],
								(ids) -> ids.forEach((id) -> batches.accept(List.of(id))));
					}
					return method.invoke(this.search, arguments);
				});
		CaseExport exports = new CaseExport(oneByOne, this.forms, 2);
		try {
			// More than the exports that may run at once, each stopped by its client:
			// before the first byte, or after 100 KB. An export that kept its slot, or
			// its thread that finds the matches waiting for a reader gone, would refuse
			// or hang the next ones.
			for (int i = 0; i < 6; i++) {
				CaseExport.Output output = (i % 2 == 0) ? () -> {
					throw new IOException("The client went away");
				} : () -> new GoneAfter(100_000);
				assertThatIOException()
					.isThrownBy(() -> exports.export(all, ExportFormat.JSONL, "https://casebook.test", output));
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			assertThat(exports.export(all, ExportFormat.JSONL, "https://casebook.test", out)).isEqualTo(total);
			assertThat(out.toString(StandardCharsets.UTF_8).lines().count()).isEqualTo(total);
		}
		finally {
			exports.stop();
		}
	}

	/** A client that goes away after some bytes. */
	private static final class GoneAfter extends OutputStream {

		private final long most;

		private long written;

		GoneAfter(long most) {
			this.most = most;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			this.written += length;
			if (this.written > this.most) {
				throw new IOException("The client went away");
			}
		}

	}

	@Test
	void aChangeOfTheCaseOrOfAnyOfItsCollectionsIsExportedAtOnce() throws Exception {
		List<String> one = List.of(this.slug);
		String tag = this.jdbc.queryForObject(
				"SELECT tag_key FROM innovation_tag WHERE innovation_id = ? ORDER BY tag_key LIMIT 1", String.class,
				this.id);
		String otherTag = this.jdbc.queryForObject(
				"SELECT key FROM tag WHERE key NOT IN (SELECT tag_key FROM innovation_tag WHERE innovation_id = ?)"
						+ " ORDER BY key LIMIT 1",
				String.class, this.id);
		String title = this.jdbc.queryForObject("SELECT title FROM innovation WHERE id = ?", String.class, this.id);
		String organisation = this.jdbc.queryForObject(
				"SELECT name FROM innovation_organisation WHERE innovation_id = ? ORDER BY position LIMIT 1",
				String.class, this.id);
		try {
			csvOf(one);
			this.jdbc.update("UPDATE innovation SET title = 'Retitled zzformsqq' WHERE id = ?", this.id);
			assertThat(csvOf(one)).contains("Retitled zzformsqq").isEqualTo(csv(this.records.published(one)));

			this.jdbc.update("DELETE FROM innovation_tag WHERE innovation_id = ? AND tag_key = ?", this.id, tag);
			this.jdbc.update("INSERT INTO innovation_tag (innovation_id, tag_key) VALUES (?, ?)", this.id, otherTag);
			assertThat(jsonLinesOf(one)).contains("\"" + otherTag + "\"")
				.doesNotContain("\"" + tag + "\"")
				.isEqualTo(jsonLines(this.records.published(one)));

			this.jdbc.update("UPDATE innovation_organisation SET name = 'Office zzformsqq' WHERE innovation_id = ?"
					+ " AND position = (SELECT min(position) FROM innovation_organisation WHERE innovation_id = ?)",
					this.id, this.id);
			assertThat(csvOf(one)).contains("Office zzformsqq");
		}
		finally {
			this.jdbc.update("UPDATE innovation SET title = ? WHERE id = ?", title, this.id);
			this.jdbc.update("DELETE FROM innovation_tag WHERE innovation_id = ? AND tag_key = ?", this.id, otherTag);
			this.jdbc.update("INSERT INTO innovation_tag (innovation_id, tag_key) VALUES (?, ?) ON CONFLICT DO NOTHING",
					this.id, tag);
			this.jdbc.update("UPDATE innovation_organisation SET name = ? WHERE innovation_id = ?"
					+ " AND position = (SELECT min(position) FROM innovation_organisation WHERE innovation_id = ?)",
					organisation, this.id, this.id);
		}
		assertThat(csvOf(one)).contains(title).doesNotContain("zzformsqq");
	}

	@Test
	void aRenamedTermIsExportedUnderItsNewLabel() throws Exception {
		List<String> one = List.of(this.slug);
		String tag = this.jdbc.queryForObject(
				"SELECT tag_key FROM innovation_tag WHERE innovation_id = ? ORDER BY tag_key LIMIT 1", String.class,
				this.id);
		String label = this.jdbc.queryForObject("SELECT label FROM tag WHERE key = ?", String.class, tag);
		long fingerprint = this.taxonomies.fingerprint();
		try {
			assertThat(jsonLinesOf(one)).contains("\"label\":\"" + label + "\"");
			this.jdbc.update("UPDATE tag SET label = 'Renamed zzformsqq' WHERE key = ?", tag);
			this.taxonomies.reload();
			assertThat(this.taxonomies.fingerprint()).isNotEqualTo(fingerprint);
			assertThat(jsonLinesOf(one)).contains("\"label\":\"Renamed zzformsqq\"")
				.isEqualTo(jsonLines(this.records.published(one)));
		}
		finally {
			this.jdbc.update("UPDATE tag SET label = ? WHERE key = ?", label, tag);
			this.taxonomies.reload();
		}
		assertThat(this.taxonomies.fingerprint()).isEqualTo(fingerprint);
		assertThat(jsonLinesOf(one)).contains("\"label\":\"" + label + "\"");
	}

	/**
	 * A form made from what a case was before a change committed meanwhile: kept with its
	 * older stamp, never used.
	 */
	@Test
	void aFormMadeBeforeAChangeIsNotUsedAfterIt() throws Exception {
		List<String> one = List.of(this.slug);
		String title = this.jdbc.queryForObject("SELECT title FROM innovation WHERE id = ?", String.class, this.id);
		csvOf(one);
		long stamp = this.jdbc.queryForObject("SELECT stamp FROM case_export_form WHERE innovation_id = ?", Long.class,
				this.id);
		try {
			this.jdbc.update("UPDATE innovation SET title = 'Retitled zzformsqq' WHERE id = ?", this.id);
			// The forms an export made from the snapshot before that change, kept after
			// it.
			byte[] stale = ",STALE\r\n".getBytes(StandardCharsets.UTF_8);
			this.forms.keep(new ArrayList<>(List.<Object[]>of(
					new Object[] { this.id, stamp, stamp, this.forms.fingerprint(), this.slug, stale, stale })));
			assertThat(csvOf(one)).doesNotContain("STALE").contains("Retitled zzformsqq");
		}
		finally {
			this.jdbc.update("UPDATE innovation SET title = ? WHERE id = ?", title, this.id);
		}
	}

	/** Forms kept by an earlier version of Casebook, whose forms held other things. */
	@Test
	void aFormOfAnEarlierVersionIsNotUsed() throws Exception {
		List<String> one = List.of(this.slug);
		String fresh = csvOf(one);
		long stamp = this.jdbc.queryForObject("SELECT stamp FROM case_export_form WHERE innovation_id = ?", Long.class,
				this.id);
		byte[] old = ",OLD\r\n".getBytes(StandardCharsets.UTF_8);
		long earlier = this.taxonomies.fingerprint() * 31 + ExportForms.VERSION - 1;
		this.jdbc.update("UPDATE case_export_form SET taxonomies = ?, csv = ?, json = ? WHERE innovation_id = ?",
				earlier, old, old, this.id);
		assertThat(csvOf(one)).isEqualTo(fresh).doesNotContain("OLD");
		assertThat(this.jdbc.queryForObject("SELECT taxonomies FROM case_export_form WHERE innovation_id = ?",
				Long.class, this.id))
			.isEqualTo(this.forms.fingerprint());
	}

	@Test
	void aNewSlugIsExportedAtOnce() throws Exception {
		csvOf(List.of(this.slug));
		String renamed = "zzforms-renamed";
		try {
			this.jdbc.update("UPDATE innovation SET slug = ? WHERE id = ?", renamed, this.id);
			assertThat(csvOf(List.of(renamed))).startsWith(renamed + ",https://casebook.test/")
				.isEqualTo(csv(this.records.published(List.of(renamed))));
		}
		finally {
			this.jdbc.update("UPDATE innovation SET slug = ? WHERE id = ?", this.slug, this.id);
		}
		assertThat(csvOf(List.of(this.slug))).isEqualTo(csv(this.records.published(List.of(this.slug))));
	}

	@Test
	void aDeletedCaseTakesItsFormsWithIt() {
		this.jdbc
			.update("""
					INSERT INTO innovation (id, slug, title, summary, language, status, created_at, updated_at, published_at)
					VALUES (nextval('innovation_seq'), 'export-forms-gone', 'Gone', 'Soon gone', 'en', 'PUBLISHED',
					now(), now(), now())""");
		long gone = this.jdbc.queryForObject("SELECT id FROM innovation WHERE slug = 'export-forms-gone'", Long.class);
		this.jdbc.update("INSERT INTO innovation_sector (innovation_id, sector_key) SELECT ?, key FROM sector LIMIT 1",
				gone);
		assertThat(this.forms.published(List.of(gone), ExportFormat.CSV)).hasSize(1);
		this.jdbc.update("DELETE FROM innovation WHERE id = ?", gone);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM case_export_form WHERE innovation_id = ?",
				Integer.class, gone))
			.isZero();
	}

	@Test
	void aCaseNoLongerPublishedIsLeftOutThoughItsFormsWereKept() throws Exception {
		String other = this.slugs.stream().filter((slug) -> !slug.equals(this.slug)).findFirst().orElseThrow();
		List<String> two = List.of(other, this.slug);
		assertThat(csvOf(two)).isEqualTo(csv(this.records.published(two)));
		try {
			this.jdbc.update("UPDATE innovation SET status = 'DRAFT' WHERE id = ?", this.id);
			assertThat(csvOf(two)).isEqualTo(csv(this.records.published(List.of(other))));
			assertThat(jsonLinesOf(two)).isEqualTo(jsonLines(this.records.published(List.of(other))));
			// Its forms are gone, only the stamp it was seen at is kept: asked again, it
			// is still left out.
			assertThat(this.jdbc.queryForObject(
					"SELECT csv IS NULL AND json IS NULL AND form_stamp = stamp FROM case_export_form WHERE innovation_id = ?",
					Boolean.class, this.id))
				.isTrue();
			assertThat(jsonLinesOf(List.of(this.slug))).isEmpty();
		}
		finally {
			this.jdbc.update("UPDATE innovation SET status = 'PUBLISHED' WHERE id = ?", this.id);
		}
		assertThat(csvOf(two)).isEqualTo(csv(this.records.published(two)));
	}

	@Test
	void formsAreMadeAheadForEveryPublishedCaseThenForNewAndChangedOnes() throws Exception {
		this.jdbc.update("DELETE FROM case_export_made");
		int published = this.jdbc.queryForObject("SELECT count(*) FROM innovation WHERE status = 'PUBLISHED'",
				Integer.class);
		assertThat(this.forms.makeAhead()).isEqualTo(published);
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM case_export_form WHERE form_stamp = stamp AND csv IS NOT NULL", Integer.class))
			.isEqualTo(published);
		// Nothing left to make: the round after makes none.
		assertThat(this.forms.makeAhead()).isZero();

		String title = this.jdbc.queryForObject("SELECT title FROM innovation WHERE id = ?", String.class, this.id);
		try {
			this.jdbc.update("UPDATE innovation SET title = 'Retitled zzformsqq' WHERE id = ?", this.id);
			assertThat(this.forms.makeAhead()).isOne();
			assertThat(this.jdbc.queryForObject("SELECT convert_from(csv, 'UTF8') FROM case_export_form"
					+ " WHERE innovation_id = ? AND form_stamp = stamp", String.class, this.id))
				.startsWith(",Retitled zzformsqq,");
			assertThat(csvOf(this.slugs)).isEqualTo(csv(this.records.published(this.slugs)));
		}
		finally {
			this.jdbc.update("UPDATE innovation SET title = ? WHERE id = ?", title, this.id);
		}
	}

	/** The CSV rows of cases as Commons CSV prints them whole. */
	private static String csv(List<CaseRecord> cases) throws Exception {
		StringWriter rows = new StringWriter();
		CSVPrinter printer = new CSVPrinter(rows, CSVFormat.RFC4180);
		for (CaseRecord record : cases) {
			printer.printRecord(CaseCsv.row(record, "https://casebook.test" + CaseDocument.path(record.slug())));
		}
		printer.flush();
		return rows.toString();
	}

	private String jsonLines(List<CaseRecord> cases) {
		StringBuilder lines = new StringBuilder();
		for (CaseRecord record : cases) {
			lines.append(this.json.writeValueAsString(CaseDocument.of(record, this.taxonomies.in(Locale.ENGLISH))))
				.append('\n');
		}
		return lines.toString();
	}

	private String csvOf(List<String> slugs) {
		StringBuilder rows = new StringBuilder();
		for (ExportForms.Form form : this.forms.published(ids(slugs), ExportFormat.CSV)) {
			rows.append(new String(ExportForms.csvStart(form.slug(),
					"https://casebook.test" + CaseDocument.path(form.slug()), ExportForms.CSV), StandardCharsets.UTF_8))
				.append(new String(form.bytes(), StandardCharsets.UTF_8));
		}
		return rows.toString();
	}

	private String jsonLinesOf(List<String> slugs) {
		StringBuilder lines = new StringBuilder();
		for (ExportForms.Form form : this.forms.published(ids(slugs), ExportFormat.JSONL)) {
			lines.append(new String(form.bytes(), StandardCharsets.UTF_8));
		}
		return lines.toString();
	}

	/** The ids of cases, in the slugs' order. */
	private List<Long> ids(List<String> slugs) {
		return slugs.stream()
			.map((slug) -> this.jdbc.queryForObject("SELECT id FROM innovation WHERE slug = ?", Long.class, slug))
			.toList();
	}

}
