package org.casebook.search;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.casebook.innovation.Innovation;

/**
 * What Casebook asks of a search engine, in its own terms: a {@link SearchQuery} in,
 * results, counts and clusters out. The list page, the JSON API, the map and the case
 * page talk only to this; an engine answers it: Lucene's ({@code search.lucene}) or
 * OpenSearch's ({@code search.opensearch}), as {@code casebook.search.engine} says. Every
 * answer covers published cases only.
 * <p>
 * A query an engine cannot answer within its limits is refused with an
 * {@link InvalidSearchException} that says why.
 */
public interface InnovationSearch {

	/** The characters of a text {@link #similar} reads; the rest is ignored. */
	int SIMILAR_TEXT_LENGTH = 10_000;

	/** The words of a text {@link #similar} looks for, per field compared. */
	int SIMILAR_TERMS = 25;

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

	/**
	 * Whether any published case is a generated demo case: only then is there something
	 * for {@link SearchQuery#hideDemo()} to hide.
	 */
	boolean hasDemoCases();

	/** Published cases that share the most tags, sectors and countries with this one. */
	List<InnovationHit> related(Innovation innovation, int count);

	/**
	 * Published cases whose text is most like this text, most alike first: the cases a
	 * new submission may duplicate. Bounded whatever the text: only its first
	 * {@value #SIMILAR_TEXT_LENGTH} characters are read, and only its
	 * {@value #SIMILAR_TERMS} most telling words (frequent in it, rare in the index) are
	 * looked for. A text without such words (blank, only stop words, or words no case
	 * has) has no similar cases.
	 * <p>
	 * Hibernate Search's DSL has no "more like this" predicate: the Lucene engine uses
	 * Lucene's {@code MoreLikeThis}; the OpenSearch engine sends the same bounds as a
	 * {@code more_like_this} query through its extension's {@code fromJson}.
	 * @param text the text of a case, such as a draft's title, summary and overview
	 * @param language the text's content language ({@code en}, {@code fr}...): its words
	 * are also compared stemmed in that language; null or another language compares them
	 * language-neutral only
	 * @param count the most cases to give
	 */
	List<InnovationHit> similar(String text, String language, int count);

	/**
	 * Hands the ids of every result of a search to an action, in the search's order, a
	 * batch at a time, without holding them all: for exports of any size. No time limit
	 * stops it, but each batch is found within the search timeout.
	 * @return how many results there were
	 */
	long forEachMatch(SearchQuery query, Consumer<List<Long>> batches);

}
