package org.casebook.search;

import java.util.List;
import java.util.Map;

/**
 * What a search found: a page of results, the counts of every facet value, and the
 * results per year of launch.
 *
 * @param query the search
 * @param page the results on the requested page
 * @param facets every value of every facet with a count, largest first, selected ones
 * kept
 * @param years results per year of launch, following every filter but the year range
 */
public record SearchResults(SearchQuery query, ResultPage<InnovationHit> page, Map<Facet, List<FacetValue>> facets,
		List<YearCount> years) {

	public long total() {
		return this.page.total();
	}

	/** Results in one year of launch. */
	public record YearCount(int year, long count) {
	}

}
