package org.casebook.search.web;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.casebook.search.Facet;
import org.casebook.search.FacetValue;
import org.casebook.search.InnovationHit;
import org.casebook.search.ResultPage;
import org.casebook.search.SearchQuery;
import org.casebook.search.SearchQueryParser;
import org.casebook.search.SearchResults;
import org.casebook.search.SearchSort;

/**
 * The results page as its template needs it: the results, what to show of each facet, and
 * the links that change the search (chips, "show all", pages, histogram bars).
 *
 * @param results what the search found
 * @param notices messages about the request, resolved
 * @param expanded the facets whose every value is shown
 * @param view whether the results are shown as a list, on the map or as statistics
 * @param numbers how the reader's language writes counts; one per page, as formats are
 * costly to make and not to be shared between threads
 */
public record SearchPage(SearchResults results, List<String> notices, Set<Facet> expanded, SearchView view,
		NumberFormat numbers) {

	static final String PATH = "/innovations";

	/** Long facets show this many values until "show all" is followed. */
	public static final int SHORT_FACET = 10;

	/**
	 * The year histogram has at most this many bars: 24 px each, with a gap, fit the
	 * filters' column.
	 */
	static final int MAX_YEAR_BARS = 10;

	/** A count as the reader's language writes it, such as 1,234. */
	public String number(long count) {
		return this.numbers.format(count);
	}

	public SearchQuery query() {
		return this.results.query();
	}

	public List<Facet> facets() {
		return List.of(Facet.values());
	}

	public List<SearchSort> sorts() {
		return List.of(SearchSort.values());
	}

	public List<Integer> pageSizes() {
		return SearchQuery.PAGE_SIZES;
	}

	/**
	 * Whether there is a next page that may be asked for: deep paging stops at a limit.
	 */
	public boolean hasNextPage() {
		ResultPage<InnovationHit> page = this.results.page();
		return page.hasNext() && (long) page.page() * page.size() <= SearchQueryParser.MAX_OFFSET;
	}

	/** The values shown for a facet: the largest ten and every selected one, or all. */
	public List<FacetValue> shownValues(Facet facet) {
		List<FacetValue> values = this.results.facets().get(facet);
		if (this.expanded.contains(facet) || values.size() <= SHORT_FACET) {
			return values;
		}
		List<FacetValue> shown = new ArrayList<>(values.subList(0, SHORT_FACET));
		values.subList(SHORT_FACET, values.size()).stream().filter(FacetValue::selected).forEach(shown::add);
		return shown;
	}

	public boolean hasMore(Facet facet) {
		return !this.expanded.contains(facet) && this.results.facets().get(facet).size() > SHORT_FACET;
	}

	public int valueCount(Facet facet) {
		return this.results.facets().get(facet).size();
	}

	public String showAllUrl(Facet facet) {
		return withParameter(url(query()), "show", facet.parameter()) + "#facet-" + facet.parameter();
	}

	/** The URL of a search, in the view shown now. */
	public String url(SearchQuery query) {
		return viewUrl(query, this.view);
	}

	public String pageUrl(int page) {
		return url(query().withPage(page));
	}

	/** This search's Atom feed: what it selects, newest first. */
	public String feedUrl() {
		return SearchFeedController.filters(query()).toUrl(SearchFeedController.PATH);
	}

	/**
	 * The address this page is known by, for search engines: the search as its URL
	 * normally spells it (values in order, each once), without what does not change the
	 * results shown (an order asked for that is the default, a facet shown in full). The
	 * page and its size stay: a later page lists other cases, and pointing it to the
	 * first would tell a crawler that they are not there.
	 */
	public String canonicalUrl() {
		SearchQuery query = query();
		SearchQuery unsorted = new SearchQuery(query.text(), query.filters(), query.yearFrom(), query.yearTo(), null,
				query.page(), query.size(), query.hideDemo());
		return url((query.effectiveSort() == unsorted.effectiveSort()) ? unsorted : query);
	}

	public boolean isMap() {
		return this.view == SearchView.MAP;
	}

	public boolean isList() {
		return this.view == SearchView.LIST;
	}

	public boolean isStatistics() {
		return this.view == SearchView.STATISTICS;
	}

	public List<SearchView> views() {
		return List.of(SearchView.values());
	}

	/** This search in another view: every filter stays. */
	public String viewUrl(SearchView view) {
		return viewUrl(query(), view);
	}

	/**
	 * Every result of this search as a file, {@code csv} or {@code jsonl}: the same
	 * search, without a page.
	 */
	public String exportUrl(String extension) {
		SearchQuery query = query();
		return new SearchQuery(query.text(), query.filters(), query.yearFrom(), query.yearTo(), query.sort(), 1,
				SearchQuery.DEFAULT_SIZE, query.hideDemo())
			.toUrl(PATH + "." + extension);
	}

	/**
	 * The list of this search's results in one country, as the map's table links it: as
	 * many as the table counts for it.
	 */
	public String countryListUrl(String country) {
		return listUrl(Facet.COUNTRY, country);
	}

	/**
	 * The list of this search's results with one value of a facet, as many as the facet
	 * counts for it: the facet's other values are left out, the other filters kept.
	 */
	public String listUrl(Facet facet, String key) {
		return viewUrl(query().selecting(facet, key), SearchView.LIST);
	}

	/**
	 * The list of this search's results launched in some years, as many as they count.
	 */
	public String yearsListUrl(int from, int to) {
		return viewUrl(query().withYears(from, to), SearchView.LIST);
	}

	/** This search's map, at its table of every country. */
	public String mapCountriesUrl() {
		return viewUrl(SearchView.MAP) + "#map-countries";
	}

	/** The map's country table: every country with results, largest first. */
	public List<FacetValue> mapCountries() {
		return this.results.facets().get(Facet.COUNTRY).stream().filter((value) -> value.count() > 0).toList();
	}

	/** The URL of a search in a view. */
	static String viewUrl(SearchQuery query, SearchView view) {
		String url = query.toUrl(view.path());
		return (view == SearchView.MAP) ? withParameter(url, "view", view.parameter()) : url;
	}

	private static String withParameter(String url, String name, String value) {
		return url + (url.contains("?") ? "&" : "?") + name + "=" + value;
	}

	/** The selected filters, each with the link that removes it. */
	public List<Chip> chips() {
		List<Chip> chips = new ArrayList<>();
		SearchQuery query = query();
		if (query.hasText()) {
			chips.add(new Chip("chip.text", query.text().strip(), "search.describe.text", url(query.withoutText())));
		}
		for (Facet facet : Facet.values()) {
			for (FacetValue value : this.results.facets().get(facet)) {
				if (value.selected()) {
					chips.add(new Chip(facet.messageKey(), value.label(), url(query.toggle(facet, value.key()))));
				}
			}
		}
		if (query.hasYearRange()) {
			String from = (query.yearFrom() != null) ? query.yearFrom().toString() : "…";
			String to = (query.yearTo() != null) ? query.yearTo().toString() : "…";
			chips.add(new Chip("facet.year", from + "–" + to, url(query.withYears(null, null))));
		}
		if (query.hideDemo()) {
			chips.add(new Chip("facet.demo", null, "facet.demo.hidden", url(query.withDemoHidden(false))));
		}
		return chips;
	}

	public String clearUrl() {
		return url(query().cleared());
	}

	/**
	 * How many filters are selected, as the "Filters (N selected)" control counts them:
	 * each facet value, and the year range as one.
	 */
	public int selectedFilters() {
		int selected = (query().hasYearRange() ? 1 : 0) + (query().hideDemo() ? 1 : 0);
		for (Facet facet : Facet.values()) {
			selected += (int) this.results.facets().get(facet).stream().filter(FacetValue::selected).count();
		}
		return selected;
	}

	/**
	 * The histogram's bars, from the first to the last year with results: one per year,
	 * or per group of 2, 5, 10… years (aligned on multiples, such as 2010–2014) when
	 * there are more than {@link #MAX_YEAR_BARS} years, so that each bar stays wide
	 * enough to be a target for a finger or a pointer (WCAG 2.5.8). Heights are in steps
	 * of 5% of the tallest, as the stylesheet has a class for each; a bar with any result
	 * shows.
	 */
	public List<YearBar> yearBars() {
		List<YearSpans.Span> spans = YearSpans.of(this.results.years(), MAX_YEAR_BARS);
		long max = Math.max(1, spans.stream().mapToLong(YearSpans.Span::count).max().orElse(1));
		List<YearBar> bars = new ArrayList<>();
		for (YearSpans.Span span : spans) {
			int height = (int) Math.ceil(20.0 * span.count() / max) * 5;
			bars.add(new YearBar(span.from(), span.to(), span.count(), height, inYearRange(span.from(), span.to()),
					yearsUrl(span.from(), span.to())));
		}
		return bars;
	}

	/** Whether some years overlap the selected years (all do when none are). */
	boolean inYearRange(int from, int to) {
		Integer yearFrom = query().yearFrom();
		Integer yearTo = query().yearTo();
		return (yearFrom == null || to >= yearFrom) && (yearTo == null || from <= yearTo);
	}

	/** The search in some years, in the view shown now. */
	String yearsUrl(int from, int to) {
		return url(query().withYears(from, to));
	}

	/**
	 * A selected filter shown above the results.
	 *
	 * @param kindKey the message key of what it filters, such as {@code facet.country}
	 * @param label what is selected, as the user typed it or the taxonomy names it
	 * @param labelKey or the message key of what is selected, or of how it is shown (such
	 * as typed words in the quotation marks of the reader's language)
	 * @param removeUrl the search without it
	 */
	public record Chip(String kindKey, String label, String labelKey, String removeUrl) {

		Chip(String kindKey, String label, String removeUrl) {
			this(kindKey, label, null, removeUrl);
		}

	}

	/**
	 * A bar of the year histogram: a year, or a group of years.
	 *
	 * @param from its first year
	 * @param to its last year, the same as the first for a bar of one year
	 * @param count the results launched in those years
	 * @param height in percent of the tallest bar, a multiple of 5
	 * @param inRange whether it overlaps the selected years (all do when none are)
	 * @param url the search in those years
	 */
	public record YearBar(int from, int to, long count, int height, boolean inRange, String url) {
	}

}
