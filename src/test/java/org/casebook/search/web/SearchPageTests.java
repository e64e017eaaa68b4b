package org.casebook.search.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.jayway.jsonpath.JsonPath;
import jakarta.persistence.EntityManagerFactory;
import org.casebook.CasebookIntegrationTest;
import org.casebook.search.SearchQueryParser;
import org.casebook.search.lucene.TextQueryBuilder;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The list page and its JSON twin, as browsers and scripts get them. */
@CasebookIntegrationTest
class SearchPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Test
	void theRequestsThatWaitForASearchTurnAreThoseOfSearchWorkMethods(@Autowired SearchConcurrencyLimit limit) {
		for (String search : List.of("/", "/innovations", "/innovation%73", "/api/v1/innovations", "/api/v1/map",
				"/api/v1/map/cases")) {
			assertThat(limit.isSearch(new MockHttpServletRequest("GET", search))).as(search).isTrue();
		}
		for (String other : List.of("/innovations/a-case", "/api/v1/countries", "/actuator/health", "/css/site.css",
				"/nothing")) {
			assertThat(limit.isSearch(new MockHttpServletRequest("GET", other))).as(other).isFalse();
		}
		assertThat(limit.isSearch(new MockHttpServletRequest("POST", "/innovations"))).isFalse();
	}

	@Test
	void withoutJavaScriptThePageIsAPlainGetForm() throws Exception {
		String page = html("/innovations?country=br");
		assertThat(page).contains("<form id=\"search-form\"", "method=\"get\"", "action=\"/innovations\"")
			.contains("name=\"q\"", "name=\"country\" value=\"br\"", "checked=\"checked\"", "name=\"yearFrom\"",
					"name=\"sort\"", "name=\"size\"")
			.contains("type=\"submit\" class=\"apply\"");
	}

	@Test
	void htmxRequestsGetOnlyThePartThatChanges() throws Exception {
		String fragment = this.mvc.perform(get("/innovations").param("q", "brazil").header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(fragment).startsWith("<div id=\"search-results\"")
			.doesNotContain("<html", "<header", "id=\"q\"")
			.contains("Innovations:", "card-title");
	}

	@Test
	void restoringAPageTheBrowsersHistoryLostGetsAllOfIt() throws Exception {
		this.mvc
			.perform(get("/innovations").param("q", "brazil")
				.header("HX-Request", "true")
				.header("HX-History-Restore-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<html")));
	}

	@Test
	void selectedFiltersShowAsRemovableChipsWithClearAll() throws Exception {
		String page = html("/innovations?q=brazil&sector=education&yearFrom=2000&yearTo=2020");
		assertThat(page).contains("class=\"chip\"", "“brazil”", "Education", "2000–2020")
			.contains("href=\"/innovations?sector=education&amp;yearFrom=2000&amp;yearTo=2020\"")
			.contains("href=\"/innovations?q=brazil&amp;yearFrom=2000&amp;yearTo=2020\"")
			.contains("href=\"/innovations?q=brazil&amp;sector=education\"")
			.contains("Clear all");
	}

	@Test
	void selectedValuesStayVisibleAtZero() throws Exception {
		// No published case is both from Brazil and EU-wide.
		String page = html("/innovations?country=eu&q=Brazil");
		assertThat(page).contains("id=\"country-eu\" checked=\"checked\"")
			.containsPattern(
					"<label for=\"country-eu\">\\s*<span>European Union</span>\\s*<span class=\"count\">0</span>");
	}

	@Test
	void longFacetsShowTenValuesAndAShowAllLinkThatWorksWithoutJavaScript() throws Exception {
		String page = html("/innovations");
		assertThat(count(page, "name=\"country\"")).isEqualTo(SearchPage.SHORT_FACET);
		assertThat(page).contains("href=\"/innovations?show=country#facet-country\"");
		int countries = this.jdbc.queryForObject(
				"SELECT count(DISTINCT country_code) FROM innovation_country c JOIN innovation i ON i.id = c.innovation_id WHERE i.status = 'PUBLISHED'",
				Integer.class);
		assertThat(count(html("/innovations?show=country"), "name=\"country\"")).isEqualTo(countries);
	}

	@Test
	void commaSeparatedAndRepeatedValuesMeanTheSame() throws Exception {
		this.mvc.perform(get("/api/v1/innovations?country=br,mx"))
			.andExpect(jsonPath("$.total").value(total("/api/v1/innovations?country=br&country=mx")));
		assertThat(total("/api/v1/innovations?country=br,mx")).isGreaterThan(total("/api/v1/innovations?country=br"));
	}

	@Test
	void theJsonHasTheListsTotalItemsAndCompleteFacets() throws Exception {
		int countries = this.jdbc.queryForObject(
				"SELECT count(DISTINCT country_code) FROM innovation_country c JOIN innovation i ON i.id = c.innovation_id WHERE i.status = 'PUBLISHED'",
				Integer.class);
		this.mvc.perform(get("/api/v1/innovations").param("q", "Mexico City").param("size", "10"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.page").value(1))
			.andExpect(jsonPath("$.size").value(10))
			.andExpect(jsonPath("$.items[0].slug").value("crowdsourced-mexico-city-constitution"))
			.andExpect(jsonPath("$.items[0].countries[0].key").value("mx"))
			.andExpect(jsonPath("$.items[0].location.name").value("Mexico City"))
			.andExpect(jsonPath("$.items[0].location.lat").value(19.4326))
			.andExpect(jsonPath("$.facets.country[0].key").exists())
			.andExpect(jsonPath("$.facets.country[0].label").exists())
			.andExpect(jsonPath("$.facets.country[0].count").exists())
			.andExpect(jsonPath("$.facets.country[0].selected").value(false))
			.andExpect(jsonPath("$.facets.orgType").isArray())
			.andExpect(jsonPath("$.facets.sector").isArray())
			.andExpect(jsonPath("$.facets.level").isArray())
			.andExpect(jsonPath("$.facets.stage").isArray())
			.andExpect(jsonPath("$.facets.tag").isArray());
		this.mvc.perform(get("/api/v1/innovations"))
			.andExpect(jsonPath("$.facets.year[0].key").isString())
			.andExpect(jsonPath("$.facets.year[0].count").isNumber())
			.andExpect(jsonPath("$.facets.country.length()").value(countries))
			.andExpect(jsonPath("$.total").value(this.jdbc
				.queryForObject("SELECT count(*) FROM innovation WHERE status = 'PUBLISHED'", Integer.class)));
	}

	@Test
	void cardsMarkTheMatchedWords() throws Exception {
		assertThat(html("/innovations?q=procurement")).contains("challenge based <em>procurement</em> model");
	}

	@Test
	void htmlAndJsonAgree() throws Exception {
		long total = total("/api/v1/innovations?q=procurement&level=national");
		assertThat(html("/innovations?q=procurement&level=national")).contains("<span>" + total + "</span>");
	}

	@Test
	void theListPageCostsAtMostTwoSqlQueries() throws Exception {
		html("/innovations?q=brazil&country=br,mx&sector=education&yearFrom=1995");
		Statistics statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		statistics.clear();
		html("/innovations?q=brazil&country=br,mx&sector=education&yearFrom=1995&size=100");
		html("/innovations");
		assertThat(statistics.getPrepareStatementCount()).isLessThanOrEqualTo(4);
		statistics.clear();
		html("/innovations?tag=citizen-engagement&sort=title&size=50");
		assertThat(statistics.getPrepareStatementCount()).isLessThanOrEqualTo(2);
	}

	@Test
	void badInputGets400NeverA500() throws Exception {
		for (String bad : new String[] { "yearFrom=abc", "yearTo=99999", "sort=random", "size=1000", "size=-1",
				"page=0", "page=-5", "page=999999999", "page=99999999999999999999", "q=" + "x".repeat(600) }) {
			this.mvc.perform(get("/innovations?" + bad)).andExpect(status().isBadRequest());
			this.mvc.perform(get("/api/v1/innovations?" + bad))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").isString());
		}
		this.mvc.perform(get("/innovations?yearFrom=abc"))
			.andExpect(content().string(containsString("The year &quot;abc&quot; is not valid")));
	}

	@Test
	void keywordLimitsCountTheWordsTheAnalyzerMakes() throws Exception {
		// One "word" of 150 numbers: the analyzer splits it at each slash.
		String numbers = IntStream.rangeClosed(1, 150).mapToObj(Integer::toString).collect(Collectors.joining("/"));
		assertThat(numbers.length()).isLessThanOrEqualTo(SearchQueryParser.MAX_TEXT_LENGTH);
		this.mvc.perform(get("/innovations").param("q", numbers))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("too many words: 150")));
		for (String api : List.of("/api/v1/innovations", "/api/v1/map")) {
			this.mvc.perform(get(api).param("q", numbers))
				.andExpect(status().isBadRequest())
				.andExpect(
						jsonPath("$.detail").value(containsString("at most " + TextQueryBuilder.MAX_ANALYSED_TERMS)));
		}
		String most = IntStream.range(0, TextQueryBuilder.MAX_ANALYSED_TERMS)
			.mapToObj((i) -> "w" + i)
			.collect(Collectors.joining("/"));
		this.mvc.perform(get("/innovations").param("q", most)).andExpect(status().isOk());
		// Typo-forgiving words (five letters or more) are the costliest: as many as
		// allowed.
		this.mvc
			.perform(get("/innovations").param("q",
					"public service digital citizen budget health school " + "open data " + "housing ".repeat(20)))
			.andExpect(status().isOk());
	}

	@Test
	void hostileButWellFormedInputGets200() throws Exception {
		for (String query : new String[] { "title:(foo AND bar~2)^3", "[a TO b]", "\\", "*:*", "\"", "<script>",
				"x".repeat(499), "%00", "a OR b NOT c" }) {
			this.mvc.perform(get("/innovations").param("q", query))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString("<script>"))));
		}
		this.mvc.perform(get("/innovations?country=zz,br&tag=no-such-tag"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("There is no Countries value &quot;zz&quot;")));
		this.mvc.perform(get("/innovations?yearFrom=2020&yearTo=2000"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2000–2020")));
	}

	@Test
	void eachBarOfTheYearHistogramSaysItsYearsAndCount() throws Exception {
		String json = this.mvc.perform(get("/api/v1/innovations?sector=education"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> years = JsonPath.read(json, "$.facets.year[*].key");
		List<Number> counts = JsonPath.read(json, "$.facets.year[*].count");
		String page = html("/innovations?sector=education");
		// One bar per year, or per span of years when there are many: every result counts
		// once.
		Matcher bars = Pattern.compile("title=\"(\\d{4})(?:–(\\d{4}))?: ([\\d,]+) innovations\"").matcher(page);
		List<String> firsts = new ArrayList<>();
		long total = 0;
		while (bars.find()) {
			firsts.add(bars.group(1));
			total += Long.parseLong(bars.group(3).replace(",", ""));
		}
		assertThat(firsts).isNotEmpty().hasSizeLessThanOrEqualTo(10).first().isEqualTo(years.get(0));
		assertThat(total).isEqualTo(counts.stream().mapToLong(Number::longValue).sum());
	}

	@Test
	void aSearchPageIsSentWholeWithItsSecurityHeaders() throws Exception {
		var response = this.mvc.perform(get("/innovations?size=100&show=country&show=tag"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
		assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.getContentLength()).isEqualTo(response.getContentAsByteArray().length);
		assertThat(response.getContentAsString()).endsWith("</html>\n");
	}

	@Test
	void theCasePageShowsFiveRelatedCases() throws Exception {
		String slug = this.jdbc.queryForObject(
				"SELECT slug FROM innovation WHERE demo AND status = 'PUBLISHED' ORDER BY id LIMIT 1", String.class);
		String page = html("/innovations/" + slug);
		String related = page.substring(page.indexOf("Related innovations"));
		assertThat(count(related, "class=\"card-title\"")).isEqualTo(5);
		assertThat(related).doesNotContain("/innovations/" + slug + "\"");
	}

	private String html(String url) throws Exception {
		return this.mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private long total(String url) throws Exception {
		String json = this.mvc.perform(get(url)).andReturn().getResponse().getContentAsString();
		return Long.parseLong(json.replaceAll("^\\{\"total\":(\\d+),.*$", "$1"));
	}

	private static int count(String text, String part) {
		return text.split(Pattern.quote(part), -1).length - 1;
	}

}
