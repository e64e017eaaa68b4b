package org.casebook.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.casebook.search.InnovationHit;
import org.casebook.search.SearchQuery;
import org.casebook.search.SearchQueryParser;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The map as JSON: the list's parameters, plus {@code zoom} and {@code bbox}
 * (west,south,east,north).
 */
@RestController
class MapApiController {

	/** Summaries in popups are cut to about this many characters. */
	private static final int SUMMARY_LENGTH = 220;

	private final SearchQueryParser parser;

	private final InnovationMap map;

	MapApiController(SearchQueryParser parser, InnovationMap map) {
		this.parser = parser;
		this.map = map;
	}

	@GetMapping("/api/v1/map")
	Map<String, Object> map(@RequestParam MultiValueMap<String, String> parameters) {
		SearchQuery query = this.parser.parse(parameters).query();
		MapArea area = MapArea.parse(parameters.getFirst("zoom"), parameters.getFirst("bbox"));
		InnovationMap.MapResults results = this.map.map(query, area);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("total", results.total());
		body.put("located", results.located());
		body.put("countries", results.countries());
		List<Map<String, Object>> clusters = new ArrayList<>(results.clusters().size());
		for (GridClusters.Cluster cluster : results.clusters()) {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("lat", rounded(cluster.latitude()));
			json.put("lon", rounded(cluster.longitude()));
			json.put("count", cluster.count());
			InnovationHit hit = (cluster.slug() != null) ? results.cases().get(cluster.slug()) : null;
			if (cluster.count() == 1) {
				json.put("slug", cluster.slug());
				if (hit != null) {
					json.putAll(popup(hit));
				}
			}
			else {
				json.put("bounds", List.of(rounded(cluster.south()), rounded(cluster.west()), rounded(cluster.north()),
						rounded(cluster.east())));
				json.put("sameSpot", cluster.sameSpot());
			}
			clusters.add(json);
		}
		body.put("clusters", clusters);
		return body;
	}

	/**
	 * The cases of one spot (a bounding box around it), for a cluster that zooming in
	 * cannot separate.
	 */
	@GetMapping("/api/v1/map/cases")
	Map<String, Object> cases(@RequestParam MultiValueMap<String, String> parameters) {
		SearchQuery query = this.parser.parse(parameters).query();
		MapArea area = MapArea.parse(null, parameters.getFirst("bbox"));
		List<Map<String, Object>> items = new ArrayList<>();
		for (InnovationHit hit : this.map.cases(query, area)) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("slug", hit.slug());
			item.put("lat", hit.point().latitude());
			item.put("lon", hit.point().longitude());
			item.putAll(popup(hit));
			items.add(item);
		}
		return Map.of("items", items, "limit", InnovationMap.MAX_SPOT_CASES);
	}

	/** What a marker's popup shows. */
	private static Map<String, Object> popup(InnovationHit hit) {
		Map<String, Object> popup = new LinkedHashMap<>();
		popup.put("url", "/innovations/" + hit.slug());
		popup.put("title", hit.title());
		popup.put("summary", shortened(hit.summary()));
		popup.put("countries", hit.countries());
		popup.put("year", hit.launchYear());
		popup.put("place", hit.locationName());
		return popup;
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

}
