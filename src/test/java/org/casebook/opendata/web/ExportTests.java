package org.casebook.opendata.web;

import java.io.StringReader;
import java.sql.Timestamp;
import java.util.regex.Pattern;
import java.util.regex.Matcher;
import java.util.Locale;
import java.text.NumberFormat;
import java.util.Set;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.casebook.CasebookIntegrationTest;
import org.casebook.opendata.CaseCsv;
import org.casebook.search.Facet;
import org.casebook.search.InnovationSearch;
import org.casebook.search.RandomSearches;
import org.casebook.search.SearchQuery;
import org.casebook.search.SearchResults;
import org.casebook.search.SearchSort;
import org.casebook.search.index.SearchIndexMaintenance;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Exports of searches, read back as a spreadsheet or a JSON reader would: as many rows as
 * the search finds, in its order, whole.
 */
@CasebookIntegrationTest
class ExportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	NamedParameterJdbcTemplate namedJdbc;

	@Autowired
	InnovationSearch search;

	@Autowired
	JsonMapper json;

	/** Cases written here with SQL reach the index by a repair. */
	@Autowired
	SearchIndexMaintenance maintenance;

	@Test
	void everyRowOfRandomSearchesInTheirOrder() throws Exception {
		Random random = new Random(20261130);
		Map<Facet, List<String>> used = RandomSearches.usedValues(this.namedJdbc);
		for (int i = 0; i < 12; i++) {
			SearchQuery query = RandomSearches.query(random, used);
			SearchResults results = this.search.search(query.withPage(1));
			List<String> firstPage = results.page().items().stream().map((hit) -> hit.slug()).toList();

			List<CSVRecord> rows = csv(query.toUrl("/innovations.csv"));
			assertThat(rows).as(query.toUrl("/innovations.csv")).hasSize((int) results.total());
			assertThat(rows.stream().limit(firstPage.size()).map((row) -> row.get("slug")).toList())
				.isEqualTo(firstPage);

			List<JsonNode> lines = jsonLines(query.toUrl("/innovations.jsonl"));
			assertThat(lines).hasSize((int) results.total());
			assertThat(lines.stream().map((line) -> line.get("slug").asString()).toList())
				.isEqualTo(rows.stream().map((row) -> row.get("slug")).toList());
		}
	}

	@Test
	void theWholeCatalogueWithEveryColumn() throws Exception {
		int published = this.jdbc.queryForObject("SELECT count(*) FROM innovation WHERE status = 'PUBLISHED'",
				Integer.class);
		MvcResult result = this.mvc.perform(get("/innovations.csv").param("size", "50").param("page", "3"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "text/csv;charset=UTF-8;header=present"))
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"casebook-innovations.csv\""))
			.andReturn();
		String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		// What spreadsheets need: a byte order mark, a header, CRLF.
		assertThat(body).startsWith("\uFEFFslug,url,title,language,summary,");
		assertThat(body.substring(0, body.indexOf('\n') + 1)).endsWith("\r\n");
		List<CSVRecord> rows = parse(body);
		assertThat(rows).hasSize(published);
		assertThat(rows.get(0).getParser().getHeaderNames()).isEqualTo(CaseCsv.COLUMNS);
	}

	@Test
	void aRowHoldsTheCaseAsTheDatabaseHasIt() throws Exception {
		Map<String, Object> row = this.jdbc.queryForMap("""
				SELECT id, slug, title, summary, launch_year, language, updated_at FROM innovation
				WHERE status = 'PUBLISHED' AND launch_year IS NOT NULL AND slug LIKE 'un-decret%'""");
		long id = ((Number) row.get("id")).longValue();
		CSVRecord record = csv("/innovations.csv?q=" + row.get("slug")).stream()
			.filter((r) -> r.get("slug").equals(row.get("slug")))
			.findFirst()
			.orElseThrow();
		assertThat(record.get("title")).isEqualTo(row.get("title"));
		assertThat(record.get("summary")).isEqualTo(row.get("summary"));
		assertThat(record.get("launch_year")).isEqualTo(row.get("launch_year").toString());
		assertThat(record.get("language")).isEqualTo("fr");
		assertThat(record.get("url")).isEqualTo("http://localhost/innovations/" + row.get("slug"));
		assertThat(split(record.get("countries"))).containsExactlyInAnyOrderElementsOf(this.jdbc
			.queryForList("SELECT country_code FROM innovation_country WHERE innovation_id = ?", String.class, id));
		assertThat(split(record.get("organisations"))).containsExactlyElementsOf(this.jdbc.queryForList(
				"SELECT name FROM innovation_organisation WHERE innovation_id = ? ORDER BY position", String.class,
				id));
		assertThat(record.get("source_url")).isEqualTo("https://oecd-opsi.org/case-study-library/");
		assertThat(record.get("licence")).isEmpty();
		assertThat(record.get("demo")).isEqualTo("false");
		assertThat(Instant.parse(record.get("updated_at"))).isEqualTo(((Timestamp) row.get("updated_at")).toInstant());
	}

	@Test
	void jsonLinesHoldTheApisDocuments() throws Exception {
		SearchQuery query = new SearchQuery("", Map.of(), null, null, SearchSort.TITLE, 1, 20);
		List<JsonNode> lines = jsonLines(query.toUrl("/innovations.jsonl") + "&language=fr");
		for (JsonNode line : lines.subList(0, 5)) {
			String api = this.mvc.perform(get("/api/v1/innovations/" + line.get("slug").asString()))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			assertThat(line).isEqualTo(this.json.readTree(api));
		}
	}

	@Test
	void aTextASpreadsheetWouldRunIsKeptAsText() throws Exception {
		this.jdbc
			.update("""
					INSERT INTO innovation (id, slug, title, summary, language, status, created_at, updated_at, published_at)
					VALUES (nextval('innovation_seq'), 'export-formula', '=HYPERLINK("http://evil.example","x")',
					'-1+2 zzformulaqq', 'en', 'PUBLISHED', now(), now(), now())""");
		try {
			this.maintenance.checkAndRepair();
			CSVRecord row = csv("/innovations.csv?q=zzformulaqq").get(0);
			assertThat(row.get("title")).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"x\")");
			assertThat(row.get("summary")).isEqualTo("'-1+2 zzformulaqq");
		}
		finally {
			this.jdbc.update("DELETE FROM innovation WHERE slug = 'export-formula'");
			this.maintenance.checkAndRepair();
		}
	}

	@Test
	void theListLinksTheExportOfItsSearch() throws Exception {
		String list = this.mvc.perform(get("/innovations").param("sector", "health").param("page", "2"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		long total = this.search
			.search(new SearchQuery("", Map.of(Facet.SECTOR, Set.of("health")), null, null, null, 1, 20))
			.total();
		assertThat(list)
			.contains("Download these " + NumberFormat.getIntegerInstance(Locale.ENGLISH).format(total) + " cases:");
		Matcher link = Pattern.compile("href=\"(/innovations\\.csv[^\"]*)\"").matcher(list);
		assertThat(link.find()).isTrue();
		String url = HtmlUtils.htmlUnescape(link.group(1));
		assertThat(url).isEqualTo("/innovations.csv?sector=health");
		assertThat(csv(url)).hasSize((int) total);
	}

	@Test
	void badParametersAre400() throws Exception {
		this.mvc.perform(get("/innovations.csv").param("yearFrom", "soon")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/innovations.jsonl").param("sort", "sideways")).andExpect(status().isBadRequest());
		// Refused by the engine itself, on the thread that finds the matches.
		// A phrase of sixty words: more terms than a search may have.
		StringBuilder words = new StringBuilder("\"");
		for (int i = 0; i < 60; i++) {
			words.append("word").append((char) ('a' + i % 26)).append((char) ('a' + i / 26)).append(' ');
		}
		this.mvc.perform(get("/innovations.csv").param("q", words.append('"').toString()))
			.andExpect(status().isBadRequest())
			.andExpect(header().doesNotExist("Content-Disposition"));
	}

	/** A cell of several values, as the README says to split it. */
	private static List<String> split(String cell) {
		List<String> values = new ArrayList<>();
		for (String value : cell.split("(?<!\\\\)\\|")) {
			values.add(value.replace("\\|", "|").replace("\\\\", "\\"));
		}
		return cell.isEmpty() ? List.of() : values;
	}

	private List<CSVRecord> csv(String url) throws Exception {
		return parse(this.mvc.perform(get(url))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

	private static List<CSVRecord> parse(String body) throws Exception {
		assertThat(body).startsWith("\uFEFF");
		return CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(body.substring(1)))
			.getRecords();
	}

	private List<JsonNode> jsonLines(String url) throws Exception {
		String body = this.mvc.perform(get(url))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/jsonl;charset=UTF-8"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		List<JsonNode> lines = new ArrayList<>();
		for (String line : body.split("\n")) {
			if (!line.isEmpty()) {
				lines.add(this.json.readTree(line));
			}
		}
		assertThat(body.isEmpty() || body.endsWith("\n")).isTrue();
		return lines;
	}

}
