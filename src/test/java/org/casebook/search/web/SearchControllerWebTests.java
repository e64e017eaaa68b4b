package org.casebook.search.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.casebook.CasebookWebTest;
import org.casebook.search.Facet;
import org.casebook.search.FacetValue;
import org.casebook.search.FakeInnovationSearch;
import org.casebook.search.FakeInnovationSearch.Search;
import org.casebook.search.InnovationHit;
import org.casebook.search.InvalidSearchException;
import org.casebook.search.SearchQuery;
import org.casebook.search.SearchLabels;
import org.casebook.search.SearchQueryParser;
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
import org.springframework.test.web.servlet.RequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The list page in the web layer alone: how its URL becomes the one {@link SearchQuery}
 * the engine is asked, what the page and its htmx fragment show of the answer, and the
 * 400 page for what cannot be understood. The engine is a {@link FakeInnovationSearch};
 * the parser is the real one, over {@link FakeTaxonomies} (the real taxonomies are read
 * through JPA).
 */
@CasebookWebTest(SearchController.class)
@Import({ SearchQueryParser.class, FakeTaxonomies.class, FakeInnovationSearch.class, SearchLabels.class })
class SearchControllerWebTests {

	static final InnovationHit BUDGETS = new InnovationHit(1L, "school-budgets", "Participatory school budgets",
			"Open budgets for schools", List.of("br"), List.of("Brazil"), 2015, false,
			Instant.parse("2024-05-01T10:00:00Z"), "Porto Alegre", null, "en", InnovationHit.TermKeys.NONE,
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
	void theListAndTheSiteRootShowEverythingPublished() throws Exception {
		for (String path : List.of("/", "/innovations")) {
			this.search.reset();
			this.mvc.perform(get(path))
				.andExpect(status().isOk())
				.andExpect(content().contentType("text/html;charset=UTF-8"))
				.andExpect(view().name("search/list"));
			assertThat(this.search.calls()).as(path).containsExactly(new Search(SearchQuery.all()));
		}
	}

	@Test
	void theUrlBecomesOneSearchQuery() throws Exception {
		this.mvc
			.perform(get("/innovations").param("q", "open data ")
				.param("country", "br,MX")
				.param("country", "fr")
				.param("sector", "education")
				.param("tag", "open-data")
				.param("yearFrom", "2010")
				.param("yearTo", "2020")
				.param("sort", "title")
				.param("page", "2")
				.param("size", "50"))
			.andExpect(status().isOk());
		SearchQuery expected = new SearchQuery("open data ", Map.of(Facet.COUNTRY, Set.of("br", "mx", "fr"),
				Facet.SECTOR, Set.of("education"), Facet.TAG, Set.of("open-data")), 2010, 2020, SearchSort.TITLE, 2,
				50);
		assertThat(this.search.calls()).containsExactly(new Search(expected));
	}

	@Test
	void unknownValuesAreLeftOutAndReversedYearsTurnedRoundWithANotice() throws Exception {
		String page = html(get("/innovations?country=zz,br&yearFrom=2020&yearTo=2010"));
		assertThat(this.search.calls()).containsExactly(
				new Search(new SearchQuery("", Map.of(Facet.COUNTRY, Set.of("br")), 2010, 2020, null, 1, 20)));
		assertThat(page).contains(
				"<li class=\"notice\">There is no Countries value &quot;zz&quot;; it was left out.</li>",
				"<li class=\"notice\">The years were the wrong way round; showing 2010 to 2020.</li>");
	}

	@Test
	void demoCasesCanBeHiddenWhereThereAreSome() throws Exception {
		assertThat(html(get("/innovations"))).doesNotContain("name=\"demo\"");

		this.search.hasDemoCases(true);
		assertThat(html(get("/innovations"))).contains("<input type=\"checkbox\" name=\"demo\" value=\"hide\"")
			.contains("<label for=\"demo-hide\">Hide demo cases</label>");

		this.search.reset();
		String hidden = html(get("/innovations?demo=hide&country=br"));
		assertThat(this.search.calls()).containsExactly(
				new Search(new SearchQuery("", Map.of(Facet.COUNTRY, Set.of("br")), null, null, null, 1, 20, true)));
		// Checked, shown as a chip that shows them again, and kept by the other links.
		assertThat(hidden).contains("id=\"demo-hide\" checked=\"checked\"")
			.contains("<span>hidden</span>", "<a href=\"/innovations?country=br\" class=\"chip-remove\"")
			.contains("/innovations.atom?country=br&amp;demo=hide");

		this.mvc.perform(get("/innovations?demo=maybe"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("The demo parameter takes")));
	}

	@Test
	void thePageShowsWhatTheEngineFound() throws Exception {
		this.search.finds(BUDGETS, DASHBOARD)
			.totals(45)
			.counts(Facet.COUNTRY, new FacetValue("br", "Brazil", 40, false), new FacetValue("mx", "Mexico", 5, false));
		String page = html(get("/innovations?country=br"));
		assertThat(page).contains("<span>45</span>")
			.contains(
					"<a href=\"/innovations/school-budgets\" data-hx-boost=\"false\">Participatory school budgets</a>")
			.contains("Open <em>budgets</em> for schools")
			.contains("<a href=\"/innovations/health-dashboard\" data-hx-boost=\"false\">A health dashboard</a>")
			.contains("Brazil, Mexico")
			.contains("Demo data")
			// The engine's counts, with the query's selection checked.
			.contains("id=\"country-br\" checked=\"checked\"")
			.doesNotContain("id=\"country-mx\" checked")
			// A chip removes the selection; the next page keeps the search.
			.contains("<span>Brazil</span>", "<a href=\"/innovations\" class=\"chip-remove\"")
			.contains("Page 1 of 3")
			.contains("href=\"/innovations?country=br&amp;page=2\"");
	}

	@Test
	void htmxRequestsGetOnlyTheResults() throws Exception {
		this.search.finds(BUDGETS);
		String fragment = this.mvc.perform(get("/innovations?q=budgets").header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(view().name("search/list :: results"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(fragment).startsWith("<div id=\"search-results\"")
			.contains("Participatory school budgets")
			.doesNotContain("<html", "<header", "id=\"q\"");
		assertThat(this.search.calls())
			.containsExactly(new Search(new SearchQuery("budgets", Map.of(), null, null, null, 1, 20)));
	}

	@Test
	void aPageTheBrowsersHistoryLostIsSentWhole() throws Exception {
		this.mvc
			.perform(get("/innovations?q=budgets").header("HX-Request", "true")
				.header("HX-History-Restore-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(view().name("search/list"))
			.andExpect(content().string(containsString("<html")));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			yearFrom=abc | The year &quot;abc&quot; is not valid: give a year between 1900 and 2100.
			yearTo=99999 | The year &quot;99999&quot; is not valid: give a year between 1900 and 2100.
			sort=random  | There is no sort order &quot;random&quot;.
			size=7       | The page size &quot;7&quot; is not offered: choose 10, 20, 50 or 100.
			page=0       | The page &quot;0&quot; is not valid: pages are numbered from 1.
			page=abc     | The page &quot;abc&quot; is not valid: pages are numbered from 1.
			""")
	void whatCannotBeUnderstoodGetsThe400PageSayingWhy(String parameter, String reason) throws Exception {
		this.mvc.perform(get("/innovations?" + parameter).accept(MediaType.TEXT_HTML))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType("text/html;charset=UTF-8"))
			.andExpect(view().name("error/4xx"))
			.andExpect(content().string(containsString("<p class=\"reason\">" + reason + "</p>")));
		assertThat(this.search.calls()).isEmpty();
	}

	@Test
	void aSearchTheEngineRefusesGetsThe400Page() throws Exception {
		this.search.fails(new InvalidSearchException("search.invalid.tooManyTerms", 150, 64));
		String page = this.mvc.perform(get("/innovations?q=many"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("This request could not be understood",
				"The search has too many words: 150 once split into words and numbers, at most 64.");
	}

	@Test
	void pagesAndErrorPagesCarryTheSecurityHeaders() throws Exception {
		for (String path : List.of("/innovations", "/innovations?sort=random")) {
			MockHttpServletResponse response = this.mvc.perform(get(path)).andReturn().getResponse();
			assertThat(response.getHeader("Content-Security-Policy")).as(path)
				.startsWith("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;")
				.endsWith("frame-ancestors 'none'");
			assertThat(response.getHeader("X-Frame-Options")).as(path).isEqualTo("DENY");
			assertThat(response.getHeader("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
			assertThat(response.getHeader("Referrer-Policy")).as(path).isEqualTo("strict-origin-when-cross-origin");
			assertThat(response.getHeader("Permissions-Policy")).as(path).startsWith("camera=(), microphone=()");
		}
	}

	@Test
	void aPostWithoutCsrfTokenIsRefused() throws Exception {
		this.mvc.perform(post("/innovations").param("q", "budgets")).andExpect(status().isForbidden());
		assertThat(this.search.calls()).isEmpty();
	}

	@Test
	void theHeadGivesSearchEnginesTheSearchsAddressAsItIsNormallySpelledAndWhatItLists() throws Exception {
		this.search.finds(BUDGETS, DASHBOARD)
			.totals(1234)
			.counts(Facet.COUNTRY, new FacetValue("br", "Brazil", 2, false), new FacetValue("mx", "Mexico", 1, false));
		// The default order and a facet shown in full change nothing that is listed; the
		// page and its size do.
		assertThat(html(get("/innovations?country=BR,br&sort=published&show=country&page=2&size=10"))).contains(
				"<link rel=\"canonical\" href=\"http://localhost/innovations?country=br&amp;page=2&amp;size=10\">",
				"<meta name=\"description\" content=\"1,234 innovations from governments and public bodies matching Countries: Brazil.\">",
				"<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/innovations.atom?country=br\"");
		assertThat(html(get("/innovations?q=budgets&sort=published"))).contains(
				"<link rel=\"canonical\" href=\"http://localhost/innovations?q=budgets&amp;sort=published\">",
				"matching “budgets”.\">");
		assertThat(html(get("/innovations?view=map&country=mx")))
			.contains("<link rel=\"canonical\" href=\"http://localhost/innovations?country=mx&amp;view=map\">");
		assertThat(html(get("/"))).contains("<link rel=\"canonical\" href=\"http://localhost/innovations\">",
				"<meta name=\"description\" content=\"1,234 innovations from governments and public bodies: search them by");
	}

	private String html(RequestBuilder request) throws Exception {
		return this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

}
