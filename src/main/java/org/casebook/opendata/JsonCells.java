package org.casebook.opendata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * A JSON line of an import (a {@link CaseDocument}) as the cells of a CSV row, so that
 * both forms are checked alike. Terms are read by key; labels are left aside.
 */
final class JsonCells {

	private JsonCells() {
	}

	static Map<String, String> of(JsonNode document) {
		Map<String, String> cells = new HashMap<>();
		for (String field : List.of("slug", "title", "language", "summary", "overview")) {
			cells.put(field, text(document.get(field)));
		}
		JsonNode sections = document.get("sections");
		if (sections != null && sections.isObject()) {
			for (String column : CaseCsv.COLUMNS) {
				if (CaseDocument.section(column) != null) {
					cells.put(column, text(sections.get(column)));
				}
			}
		}
		cells.put("launch_year", text(document.get("launchYear")));
		cells.put("level", key(document.get("level")));
		cells.put("countries", keys(document.get("countries")));
		cells.put("sectors", keys(document.get("sectors")));
		cells.put("stages", keys(document.get("stages")));
		cells.put("tags", keys(document.get("tags")));
		List<String> names = new ArrayList<>();
		List<String> types = new ArrayList<>();
		JsonNode organisations = document.get("organisations");
		if (organisations != null && organisations.isArray()) {
			for (JsonNode organisation : organisations) {
				names.add(text(organisation.get("name")));
				types.add(key(organisation.get("type")));
			}
		}
		cells.put("organisations", CaseCsv.join(names));
		cells.put("organisation_types", types.stream().allMatch(String::isEmpty) ? "" : CaseCsv.join(types));
		List<String> links = new ArrayList<>();
		JsonNode linkNodes = document.get("links");
		if (linkNodes != null && linkNodes.isArray()) {
			for (JsonNode link : linkNodes) {
				String title = text(link.get("title"));
				links.add(text(link.get("kind")) + " " + text(link.get("url")) + (title.isEmpty() ? "" : " " + title));
			}
		}
		cells.put("links", CaseCsv.join(links));
		JsonNode location = document.get("location");
		if (location != null && location.isObject()) {
			cells.put("location_name", text(location.get("name")));
			cells.put("latitude", text(location.get("lat")));
			cells.put("longitude", text(location.get("lon")));
		}
		JsonNode source = document.get("source");
		if (source != null && source.isObject()) {
			cells.put("source_name", text(source.get("name")));
			cells.put("source_url", text(source.get("url")));
			cells.put("licence", text(source.get("licence")));
		}
		cells.put("demo", text(document.get("demo")));
		cells.put("published_at", text(document.get("publishedAt")));
		cells.put("updated_at", text(document.get("updatedAt")));
		// A text that starts like a formula is guarded in CSV only.
		cells.replaceAll((column, cell) -> CaseCsv.text(cell));
		return cells;
	}

	private static String text(JsonNode node) {
		return (node == null || node.isNull()) ? "" : node.asString();
	}

	private static String key(JsonNode term) {
		return (term != null && term.isObject()) ? text(term.get("key")) : text(term);
	}

	private static String keys(JsonNode terms) {
		List<String> keys = new ArrayList<>();
		if (terms != null && terms.isArray()) {
			terms.forEach((term) -> keys.add(key(term)));
		}
		return CaseCsv.join(keys);
	}

}
