package org.casebook.search.web;

import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import nu.validator.htmlparser.common.XmlViolationPolicy;
import nu.validator.htmlparser.dom.HtmlDocumentBuilder;
import org.casebook.CasebookIntegrationTest;
import org.casebook.search.Facet;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * For random searches, every chart of the statistics page counts what the JSON API's
 * facets count for the same search (the year chart what its years do), and each row's
 * link lists as many innovations as the row says. The API's counts are held to SQL by
 * {@code FacetCountsTests}; the statistics come from the engine's counts without a page,
 * the API from a search with one.
 */
@CasebookIntegrationTest
class StatisticsTests {

	static final int SEARCHES = 25;

	static final List<String> WORDS = List.of("digital", "procurement", "health", "open data", "school");

	@Autowired
	MockMvc mvc;

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void everyChartCountsWhatTheFiltersCountAndEachRowLinksToAsMany() throws Exception {
		Random random = new Random(20261130);
		JsonNode all = api("");
		int linksFollowed = 0;
		for (int i = 0; i < SEARCHES; i++) {
			String parameters = randomSearch(random, all.get("facets"));
			String description = "search " + i + ": /statistics?" + parameters;
			Document page = html("/statistics?" + parameters);
			JsonNode api = api(parameters);
			JsonNode facets = api.get("facets");

			assertThat(heading(page)).as(description + " total").isEqualTo(api.get("total").asLong());
			if (api.get("total").asLong() == 0) {
				assertThat(page.getElementsByTagName("table").getLength()).as(description).isZero();
				continue;
			}
			List<Row> years = rows(page, "year");
			Map<Integer, Long> apiYears = new HashMap<>();
			facets.get("year").forEach((year) -> apiYears.put(year.get("key").asInt(), year.get("count").asLong()));
			for (Row row : years) {
				String[] span = row.label().split("–");
				int from = Integer.parseInt(span[0]);
				int to = Integer.parseInt(span[span.length - 1]);
				long expected = apiYears.entrySet()
					.stream()
					.filter((year) -> year.getKey() >= from && year.getKey() <= to)
					.mapToLong(Map.Entry::getValue)
					.sum();
				assertThat(row.count()).as(description + " year " + row.label()).isEqualTo(expected);
			}
			assertThat(years.stream().mapToLong(Row::count).sum()).as(description + " every year")
				.isEqualTo(apiYears.values().stream().mapToLong(Long::longValue).sum());

			for (Facet facet : List.of(Facet.SECTOR, Facet.STAGE, Facet.ORG_TYPE)) {
				assertThat(counts(rows(page, facet.parameter()))).as(description + " " + facet.parameter())
					.isEqualTo(counts(facets.get(facet.parameter())));
			}
			// The twenty countries with the most, each with the API's count.
			List<Row> countries = rows(page, "country");
			Map<String, Long> apiCountries = counts(facets.get("country"));
			assertThat(countries).as(description + " countries")
				.hasSize(Math.min(StatisticsPage.TOP_COUNTRIES, apiCountries.size()));
			countries.forEach((row) -> assertThat(row.count()).as(description + " country " + row.label())
				.isEqualTo(apiCountries.get(row.label())));
			long smallestShown = countries.stream().mapToLong(Row::count).min().orElse(0);
			apiCountries.forEach((label, count) -> {
				if (countries.stream().noneMatch((row) -> row.label().equals(label))) {
					assertThat(count).as(description + " country left out: " + label)
						.isLessThanOrEqualTo(smallestShown);
				}
			});

			// A link of each chart lists as many as its row counts.
			for (String chart : List.of("year", "sector", "stage", "orgType", "country")) {
				List<Row> linked = rows(page, chart).stream().filter((row) -> row.href() != null).toList();
				if (linked.isEmpty()) {
					continue;
				}
				Row row = linked.get(random.nextInt(linked.size()));
				assertThat(row.href()).startsWith("/innovations?");
				long listed = api(row.href().substring("/innovations?".length())).get("total").asLong();
				assertThat(listed).as(description + " link of " + chart + " " + row.label()).isEqualTo(row.count());
				linksFollowed++;
			}
		}
		assertThat(linksFollowed).as("links followed").isGreaterThan(SEARCHES * 3);
	}

	/** Some keywords, filters and years, with values that the catalogue uses. */
	private static String randomSearch(Random random, JsonNode facets) {
		UriComponentsBuilder url = UriComponentsBuilder.newInstance();
		if (random.nextInt(3) == 0) {
			url.queryParam("q", WORDS.get(random.nextInt(WORDS.size())));
		}
		List<Facet> chosen = new ArrayList<>(List.of(Facet.values()));
		int filters = random.nextInt(4);
		for (int f = 0; f < filters; f++) {
			Facet facet = chosen.remove(random.nextInt(chosen.size()));
			JsonNode values = facets.get(facet.parameter());
			List<String> keys = new ArrayList<>();
			int count = 1 + random.nextInt(2);
			for (int v = 0; v < count; v++) {
				// Common values more often, as users pick them; rare ones too.
				int index = (int) Math.min(values.size() - 1, Math.abs(random.nextGaussian()) * values.size() / 3);
				keys.add(values.get(index).get("key").asString());
			}
			url.queryParam(facet.parameter(), String.join(",", keys));
		}
		if (random.nextInt(3) == 0) {
			int from = 1995 + random.nextInt(25);
			url.queryParam("yearFrom", from);
			if (random.nextBoolean()) {
				url.queryParam("yearTo", from + random.nextInt(10));
			}
		}
		String query = url.encode().build().getQuery();
		return (query != null) ? query : "";
	}

	private JsonNode api(String parameters) throws Exception {
		String body = this.mvc.perform(get(URI.create("/api/v1/innovations?" + parameters)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return this.json.readTree(body);
	}

	private Document html(String url) throws Exception {
		// Already encoded, as a browser sends it.
		String body = this.mvc.perform(get(URI.create(url)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return new HtmlDocumentBuilder(XmlViolationPolicy.ALTER_INFOSET).parse(new InputSource(new StringReader(body)));
	}

	private static long heading(Document page) {
		Element heading = page.getElementById("results-heading");
		return number(heading.getTextContent().replaceAll(".*:", ""));
	}

	/** The rows of a chart's table: label, count, and where the label links. */
	private static List<Row> rows(Document page, String chart) {
		List<Row> rows = new ArrayList<>();
		Element table = page.getElementById("statistics-" + chart);
		if (table == null) {
			return rows;
		}
		NodeList trs = ((Element) table.getElementsByTagName("tbody").item(0)).getElementsByTagName("tr");
		for (int i = 0; i < trs.getLength(); i++) {
			Element tr = (Element) trs.item(i);
			Element th = (Element) tr.getElementsByTagName("th").item(0);
			Element td = (Element) tr.getElementsByTagName("td").item(0);
			NodeList links = th.getElementsByTagName("a");
			String href = (links.getLength() > 0) ? ((Element) links.item(0)).getAttribute("href") : null;
			rows.add(new Row(th.getTextContent().strip(), number(td.getTextContent()), href));
		}
		return rows;
	}

	private static Map<String, Long> counts(List<Row> rows) {
		return rows.stream().collect(Collectors.toMap(Row::label, Row::count));
	}

	private static Map<String, Long> counts(JsonNode values) {
		Map<String, Long> counts = new LinkedHashMap<>();
		values.forEach((value) -> counts.put(value.get("label").asString(), value.get("count").asLong()));
		return counts;
	}

	private static long number(String text) {
		return Long.parseLong(text.replaceAll("[^0-9]", ""));
	}

	record Row(String label, long count, String href) {
	}

}
