package org.casebook.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The search as JSON, with the same parameters as the list page and complete facet lists.
 */
@RestController
class SearchApiController {

	private final SearchQueryParser parser;

	private final InnovationSearch search;

	private final MessageSource messages;

	SearchApiController(SearchQueryParser parser, InnovationSearch search, MessageSource messages) {
		this.parser = parser;
		this.search = search;
		this.messages = messages;
	}

	@GetMapping("/api/v1/innovations")
	Map<String, Object> search(@RequestParam MultiValueMap<String, String> parameters, Locale locale) {
		SearchQueryParser.Parsed parsed = this.parser.parse(parameters);
		SearchResults results = this.search.search(parsed.query());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("total", results.total());
		body.put("page", results.page().page());
		body.put("size", results.page().size());
		body.put("items", results.page().items().stream().map(SearchApiController::item).toList());
		Map<String, Object> facets = new LinkedHashMap<>();
		results.facets().forEach((facet, values) -> facets.put(facet.parameter(), values));
		facets.put("year",
				results.years()
					.stream()
					.map((year) -> Map.of("key", Integer.toString(year.year()), "count", year.count()))
					.toList());
		body.put("facets", facets);
		body.put("notices",
				parsed.notices().stream().map((notice) -> this.messages.getMessage(notice, locale)).toList());
		return body;
	}

	static Map<String, Object> item(InnovationHit hit) {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("slug", hit.slug());
		item.put("url", "/innovations/" + hit.slug());
		item.put("title", hit.title());
		item.put("summary", hit.summary());
		List<Map<String, String>> countries = new ArrayList<>();
		for (int i = 0; i < hit.countryKeys().size(); i++) {
			countries.add(Map.of("key", hit.countryKeys().get(i), "label", hit.countries().get(i)));
		}
		item.put("countries", countries);
		item.put("year", hit.launchYear());
		item.put("location", (hit.point() != null) ? location(hit) : null);
		item.put("publishedAt", hit.publishedAt());
		item.put("demo", hit.demo());
		return item;
	}

	private static Map<String, Object> location(InnovationHit hit) {
		Map<String, Object> location = new LinkedHashMap<>();
		location.put("name", hit.locationName());
		location.put("lat", hit.point().latitude());
		location.put("lon", hit.point().longitude());
		return location;
	}

}
