package org.casebook.search.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.casebook.CasebookWebTest;
import org.casebook.search.Coordinates;
import org.casebook.search.Facet;
import org.casebook.search.FacetValue;
import org.casebook.search.FakeInnovationSearch;
import org.casebook.search.FakeInnovationSearch.Search;
import org.casebook.search.InnovationHit;
import org.casebook.search.InvalidSearchException;
import org.casebook.search.SearchQuery;
import org.casebook.search.SearchLabels;
import org.casebook.search.SearchQueryParser;
import org.casebook.search.SearchResults.YearCount;
import org.casebook.search.SearchSort;
import org.casebook.search.TextRange;
import org.casebook.taxonomy.FakeTaxonomies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The search as JSON in the web layer alone: the same parameters as the list page make
 * the same {@link SearchQuery}; the answer's shape, field by field; and a 400 problem
 * (RFC 9457) whose {@code detail} says what to change. The engine is a
 * {@link FakeInnovationSearch}, over {@link FakeTaxonomies}.
 */
@CasebookWebTest(SearchApiController.class)
@Import({ SearchQueryParser.class, FakeTaxonomies.class, FakeInnovationSearch.class, SearchLabels.class })
class SearchApiControllerWebTests {

	static final InnovationHit BUDGETS = new InnovationHit(1L, "school-budgets", "Participatory school budgets",
			"Open budgets for schools", List.of("br"), List.of("Brazil"), 2015, false,
			Instant.parse("2024-05-01T10:00:00Z"), "Porto Alegre", new Coordinates(-30.0346, -51.2177), "pt",
			new InnovationHit.TermKeys("national", List.of("education", "health"), List.of("implementation"),
					List.of("open-data"), List.of("government", "government")),
			List.of(new TextRange(5, 12)));

	static final InnovationHit DASHBOARD = new InnovationHit(2L, "health-dashboard", "A health dashboard", null,
			List.of("br", "mx"), List.of("Brazil", "Mexico"), null, true, Instant.parse("2024-04-01T10:00:00Z"), null,
			null, "en", InnovationHit.TermKeys.NONE, List.of());

	@Autowired
	MockMvc mvc;

	@Autowired
	FakeInnovationSearch search;

	@BeforeEach
	void forgetEarlierSearches() {
		this.search.reset();
	}

	@Test
	void theParametersMakeTheSameQueryAsOnTheList() throws Exception {
		this.mvc
			.perform(get("/api/v1/innovations?q=budget&country=br,mx&level=national&yearFrom=2000&sort=newest"
					+ "&size=10&page=3"))
			.andExpect(status().isOk());
		SearchQuery expected = new SearchQuery("budget",
				Map.of(Facet.COUNTRY, Set.of("br", "mx"), Facet.LEVEL, Set.of("national")), 2000, null,
				SearchSort.NEWEST, 3, 10);
		assertThat(this.search.calls()).containsExactly(new Search(expected));
	}

