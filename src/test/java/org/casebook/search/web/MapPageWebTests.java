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
import org.casebook.taxonomy.FakeTaxonomies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The map page (the list page with {@code view=map}) in the web layer alone: it asks the
 * engine for counts only, as its points come from the map's API; it names that API with
 * the search's own parameters, lists the countries the engine counted, and names a
 * configured tile layer, which the content security policy then allows. The engine is a
 * {@link FakeInnovationSearch}, over {@link FakeTaxonomies}.
 */
@CasebookWebTest(value = SearchController.class,
		properties = "casebook.map.tiles.url=https://tiles.example.org/{z}/{x}/{y}.png")
@Import({ SearchQueryParser.class, FakeTaxonomies.class, FakeInnovationSearch.class, SearchLabels.class })
class MapPageWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	FakeInnovationSearch search;

	@BeforeEach
	void forgetEarlierSearches() {
		this.search.reset();
	}

	@Test
	void theMapAsksForCountsOnlyAndNamesItsApiWithTheSearch() throws Exception {
		String page = html("/innovations?view=map&country=fr,de&sector=education");
		SearchQuery query = new SearchQuery("",
				Map.of(Facet.COUNTRY, Set.of("fr", "de"), Facet.SECTOR, Set.of("education")), null, null, null, 1, 20);
		assertThat(this.search.calls()).containsExactly(new Counts(query, EnumSet.allOf(Facet.class), true));
		assertThat(page)
			.contains("data-map-api=\"/api/v1/map?country=fr,de&amp;sector=education\"",
					"data-cases-api=\"/api/v1/map/cases?country=fr,de&amp;sector=education\"",
					"<input type=\"hidden\" name=\"view\" value=\"map\">", "aria-current=\"page\" id=\"view-map\"",
					"/webjars/leaflet/1.9.4/dist/leaflet")
			.doesNotContain("class=\"cards\"");
	}

	@Test
	void theCountryTableListsTheCountriesTheEngineCountedWithLinksToTheirList() throws Exception {
		this.search.totals(9)
			.counts(Facet.COUNTRY, new FacetValue("fr", "France", 7, false), new FacetValue("br", "Brazil", 2, false),
					new FacetValue("de", "Germany", 0, false));
		String page = html("/innovations?view=map&sector=education");
		assertThat(page).contains("<span>9</span>")
			.containsPattern("<a href=\"/innovations\\?country=fr&amp;sector=education\"[^>]*>France</a>\\s*</th>\\s*"
					+ "<td class=\"number\">7</td>")
			.containsPattern("<a href=\"/innovations\\?country=br&amp;sector=education\"[^>]*>Brazil</a>\\s*</th>\\s*"
					+ "<td class=\"number\">2</td>")
			// A country without results is not in the table.
			.doesNotContain(">Germany</a>");
	}

	@Test
	void aConfiguredTileLayerIsOnTheMapAndAllowedByTheContentSecurityPolicy() throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get("/innovations?view=map"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(response.getContentAsString()).contains("data-tiles=\"https://tiles.example.org/{z}/{x}/{y}.png\"");
		assertThat(response.getHeader("Content-Security-Policy"))
			.contains("img-src 'self' data: https://tiles.example.org;");
	}

	@Test
	void htmxRequestsGetTheMapWithoutTheRestOfThePage() throws Exception {
		this.mvc.perform(get("/innovations?view=map&country=fr").header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(view().name("search/list :: results"));
		String fragment = html("/innovations?view=map&country=fr", "HX-Request");
		assertThat(fragment).startsWith("<div id=\"search-results\"")
			.contains("data-map-api=\"/api/v1/map?country=fr\"")
			.doesNotContain("<html", "leaflet.js");
	}

	@Test
	void anUnknownViewGetsThe400PageSayingWhichViewsThereAre() throws Exception {
		String page = this.mvc.perform(get("/innovations?view=globe"))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("error/4xx"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("There is no view &quot;globe&quot;: choose list, map or statistics.");
		assertThat(this.search.calls()).isEmpty();
	}

	private String html(String url, String... headers) throws Exception {
		var request = get(url);
		for (String header : headers) {
			request.header(header, "true");
		}
		return this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

}
