package org.casebook.search;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.casebook.innovation.Innovation;

/**
 * What Casebook asks of a search engine, in its own terms: a {@link SearchQuery} in,
 * results, counts and clusters out. The list page, the JSON API, the map and the case
 * page talk only to this; an engine (Lucene's today, in {@code search.lucene}) answers
 * it. Every answer covers published cases only.
 * <p>
 * A query an engine cannot answer within its limits is refused with an
 * {@link InvalidSearchException} that says why.
 */
public interface InnovationSearch {

	/**
	 * A page of results with the matched words of their summaries, the counts of every
	 * facet value (disjunctive: a facet's own selection does not shrink its counts) and
	 * the results per year of launch.
	 */
	SearchResults search(SearchQuery query);

	/**
	 * The total and the counts of some facets, without a page of results.
	 * @param facets the facets to count
	 * @param years whether to count the years of launch too
	 */
	SearchResults counts(SearchQuery query, Set<Facet> facets, boolean years);

	/**
	 * The search on a map: its total, its country counts and its located cases in the
	 * area, one cluster per cell, with the cases of the clusters of one case.
	 */
	MapResults map(SearchQuery query, MapArea area);

	/**
	 * The first located results of a search inside an area, such as the spot of a cluster
	 * that zooming in cannot separate, in the search's order.
	 */
	List<InnovationHit> located(SearchQuery query, MapArea area, int max);

	/** Published cases that share the most tags, sectors and countries with this one. */
	List<InnovationHit> related(Innovation innovation, int count);

	/**
	 * Published cases whose text is most like this text, most alike first: the cases a
	 * new submission may duplicate.
	 */
	List<InnovationHit> similar(String text, int count);

	/**
	 * Hands the slugs of every result of a search to an action, in the search's order, a
	 * batch at a time, without holding them all: for exports of any size. No time limit
	 * stops it, but each batch is found within the search timeout.
	 * @return how many results there were
	 */
	long forEachMatch(SearchQuery query, Consumer<List<String>> batches);

}