	@Test
	void theAnswerIsAPageOfCasesWithEveryFacet() throws Exception {
		this.search.finds(BUDGETS, DASHBOARD)
			.totals(42)
			.counts(Facet.COUNTRY, new FacetValue("br", "Brazil", 40, false), new FacetValue("mx", "Mexico", 2, false))
			.countsYears(new YearCount(2014, 3), new YearCount(2015, 39));
		MockHttpServletResponse response = this.mvc.perform(get("/api/v1/innovations?country=br&size=10&page=2"))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.total").value(42))
			.andExpect(jsonPath("$.page").value(2))
			.andExpect(jsonPath("$.size").value(10))
			.andExpect(jsonPath("$.notices").isEmpty())
			.andExpect(jsonPath("$.items.length()").value(2))
			.andExpect(jsonPath("$.items[0].slug").value("school-budgets"))
			.andExpect(jsonPath("$.items[0].url").value("/innovations/school-budgets"))
			.andExpect(jsonPath("$.items[0].title").value("Participatory school budgets"))
			// Plain text: marking matches is for pages.
			.andExpect(jsonPath("$.items[0].summary").value("Open budgets for schools"))
			.andExpect(jsonPath("$.items[0].countries[0].key").value("br"))
			.andExpect(jsonPath("$.items[0].countries[0].label").value("Brazil"))
			.andExpect(jsonPath("$.items[0].year").value(2015))
			.andExpect(jsonPath("$.items[0].location.name").value("Porto Alegre"))
			.andExpect(jsonPath("$.items[0].location.lat").value(-30.0346))
			.andExpect(jsonPath("$.items[0].location.lon").value(-51.2177))
			.andExpect(jsonPath("$.items[0].publishedAt").value("2024-05-01T10:00:00Z"))
			.andExpect(jsonPath("$.items[0].demo").value(false))
			.andExpect(jsonPath("$.items[1].countries[1].key").value("mx"))
			.andExpect(jsonPath("$.items[1].year").value(nullValue()))
			.andExpect(jsonPath("$.items[1].location").value(nullValue()))
			.andExpect(jsonPath("$.items[1].demo").value(true))
			.andExpect(jsonPath("$.items[0].language").value("pt"))
			.andExpect(jsonPath("$.items[0].level.label").value("National/Federal"))
			.andExpect(jsonPath("$.items[0].sectors[1].key").value("health"))
			.andExpect(jsonPath("$.items[0].sectors[1].label").value("Health"))
			.andExpect(jsonPath("$.items[0].stages[0].label").value("Implementation"))
			.andExpect(jsonPath("$.items[0].tags[0].label").value("Open data"))
			.andExpect(jsonPath("$.items[0].organisationTypes.length()").value(1))
			.andExpect(jsonPath("$.items[0].organisationTypes[0].label").value("Government"))
			.andExpect(jsonPath("$.items[1].level").value(nullValue()))
			.andExpect(jsonPath("$.items[1].sectors.length()").value(0))
			.andExpect(jsonPath("$.facets.country[0].key").value("br"))
			.andExpect(jsonPath("$.facets.country[0].label").value("Brazil"))
			.andExpect(jsonPath("$.facets.country[0].count").value(40))
			.andExpect(jsonPath("$.facets.country[0].selected").value(true))
			.andExpect(jsonPath("$.facets.country[1].selected").value(false))
			.andExpect(jsonPath("$.facets.year[1].key").value("2015"))
			.andExpect(jsonPath("$.facets.year[1].count").value(39))
			.andReturn()
			.getResponse();
		String json = response.getContentAsString();
		Map<String, Object> answer = JsonPath.read(json, "$");
		assertThat(answer).containsOnlyKeys("total", "page", "size", "items", "facets", "notices");
		Map<String, Object> facets = JsonPath.read(json, "$.facets");
		assertThat(facets).containsOnlyKeys("country", "orgType", "sector", "level", "stage", "tag", "language",
				"year");
		Map<String, Object> item = JsonPath.read(json, "$.items[0]");
		assertThat(item).containsOnlyKeys("slug", "url", "title", "summary", "language", "countries", "year", "level",
				"sectors", "stages", "tags", "organisationTypes", "location", "publishedAt", "demo");
	}

	@Test
	void unknownValuesAreLeftOutWithANotice() throws Exception {
		this.mvc.perform(get("/api/v1/innovations?country=zz,br&tag=no-such-tag"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.notices[0]").value("There is no Countries value \"zz\"; it was left out."))
			.andExpect(jsonPath("$.notices[1]").value("There is no Tags value \"no-such-tag\"; it was left out."))
			.andExpect(jsonPath("$.notices.length()").value(2));
		assertThat(this.search.calls()).containsExactly(
				new Search(new SearchQuery("", Map.of(Facet.COUNTRY, Set.of("br")), null, null, null, 1, 20)));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					yearFrom=abc | The year "abc" is not valid: give a year between 1900 and 2100.
					sort=random  | There is no sort order "random".
					size=1000    | The page size "1000" is not offered: choose 10, 20, 50 or 100.
					page=-5      | The page "-5" is not valid: pages are numbered from 1.
					page=502     | Only the first 10,000 results can be paged through; narrow the search with keywords or filters.
					""")
	void whatCannotBeUnderstoodGetsA400ProblemSayingWhy(String parameter, String detail) throws Exception {
		this.mvc.perform(get("/api/v1/innovations?" + parameter))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.title").value("Bad Request"))
			.andExpect(jsonPath("$.detail").value(detail));
		assertThat(this.search.calls()).isEmpty();
	}

	@Test
	void searchTextBeyondTheLimitGetsA400Problem() throws Exception {
		this.mvc.perform(get("/api/v1/innovations").param("q", "x".repeat(SearchQueryParser.MAX_TEXT_LENGTH + 1)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("The search text is too long: at most 500 characters."));
		this.mvc.perform(get("/api/v1/innovations").param("q", "x".repeat(SearchQueryParser.MAX_TEXT_LENGTH)))
			.andExpect(status().isOk());
	}

	@Test
	void aSearchTheEngineRefusesGetsA400Problem() throws Exception {
		this.search.fails(new InvalidSearchException("search.invalid.tooManyTerms", 150, 64));
		this.mvc.perform(get("/api/v1/innovations?q=many"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(
					"The search has too many words: 150 once split into words and numbers, at most 64. Remove some words."));
	}

	@Test
	void answersCarryTheSecurityHeaders() throws Exception {
		for (String path : List.of("/api/v1/innovations", "/api/v1/innovations?sort=random")) {
			MockHttpServletResponse response = this.mvc.perform(get(path)).andReturn().getResponse();
			assertThat(response.getHeader("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
			assertThat(response.getHeader("Content-Security-Policy")).as(path).startsWith("default-src 'self';");
		}
	}

}
