package org.casebook.search;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.web.util.UriUtils;

/**
 * One search, as its URL states it: keywords, selected facet values, a year range, an
 * order and a page. The HTML page, the JSON API and the map all start from this one
 * object.
 *
 * @param text the keywords, possibly empty
 * @param filters selected values per facet
 * @param yearFrom the first year of launch, or null
 * @param yearTo the last year of launch, or null
 * @param sort the order asked for, or null for the default
 * @param page the page, from 1
 * @param size results per page
 * @param hideDemo whether generated demo cases are left out, leaving the real ones
 */
public record SearchQuery(String text, Map<Facet, Set<String>> filters, Integer yearFrom, Integer yearTo,
		SearchSort sort, int page, int size, boolean hideDemo) {

	public static final List<Integer> PAGE_SIZES = List.of(10, 20, 50, 100);

	public static final int DEFAULT_SIZE = 20;

	/** The value of the {@code demo} parameter that leaves the demo cases out. */
	public static final String DEMO_HIDDEN = "hide";

	public SearchQuery {
		// Kept as typed: a trailing space tells that the last word is complete.
		text = (text != null) ? text : "";
		Map<Facet, Set<String>> copy = new EnumMap<>(Facet.class);
		filters.forEach((facet, keys) -> {
			if (!keys.isEmpty()) {
				copy.put(facet, Collections.unmodifiableSet(new LinkedHashSet<>(keys)));
			}
		});
		filters = Collections.unmodifiableMap(copy);
	}

	/** A search that keeps the demo cases among its results. */
	public SearchQuery(String text, Map<Facet, Set<String>> filters, Integer yearFrom, Integer yearTo, SearchSort sort,
			int page, int size) {
		this(text, filters, yearFrom, yearTo, sort, page, size, false);
	}

	/** Everything published, in the default order. */
	public static SearchQuery all() {
		return new SearchQuery("", Map.of(), null, null, null, 1, DEFAULT_SIZE);
	}

	public boolean hasText() {
		return !this.text.isBlank();
	}

	/**
	 * The order in effect: relevance when there are keywords, recently published
	 * otherwise.
	 */
	public SearchSort effectiveSort() {
		if (this.sort != null) {
			return this.sort;
		}
		return hasText() ? SearchSort.RELEVANCE : SearchSort.PUBLISHED;
	}

	public Set<String> selected(Facet facet) {
		return this.filters.getOrDefault(facet, Set.of());
	}

	public boolean isSelected(Facet facet, String key) {
		return selected(facet).contains(key);
	}

	public boolean hasYearRange() {
		return this.yearFrom != null || this.yearTo != null;
	}

	public int offset() {
		return (this.page - 1) * this.size;
	}

	public SearchQuery withPage(int page) {
		return new SearchQuery(this.text, this.filters, this.yearFrom, this.yearTo, this.sort, page, this.size,
				this.hideDemo);
	}

	/**
	 * Adds the value to the facet's selection, or removes it if selected; back to page 1.
	 */
	public SearchQuery toggle(Facet facet, String key) {
		Map<Facet, Set<String>> changed = new EnumMap<>(Facet.class);
		changed.putAll(this.filters);
		Set<String> keys = new LinkedHashSet<>(selected(facet));
		if (!keys.remove(key)) {
			keys.add(key);
		}
		changed.put(facet, keys);
		return new SearchQuery(this.text, changed, this.yearFrom, this.yearTo, this.sort, 1, this.size, this.hideDemo);
	}

	/** Only this value selected in the facet; back to page 1. */
	public SearchQuery selecting(Facet facet, String key) {
		Map<Facet, Set<String>> changed = new EnumMap<>(Facet.class);
		changed.putAll(this.filters);
		changed.put(facet, Set.of(key));
		return new SearchQuery(this.text, changed, this.yearFrom, this.yearTo, this.sort, 1, this.size, this.hideDemo);
	}

	public SearchQuery withoutText() {
		return new SearchQuery("", this.filters, this.yearFrom, this.yearTo, this.sort, 1, this.size, this.hideDemo);
	}

	public SearchQuery withYears(Integer from, Integer to) {
		return new SearchQuery(this.text, this.filters, from, to, this.sort, 1, this.size, this.hideDemo);
	}

	/** The demo cases left out, or shown again; back to page 1. */
	public SearchQuery withDemoHidden(boolean hidden) {
		return new SearchQuery(this.text, this.filters, this.yearFrom, this.yearTo, this.sort, 1, this.size, hidden);
	}

	/** No keywords, no filters; the order and page size stay. */
	public SearchQuery cleared() {
		return new SearchQuery("", Map.of(), null, null, this.sort, 1, this.size);
	}

	/** This search's URL on {@code path}, leaving out what is at its default. */
	public String toUrl(String path) {
		StringBuilder url = new StringBuilder(path);
		if (hasText()) {
			parameter(url, "q", this.text);
		}
		this.filters.forEach((facet, keys) -> parameter(url, facet.parameter(), String.join(",", keys)));
		if (this.yearFrom != null) {
			parameter(url, "yearFrom", this.yearFrom.toString());
		}
		if (this.yearTo != null) {
			parameter(url, "yearTo", this.yearTo.toString());
		}
		if (this.hideDemo) {
			parameter(url, "demo", DEMO_HIDDEN);
		}
		if (this.sort != null) {
			parameter(url, "sort", this.sort.parameter());
		}
		if (this.page != 1) {
			parameter(url, "page", Integer.toString(this.page));
		}
		if (this.size != DEFAULT_SIZE) {
			parameter(url, "size", Integer.toString(this.size));
		}
		return url.toString();
	}

	/**
	 * Adds a parameter, encoded as a query parameter; a plus sign too, which servers read
	 * as a space.
	 */
	private static void parameter(StringBuilder url, String name, String value) {
		url.append((url.indexOf("?") < 0) ? '?' : '&')
			.append(name)
			.append('=')
			.append(UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8).replace("+", "%2B"));
	}

}
