package org.casebook.search;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.casebook.taxonomy.Taxonomies;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * Reads a {@link SearchQuery} from URL parameters. Several values of a facet may be
 * comma-separated or repeated. Malformed values are refused with an
 * {@link InvalidSearchException}; unknown facet values are left out with a
 * {@link Notice}.
 */
@Component
public class SearchQueryParser {

	public static final int MAX_TEXT_LENGTH = 500;

	public static final int MAX_VALUES_PER_FACET = 50;

	/** How deep paging may go: beyond this, refining the search is the better answer. */
	public static final int MAX_OFFSET = 10_000;

	public static final int MIN_YEAR = 1900;

	public static final int MAX_YEAR = 2100;

	private final Taxonomies taxonomies;

	SearchQueryParser(Taxonomies taxonomies) {
		this.taxonomies = taxonomies;
	}

	public Parsed parse(MultiValueMap<String, String> parameters) {
		List<Notice> notices = new ArrayList<>();
		String text = String.join(" ", parameters.getOrDefault("q", List.of()));
		if (text.length() > MAX_TEXT_LENGTH) {
			throw new InvalidSearchException("search.invalid.text", MAX_TEXT_LENGTH);
		}
		Map<Facet, Set<String>> filters = new EnumMap<>(Facet.class);
		for (Facet facet : Facet.values()) {
			Set<String> keys = new LinkedHashSet<>();
			for (String key : values(parameters, facet.parameter())) {
				if (this.taxonomies.contains(facet.taxonomy(), key)) {
					keys.add(key);
				}
				else {
					notices.add(new Notice("search.notice.unknown",
							new DefaultMessageSourceResolvable(facet.messageKey()), key));
				}
			}
			if (keys.size() > MAX_VALUES_PER_FACET) {
				throw new InvalidSearchException("search.invalid.tooManyValues", MAX_VALUES_PER_FACET);
			}
			filters.put(facet, keys);
		}
		Integer yearFrom = year(parameters, "yearFrom");
		Integer yearTo = year(parameters, "yearTo");
		if (yearFrom != null && yearTo != null && yearFrom > yearTo) {
			notices.add(new Notice("search.notice.yearsSwapped", yearFrom.toString(), yearTo.toString()));
			int swap = yearFrom;
			yearFrom = yearTo;
			yearTo = swap;
		}
		SearchSort sort = null;
		String sortParameter = single(parameters, "sort");
		if (sortParameter != null) {
			sort = SearchSort.ofParameter(sortParameter)
				.orElseThrow(() -> new InvalidSearchException("search.invalid.sort", sortParameter));
		}
		int size = integer(parameters, "size", SearchQuery.DEFAULT_SIZE, "search.invalid.size");
		if (!SearchQuery.PAGE_SIZES.contains(size)) {
			throw new InvalidSearchException("search.invalid.size", String.valueOf(size));
		}
		int page = integer(parameters, "page", 1, "search.invalid.page");
		if (page < 1) {
			throw new InvalidSearchException("search.invalid.page", String.valueOf(page));
		}
		if ((long) (page - 1) * size > MAX_OFFSET) {
			throw new InvalidSearchException("search.invalid.tooDeep", MAX_OFFSET);
		}
		boolean hideDemo = hideDemo(single(parameters, "demo"));
		return new Parsed(new SearchQuery(text, filters, yearFrom, yearTo, sort, page, size, hideDemo),
				List.copyOf(notices));
	}

	private static List<String> values(MultiValueMap<String, String> parameters, String name) {
		List<String> values = new ArrayList<>();
		for (String value : parameters.getOrDefault(name, List.of())) {
			for (String part : value.split(",")) {
				String key = part.strip().toLowerCase(Locale.ROOT);
				if (!key.isEmpty()) {
					values.add(key);
				}
			}
		}
		return values;
	}

	private static String single(MultiValueMap<String, String> parameters, String name) {
		List<String> values = parameters.getOrDefault(name, List.of());
		for (int i = values.size() - 1; i >= 0; i--) {
			if (!values.get(i).isBlank()) {
				return values.get(i).strip();
			}
		}
		return null;
	}

	private static Integer year(MultiValueMap<String, String> parameters, String name) {
		String value = single(parameters, name);
		if (value == null) {
			return null;
		}
		try {
			int year = Integer.parseInt(value);
			if (year >= MIN_YEAR && year <= MAX_YEAR) {
				return year;
			}
		}
		catch (NumberFormatException ex) {
			// refused below
		}
		throw new InvalidSearchException("search.invalid.year", value, MIN_YEAR, MAX_YEAR);
	}

	/**
	 * {@code demo=hide} leaves the demo cases out; {@code demo=show}, or nothing, keeps
	 * them.
	 */
	private static boolean hideDemo(String value) {
		if (value == null || value.equalsIgnoreCase("show")) {
			return false;
		}
		if (value.equalsIgnoreCase(SearchQuery.DEMO_HIDDEN)) {
			return true;
		}
		throw new InvalidSearchException("search.invalid.demo", value);
	}

	private static int integer(MultiValueMap<String, String> parameters, String name, int defaultValue,
			String messageKey) {
		String value = single(parameters, name);
		if (value == null) {
			return defaultValue;
		}
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new InvalidSearchException(messageKey, value);
		}
	}

	/** A query and what its user should be told about it. */
	public record Parsed(SearchQuery query, List<Notice> notices) {
	}

}
