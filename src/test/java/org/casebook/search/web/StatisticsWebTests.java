package org.casebook.search.web;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.casebook.CasebookWebTest;
import org.casebook.search.Facet;
import org.casebook.search.FacetValue;
import org.casebook.search.FakeInnovationSearch;
import org.casebook.search.FakeInnovationSearch.Counts;
import org.casebook.search.SearchQuery;
import org.casebook.search.SearchLabels;
import org.casebook.search.SearchQueryParser;
import org.casebook.search.SearchResults.YearCount;
import org.casebook.search.SearchSort;
import org.casebook.taxonomy.FakeTaxonomies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The statistics page in the web layer alone: it asks the engine for the counts the
 * list's filters show, and draws each as an SVG picture beside a table that links every
 * value to its list. The engine is a {@link FakeInnovationSearch}, over
 * {@link FakeTaxonomies}.
 */
@CasebookWebTest(SearchController.class)
@Import({ SearchQueryParser.class, FakeTaxonomies.class, FakeInnovationSearch.class, SearchLabels.class })
class StatisticsWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	FakeInnovationSearch search;

	@BeforeEach
	void countSome() {
		this.search.reset();
		this.search.totals(12)
			.counts(Facet.SECTOR, new FacetValue("education", "Education", 9, false),
					new FacetValue("health", "Health", 3, false))
			.counts(Facet.COUNTRY, new FacetValue("fr", "France", 7, false), new FacetValue("br", "Brazil", 5, false))
			.countsYears(new YearCount(2015, 4), new YearCount(2017, 6));
	}

	@Test
	void theStatisticsAskForTheListsCountsWithTheListsParameters() throws Exception {
		String page = html("/statistics?q=budget&country=fr,br&yearFrom=2000&sort=title&size=50");
		SearchQuery query = new SearchQuery("budget", Map.of(Facet.COUNTRY, Set.of("fr", "br")), 2000, null,
				SearchSort.TITLE, 1, 50);
		assertThat(this.search.calls()).containsExactly(new Counts(query, EnumSet.allOf(Facet.class), true));
		// The same form, facets, chips and count as the list, sent to the statistics.
		assertThat(page)
			.contains("<title>Statistics of innovations · Casebook</title>",
					"<form id=\"search-form\" class=\"search\" method=\"get\" action=\"/statistics\"",
					"data-hx-get=\"/statistics\"", "id=\"facet-country\"", "class=\"chip\"", "<span>12</span>",
					"aria-current=\"page\" id=\"view-statistics\"")
			.doesNotContain("class=\"cards\"", "name=\"view\"", "/webjars/leaflet/");
		// The view switch keeps every filter.
		assertThat(page).contains(
				"<a href=\"/innovations?q=budget&amp;country=fr,br&amp;yearFrom=2000&amp;sort=title&amp;size=50\"",
				"<a href=\"/innovations?q=budget&amp;country=fr,br&amp;yearFrom=2000&amp;sort=title&amp;size=50&amp;view=map\"");
		// A chip removes its filter and stays on the statistics.
		assertThat(page)
			.contains("href=\"/statistics?q=budget&amp;country=br&amp;yearFrom=2000&amp;sort=title&amp;size=50\"");
	}

	@Test
	void eachChartIsAHiddenPictureOfATableWhoseRowsLinkToTheirList() throws Exception {
		String page = html("/statistics?country=fr");
		String sectors = section(page, "chart-sector");
		assertThat(sectors).contains("<h2 id=\"chart-sector-heading\">Sector</h2>")
			.contains("aria-labelledby=\"chart-sector-heading\"")
			.containsPattern("<svg class=\"chart-svg\" width=\"100%\" height=\"84\" aria-hidden=\"true\">")
			.contains("<caption>Innovations per sector</caption>", "<th scope=\"col\">Sector</th>",
					"<th scope=\"col\" class=\"number\">Innovations</th>")
			// The row and the bar link to the same list, the bar out of the tab order.
			.containsPattern("<th scope=\"row\">\\s*<a href=\"/innovations\\?country=fr&amp;sector=education\">"
					+ "Education</a>\\s*</th>\\s*<td class=\"number\">9</td>")
			.containsPattern("<a href=\"/innovations\\?country=fr&amp;sector=education\" tabindex=\"-1\">\\s*"
					+ "<title>Education: 9 innovations</title>")
			.contains("<rect class=\"chart-bar\" fill=\"#0b5cad\" x=\"0.00%\" y=\"20\" width=\"80.00%\" height=\"14\">",
					"width=\"26.67%\"");
		// Years: every year from the first to the last; one without innovations links
		// nowhere.
		String years = section(page, "chart-year");
		assertThat(years)
			.contains("<h2 id=\"chart-year-heading\">Year of launch</h2>",
					"<caption>Innovations per year of launch</caption>")
			.containsPattern("<a href=\"/innovations\\?country=fr&amp;yearFrom=2015&amp;yearTo=2015\">2015</a>"
					+ "\\s*</th>\\s*<td class=\"number\">4</td>")
			.containsPattern("<span>2016</span>\\s*</th>\\s*<td class=\"number\">0</td>")
			.contains("2 of these innovations have no year of launch.");
		// Charts without values say so.
		assertThat(section(page, "chart-stage")).contains("None of these innovations has this information.")
			.doesNotContain("<svg");
		// Only attributes: nothing that a Content-Security-Policy without
		// 'unsafe-inline' would block.
		assertThat(page).doesNotContain("style=", "<style", "<script>");
	}

	@Test
	void aSelectedYearRangeGreysTheOtherYearsAndLeavesOutTheCountWithoutYear() throws Exception {
		String years = section(html("/statistics?yearFrom=2016"), "chart-year");
		assertThat(years)
			.contains("class=\"chart-bar chart-bar-muted\" fill=\"#6e7781\"",
					"Years outside the selected range are in grey")
			.doesNotContain("no year of launch");
	}

	@Test
	void noResultsNoCharts() throws Exception {
		this.search.reset();
		String page = html("/statistics?q=nothing");
		assertThat(page).contains("No innovations to show.").doesNotContain("<svg", "<table");
	}

	@Test
	void htmxGetsTheStatisticsWithoutTheRestOfThePage() throws Exception {
		this.mvc.perform(get("/statistics?country=fr").header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(view().name("search/list :: results"));
		String fragment = this.mvc.perform(get("/statistics?country=fr").header("HX-Request", "true"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(fragment).startsWith("<div id=\"search-results\"")
			.contains("id=\"chart-sector\"")
			.doesNotContain("<html");
	}

	@Test
	void aViewAskedForAtAnotherViewsAddressIsRedirectedThereWithTheSearch() throws Exception {
		this.mvc.perform(get("/innovations?view=statistics&country=fr&yearFrom=2000"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/statistics?country=fr&yearFrom=2000"));
		this.mvc.perform(get("/statistics?view=map&country=fr"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/innovations?country=fr&view=map"));
		this.mvc.perform(get("/statistics?view=list").param("q", "a+b"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/innovations?q=a%2Bb"));
		assertThat(this.search.calls()).isEmpty();
	}

	@Test
	void badParametersGetThe400PageSayingWhatIsWrong() throws Exception {
		assertThat(error("/statistics?yearFrom=abc")).contains("The year &quot;abc&quot; is not valid");
		assertThat(error("/statistics?view=globe"))
			.contains("There is no view &quot;globe&quot;: choose list, map or statistics.");
		assertThat(error("/statistics?size=7")).contains("The page size &quot;7&quot; is not offered");
		assertThat(this.search.calls()).isEmpty();
	}

	private String error(String url) throws Exception {
		return this.mvc.perform(get(url))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("error/4xx"))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private String html(String url) throws Exception {
		return this.mvc.perform(get(url))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()
			.replaceAll("\\s+", " ");
	}

	/** The section of a page with this id. */
	private static String section(String page, String id) {
		int start = page.indexOf("<section class=\"chart\" id=\"" + id + "\"");
		assertThat(start).as(id).isNotNegative();
		return page.substring(start, page.indexOf("</section>", start));
	}

}
