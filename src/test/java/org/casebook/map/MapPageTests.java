package org.casebook.map;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.casebook.CasebookIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The map view as a browser without JavaScript, or a screen reader, gets it. */
@CasebookIntegrationTest
class MapPageTests {

	@Autowired
	MockMvc mvc;

	@Test
	void theListOffersTheMapWithEveryFilterKept() throws Exception {
		String list = html("/innovations?q=digital&country=fr,de&yearFrom=2000");
		assertThat(list).contains("View as:")
			.contains("<a href=\"/innovations?q=digital&amp;country=fr,de&amp;yearFrom=2000&amp;view=map\"")
			.doesNotContain("/webjars/leaflet/");
	}

	@Test
	void theMapViewHasTheSameFormFacetsChipsAndCountAsTheList() throws Exception {
		String list = html("/innovations?country=fr,de&sector=education");
		String map = html("/innovations?country=fr,de&sector=education&view=map");
		assertThat(heading(map)).isEqualTo(heading(list));
		assertThat(map)
			.contains("id=\"search-form\"", "id=\"facet-country\"", "class=\"chip\"",
					"<input type=\"hidden\" name=\"view\" value=\"map\">", "aria-current=\"page\" id=\"view-map\"",
					"/webjars/leaflet/1.9.4/dist/leaflet-", "/vendor/leaflet.markercluster/dist/leaflet.markercluster-",
					"data-map-api=\"/api/v1/map?country=fr,de&amp;sector=education\"")
			.doesNotContain("class=\"cards\"");
		// Links that change the search stay on the map.
		assertThat(map).contains("href=\"/innovations?country=fr,de&amp;view=map\"");
	}

	@Test
	void belowTheMapATableOfCountriesLinksToTheFilteredList() throws Exception {
		String map = html("/innovations?sector=education&view=map");
		assertThat(map).contains("<caption>Innovations by country</caption>", "<th scope=\"row\">");
		// The table's count for a country is what its link lists.
		Matcher row = Pattern
			.compile("<a href=\"(/innovations\\?country=(\\w+)&amp;sector=education)\"[^>]*>[^<]+</a>\\s*</th>\\s*"
					+ "<td class=\"number\">(\\d+)</td>")
			.matcher(map);
		assertThat(row.find()).isTrue();
		String listed = html(row.group(1).replace("&amp;", "&"));
		assertThat(listed).contains("<span>" + row.group(3) + "</span>");
	}

	@Test
	void anUnknownViewGets400() throws Exception {
		this.mvc.perform(get("/innovations?view=globe")).andExpect(status().isBadRequest());
	}

	@Test
	void theMapsLibrariesAndShapesAreServedByCasebook() throws Exception {
		for (String asset : new String[] { "/webjars/leaflet/1.9.4/dist/leaflet.js",
				"/webjars/leaflet/1.9.4/dist/leaflet.css", "/webjars/leaflet/1.9.4/dist/images/marker-icon.png",
				"/vendor/leaflet.markercluster/dist/leaflet.markercluster.js",
				"/vendor/leaflet.markercluster/dist/MarkerCluster.css",
				"/vendor/topojson-client/dist/topojson-client.min.js", "/vendor/world-atlas/countries-50m.json",
				"/js/map.js" }) {
			this.mvc.perform(get(asset)).andExpect(status().isOk());
		}
		String map = html("/innovations?view=map");
		// What the page loads; its canonical address is absolute, as it should be.
		assertThat(map).doesNotContainPattern("src=\"(https?:)?//")
			.doesNotContainPattern("<link rel=\"stylesheet\" href=\"(https?:)?//");
		assertThat(map).contains("do not imply the expression of any opinion whatsoever");
		// No tile layer unless one is configured.
		assertThat(map).doesNotContain("data-tiles=");
	}

	private String html(String url) throws Exception {
		return this.mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private static String heading(String page) {
		int start = page.indexOf("<h1 id=\"results-heading\"");
		return page.substring(start, page.indexOf("</h1>", start));
	}

}
