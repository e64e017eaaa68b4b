package org.casebook.search.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.casebook.search.Facet;
import org.casebook.search.FacetValue;
import org.casebook.search.SearchQuery;
import org.casebook.search.SearchResults;

import org.springframework.context.MessageSource;

/**
 * A search in words, for what names it away from its page: a feed's title, the list
 * page's description. Such as {@code “digital”; Countries: France, Germany; Year of
 * launch: 2000–2030}: the keywords, the selected values by their labels, the years.
 */
final class SearchDescription {

	private SearchDescription() {
	}

	/** The search in words, or an empty text when it selects nothing. */
	static String of(SearchResults results, MessageSource messages, Locale locale) {
		SearchQuery query = results.query();
		List<String> parts = new ArrayList<>();
		if (query.hasText()) {
			parts.add(messages.getMessage("search.describe.text", new Object[] { query.text().strip() }, locale));
		}
		for (Facet facet : Facet.values()) {
			List<String> labels = results.facets()
				.getOrDefault(facet, List.of())
				.stream()
				.filter(FacetValue::selected)
				.map(FacetValue::label)
				.toList();
			if (!labels.isEmpty()) {
				parts
					.add(messages.getMessage(
							"search.describe.facet", new Object[] {
									messages.getMessage(facet.messageKey(), null, locale), String.join(", ", labels) },
							locale));
			}
		}
		if (query.hasYearRange()) {
			String from = (query.yearFrom() != null) ? query.yearFrom().toString() : "…";
			String to = (query.yearTo() != null) ? query.yearTo().toString() : "…";
			parts.add(messages.getMessage("search.describe.facet",
					new Object[] { messages.getMessage("facet.year", null, locale), from + "–" + to }, locale));
		}
		return String.join("; ", parts);
	}

}
