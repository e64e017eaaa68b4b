package org.casebook.map;

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
import org.casebook.search.FakeInnovationSearch.Located;
import org.casebook.search.FakeInnovationSearch.MapOf;
import org.casebook.search.InnovationHit;
import org.casebook.search.MapArea;
import org.casebook.search.MapCluster;
import org.casebook.search.MapResults;
import org.casebook.search.SearchQuery;
import org.casebook.search.SearchLabels;
import org.casebook.search.SearchQueryParser;
import org.casebook.taxonomy.FakeTaxonomies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The map's JSON in the web layer alone: the list's parameters with {@code zoom} and
 * {@code bbox} become a query and an area for the engine; clusters of one case carry what
 * its popup shows, larger ones their bounds; and what cannot be understood gets a 400
 * problem whose {@code detail} says what to change. The engine is a
 * {@link FakeInnovationSearch}, over {@link FakeTaxonomies}.
 */
@CasebookWebTest(MapApiController.class)
@Import({ SearchQueryParser.class, FakeTaxonomies.class, FakeInnovationSearch.class, SearchLabels.class })
class MapApiControllerWebTests {

	static final String LONG_SUMMARY = "Lyon's libraries lend tools, seeds and musical instruments as well as books. "
		.repeat(4);

	static final InnovationHit LYON = new InnovationHit(3L, "lyon-library-of-things", "A library of things",
			LONG_SUMMARY, List.of("fr"), List.of("France"), 2019, false, Instant.parse("2024-03-01T10:00:00Z"), "Lyon",
			new Coordinates(45.764043, 4.835659), "en", InnovationHit.TermKeys.NONE, List.of());

	@Autowired
	MockMvc mvc;

	@Autowired
	FakeInnovationSearch search;

	@BeforeEach
	void forgetEarlierSearches() {
		this.search.reset();
	}

	@Test
	void theSearchZoomAndBoxBecomeAQueryAndAnArea() throws Exception {
		this.mvc.perform(get("/api/v1/map?q=library&country=fr,de&zoom=3&bbox=-10,35,30,60"))
			.andExpect(status().isOk());
		SearchQuery query = new SearchQuery("library", Map.of(Facet.COUNTRY, Set.of("fr", "de")), null, null, null, 1,
				20);
		assertThat(this.search.calls()).containsExactly(new MapOf(query, new MapArea(3, -10, 35, 30, 60)));
	}

	@Test
	void withoutABoxTheMapIsTheWholeWorldAtItsZoom() throws Exception {
		this.mvc.perform(get("/api/v1/map?zoom=2")).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/map")).andExpect(status().isOk());
		assertThat(this.search.calls()).containsExactly(
				new MapOf(SearchQuery.all(), new MapArea(2, -180, -90, 180, 90)),
				new MapOf(SearchQuery.all(), MapArea.WORLD));
	}

	@Test
	void clustersOfOneCaseCarryItsPopupAndLargerOnesTheirBounds() throws Exception {
		this.search.maps(new MapResults(12, 9, List.of(new FacetValue("fr", "France", 7, true)),
				List.of(new MapCluster(48.123456789, 2.3456789, 5, null, 48.0, 2.0, 49.0, 3.0),
						new MapCluster(45.764043, 4.835659, 1, "lyon-library-of-things", 45.764043, 4.835659, 45.764043,
								4.835659),
						new MapCluster(43.3, 5.4, 3, null, 43.3, 5.4, 43.3, 5.4)),
				Map.of("lyon-library-of-things", LYON)));
		String json = this.mvc.perform(get("/api/v1/map?country=fr"))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.total").value(12))
			.andExpect(jsonPath("$.located").value(9))
			.andExpect(jsonPath("$.countries[0].key").value("fr"))
			.andExpect(jsonPath("$.countries[0].label").value("France"))
			.andExpect(jsonPath("$.countries[0].count").value(7))
			.andExpect(jsonPath("$.countries[0].selected").value(true))
			// Several cases: rounded to about a metre, with their bounds.
			.andExpect(jsonPath("$.clusters[0].lat").value(48.12346))
			.andExpect(jsonPath("$.clusters[0].lon").value(2.34568))
			.andExpect(jsonPath("$.clusters[0].count").value(5))
			.andExpect(jsonPath("$.clusters[0].bounds").value(contains(48.0, 2.0, 49.0, 3.0)))
			.andExpect(jsonPath("$.clusters[0].sameSpot").value(false))
			// One case: what its popup shows.
			.andExpect(jsonPath("$.clusters[1].count").value(1))
			.andExpect(jsonPath("$.clusters[1].slug").value("lyon-library-of-things"))
			.andExpect(jsonPath("$.clusters[1].url").value("/innovations/lyon-library-of-things"))
			.andExpect(jsonPath("$.clusters[1].title").value("A library of things"))
			.andExpect(jsonPath("$.clusters[1].countries").value(contains("France")))
			.andExpect(jsonPath("$.clusters[1].year").value(2019))
			.andExpect(jsonPath("$.clusters[1].place").value("Lyon"))
			// Several cases at one spot, which zooming in cannot part.
			.andExpect(jsonPath("$.clusters[2].sameSpot").value(true))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Map<String, Object> several = JsonPath.read(json, "$.clusters[0]");
		assertThat(several).containsOnlyKeys("lat", "lon", "count", "bounds", "sameSpot");
		Map<String, Object> one = JsonPath.read(json, "$.clusters[1]");
		assertThat(one).containsOnlyKeys("lat", "lon", "count", "slug", "url", "title", "summary", "language",
				"countries", "year", "place");
		String summary = JsonPath.read(json, "$.clusters[1].summary");
		assertThat(summary).endsWith("…").hasSizeLessThanOrEqualTo(221).startsWith(LONG_SUMMARY.substring(0, 100));
	}

