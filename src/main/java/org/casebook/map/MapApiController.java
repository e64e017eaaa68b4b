package org.casebook.map;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.casebook.search.FacetValue;
import org.casebook.search.InnovationHit;
import org.casebook.search.InnovationSearch;
import org.casebook.search.SearchLabels;
import org.casebook.search.MapArea;
import org.casebook.search.MapCluster;
import org.casebook.search.MapResults;
import org.casebook.search.SearchQuery;
import org.casebook.search.SearchQueryParser;
import org.casebook.search.web.SearchWork;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The map as JSON: the list's parameters, plus {@code zoom} and {@code bbox}
 * (west,south,east,north).
 */
@RestController
@Tag(name = "Map", description = "The search on a world map")
class MapApiController {

	/** Summaries in popups are cut to about this many characters. */
	private static final int SUMMARY_LENGTH = 220;

	private final SearchQueryParser parser;

	/** The most cases listed for one spot, when a cluster cannot be zoomed apart. */
	static final int MAX_SPOT_CASES = 100;

	private final InnovationSearch search;

	private final SearchLabels labels;

	MapApiController(SearchQueryParser parser, InnovationSearch search, SearchLabels labels) {
		this.parser = parser;
		this.search = search;
		this.labels = labels;
	}

	@SearchWork
	@GetMapping("/api/v1/map")
	@Operation(summary = "Map a search",
			description = "The search's total and country counts, and its located cases in the box grouped into "
					+ "cells of 64 × 64 pixels of the Web Mercator map at the zoom, one cluster per cell.")
	@Parameter(in = ParameterIn.QUERY, name = "zoom",
			description = "The map's zoom level; the whole world is " + "served without a box up to zoom 5.",
			example = "4",
			schema = @Schema(type = "integer", minimum = "0", maximum = "" + MapArea.MAX_ZOOM, defaultValue = "0"))
	@Parameter(in = ParameterIn.QUERY, name = "bbox",
			description = "The part of the world shown: west,south,east,north in degrees (west may exceed east "
					+ "across the antimeridian); the whole world when absent.",
			example = "-10,35,20,55", schema = @Schema(type = "string"))
	MapJson map(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters, Locale locale) {
		SearchQuery query = this.parser.parse(parameters).query();
		MapArea area = MapArea.parse(parameters.getFirst("zoom"), parameters.getFirst("bbox"));
		MapResults results = this.labels.in(locale, this.search.map(query, area));
		List<ClusterJson> clusters = results.clusters()
			.stream()
			.map((cluster) -> ClusterJson.of(cluster,
					(cluster.slug() != null) ? results.cases().get(cluster.slug()) : null))
			.toList();
		return new MapJson(results.total(), results.located(), results.countries(), clusters);
	}

	/**
	 * The cases of one spot (a bounding box around it), for a cluster that zooming in
	 * cannot separate.
	 */
	@SearchWork
	@GetMapping("/api/v1/map/cases")
	@Operation(summary = "List the cases of a spot",
			description = "The first located cases of a search inside a small box, such as a cluster's bounds that "
					+ "zooming in cannot part, in the search's order.")
	@Parameter(in = ParameterIn.QUERY, name = "bbox", required = true,
			description = "The spot: west,south,east,north in degrees, such as a cluster's bounds.",
			example = "21.01,52.22,21.03,52.24", schema = @Schema(type = "string"))
	SpotJson cases(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters, Locale locale) {
		SearchQuery query = this.parser.parse(parameters).query();
		MapArea area = MapArea.parse(null, parameters.getFirst("bbox"));
		List<SpotCaseJson> items = this.labels.in(locale, this.search.located(query, area, MAX_SPOT_CASES))
			.stream()
			.map(SpotCaseJson::of)
			.toList();
		return new SpotJson(items, MAX_SPOT_CASES);
	}

	private static String shortened(String text) {
		if (text == null || text.length() <= SUMMARY_LENGTH) {
			return text;
		}
		int cut = text.lastIndexOf(' ', SUMMARY_LENGTH);
		return text.substring(0, (cut > SUMMARY_LENGTH / 2) ? cut : SUMMARY_LENGTH) + "…";
	}

	private static double rounded(double degrees) {
		return Math.round(degrees * 1e5) / 1e5;
	}

	/**
	 * A search on the map.
	 *
	 * @param total how many cases match, located or not
	 * @param located how many of them have a location
	 * @param countries the country facet, as the list has it
	 * @param clusters the located cases in the box, grouped, largest first
	 */
	record MapJson(long total, long located, List<FacetValue> countries, List<ClusterJson> clusters) {
	}

	/**
	 * Cases close together at the map's zoom: one case, with what its popup shows, or
	 * several, with their bounds.
	 *
	 * @param slug the case, when there is one
	 * @param bounds south, west, north and east of several cases
	 * @param sameSpot whether several cases are all at one spot: zooming in cannot part
	 * them
	 * @param language the language of a case's title, summary and place (ISO 639-1); its
	 * countries are named in the reader's
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ClusterJson(double lat, double lon, int count, String slug, String url, String title, String summary,
			String language, List<String> countries, Integer year, String place, List<Double> bounds,
			Boolean sameSpot) {

		static ClusterJson of(MapCluster cluster, InnovationHit hit) {
			if (cluster.count() > 1) {
				return new ClusterJson(rounded(cluster.latitude()), rounded(cluster.longitude()), cluster.count(), null,
						null, null, null, null, null, null, null, List.of(rounded(cluster.south()),
								rounded(cluster.west()), rounded(cluster.north()), rounded(cluster.east())),
						cluster.sameSpot());
			}
			if (hit == null) {
				return new ClusterJson(rounded(cluster.latitude()), rounded(cluster.longitude()), 1, cluster.slug(),
						null, null, null, null, null, null, null, null, null);
			}
			return new ClusterJson(rounded(cluster.latitude()), rounded(cluster.longitude()), 1, cluster.slug(),
					"/innovations/" + hit.slug(), hit.title(), shortened(hit.summary()), hit.language(),
					hit.countries(), hit.launchYear(), hit.locationName(), null, null);
		}

	}

	/**
	 * The cases of one spot.
	 *
	 * @param limit the most cases listed
	 */
	record SpotJson(List<SpotCaseJson> items, int limit) {
	}

	/**
	 * A case of a spot, with what its popup shows.
	 *
	 * @param language the language of its title, summary and place (ISO 639-1)
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record SpotCaseJson(String slug, double lat, double lon, String url, String title, String summary, String language,
			List<String> countries, Integer year, String place) {

		static SpotCaseJson of(InnovationHit hit) {
			return new SpotCaseJson(hit.slug(), hit.point().latitude(), hit.point().longitude(),
					"/innovations/" + hit.slug(), hit.title(), shortened(hit.summary()), hit.language(),
					hit.countries(), hit.launchYear(), hit.locationName());
		}

	}

}