	@Test
	void aClusterWhoseCaseTheEngineDidNotDescribeNamesOnlyItsSlug() throws Exception {
		this.search.maps(new MapResults(1, 1, List.of(),
				List.of(new MapCluster(45.0, 5.0, 1, "just-published", 45.0, 5.0, 45.0, 5.0)), Map.of()));
		String json = this.mvc.perform(get("/api/v1/map"))
			.andExpect(jsonPath("$.clusters[0].slug").value("just-published"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Map<String, Object> cluster = JsonPath.read(json, "$.clusters[0]");
		assertThat(cluster).containsOnlyKeys("lat", "lon", "count", "slug");
	}

	@Test
	void theCasesOfASpotAreTheLocatedResultsInItsBox() throws Exception {
		this.search.locates(LYON);
		this.mvc.perform(get("/api/v1/map/cases?country=fr&bbox=4.8,45.7,4.9,45.8"))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.limit").value(100))
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.items[0].slug").value("lyon-library-of-things"))
			.andExpect(jsonPath("$.items[0].lat").value(45.764043))
			.andExpect(jsonPath("$.items[0].lon").value(4.835659))
			.andExpect(jsonPath("$.items[0].url").value("/innovations/lyon-library-of-things"))
			.andExpect(jsonPath("$.items[0].place").value("Lyon"));
		SearchQuery query = new SearchQuery("", Map.of(Facet.COUNTRY, Set.of("fr")), null, null, null, 1, 20);
		assertThat(this.search.calls())
			.containsExactly(new Located(query, new MapArea(0, 4.8, 45.7, 4.9, 45.8), MapApiController.MAX_SPOT_CASES));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					/api/v1/map?zoom=x                        | The zoom "x" is not valid: give a whole number from 0 to 18.
					/api/v1/map?zoom=19                       | The zoom "19" is not valid: give a whole number from 0 to 18.
					/api/v1/map?bbox=1,2,3                    | The bounding box "1,2,3" is not valid: give west,south,east,north in degrees.
					/api/v1/map?bbox=0,60,10,50               | The bounding box "0,60,10,50" is not valid: give west,south,east,north in degrees.
					/api/v1/map?zoom=6                        | The whole world at zoom 6 is more than 20,000 cells of the map: give a bounding box (bbox=west,south,east,north) or a zoom of at most 5.
					/api/v1/map?zoom=18&bbox=-180,-85,180,85  | The bounding box is too large for this zoom: at most 20,000 cells of the map.
					/api/v1/map?yearFrom=abc                  | The year "abc" is not valid: give a year between 1900 and 2100.
					/api/v1/map/cases?bbox=a,b,c,d            | The bounding box "a,b,c,d" is not valid: give west,south,east,north in degrees.
					""")
	void whatCannotBeUnderstoodGetsA400ProblemSayingWhy(String url, String detail) throws Exception {
		this.mvc.perform(get(url))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.detail").value(detail));
		assertThat(this.search.calls()).isEmpty();
	}

}
