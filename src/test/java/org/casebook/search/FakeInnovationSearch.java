package org.casebook.search;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.casebook.innovation.Innovation;

/**
 * An engine for web slices: it answers every question with the results it was given and
 * writes down what it was asked, so that a test can say which {@link SearchQuery} a URL
 * became. Facet values come back selected when the query selects them, as the seam
 * promises; nothing else of an engine's work (matching, counting, clustering) is done.
 */
public class FakeInnovationSearch implements InnovationSearch {

	private final List<Object> calls = new ArrayList<>();

	private List<InnovationHit> hits;

	private Long total;

	private Map<Facet, List<FacetValue>> facets;

	private List<SearchResults.YearCount> years;

	private MapResults map;

	private List<InnovationHit> located;

	private List<InnovationHit> related;

	private List<InnovationHit> similar;

	private RuntimeException failure;

	private boolean demoCases;

	public FakeInnovationSearch() {
		reset();
	}

	/** Forgets what it was asked and given: nothing found, no failure. */
	public synchronized void reset() {
		this.calls.clear();
		this.hits = List.of();
		this.total = null;
		this.facets = new EnumMap<>(Facet.class);
		this.years = List.of();
		this.map = new MapResults(0, 0, List.of(), List.of(), Map.of());
		this.located = List.of();
		this.related = List.of();
		this.similar = List.of();
		this.failure = null;
		this.demoCases = false;
	}

	/** Whether the catalogue it stands for holds demo cases. */
	public synchronized FakeInnovationSearch hasDemoCases(boolean demoCases) {
		this.demoCases = demoCases;
		return this;
	}

	/** What it was asked, in order: {@link Search}, {@link Counts}, {@link MapOf}… */
	public synchronized List<Object> calls() {
		return List.copyOf(this.calls);
	}

	/** A search finds these on its page, out of as many as there are. */
	public synchronized FakeInnovationSearch finds(InnovationHit... hits) {
		this.hits = List.of(hits);
		return this;
	}

	/** A search finds this many in all, whatever its page holds. */
	public synchronized FakeInnovationSearch totals(long total) {
		this.total = total;
		return this;
	}

	public synchronized FakeInnovationSearch counts(Facet facet, FacetValue... values) {
		this.facets.put(facet, List.of(values));
		return this;
	}

	public synchronized FakeInnovationSearch countsYears(SearchResults.YearCount... years) {
		this.years = List.of(years);
		return this;
	}

	public synchronized FakeInnovationSearch maps(MapResults map) {
		this.map = map;
		return this;
	}

	public synchronized FakeInnovationSearch locates(InnovationHit... hits) {
		this.located = List.of(hits);
		return this;
	}

	public synchronized FakeInnovationSearch relates(InnovationHit... hits) {
		this.related = List.of(hits);
		return this;
	}

	/** Any text is like these cases, at most as many as asked for. */
	public synchronized FakeInnovationSearch likens(InnovationHit... hits) {
		this.similar = List.of(hits);
		return this;
	}

	/** Every question is answered with this exception, as an engine that refuses. */
	public synchronized FakeInnovationSearch fails(RuntimeException failure) {
		this.failure = failure;
		return this;
	}

	@Override
	public synchronized SearchResults search(SearchQuery query) {
		answer(new Search(query));
		return results(query, this.hits);
	}

	@Override
	public synchronized SearchResults counts(SearchQuery query, Set<Facet> facets, boolean years) {
		answer(new Counts(query, Set.copyOf(facets), years));
		return results(query, List.of());
	}

	@Override
	public synchronized MapResults map(SearchQuery query, MapArea area) {
		answer(new MapOf(query, area));
		return this.map;
	}

	@Override
	public synchronized List<InnovationHit> located(SearchQuery query, MapArea area, int max) {
		answer(new Located(query, area, max));
		return this.located;
	}

	@Override
	public synchronized boolean hasDemoCases() {
		return this.demoCases;
	}

	@Override
	public synchronized List<InnovationHit> related(Innovation innovation, int count) {
		answer(new Related(innovation.getSlug(), count));
		return this.related;
	}

	@Override
	public synchronized List<InnovationHit> similar(String text, String language, int count) {
		answer(new Similar(text, language, count));
		return this.similar.subList(0, Math.min(count, this.similar.size()));
	}

	@Override
	public synchronized long forEachMatch(SearchQuery query, Consumer<List<Long>> batches) {
		answer(new EveryMatch(query));
		if (!this.hits.isEmpty()) {
			batches.accept(this.hits.stream().map(InnovationHit::id).toList());
		}
		return this.hits.size();
	}

	private void answer(Object call) {
		this.calls.add(call);
		if (this.failure != null) {
			throw this.failure;
		}
	}

	private SearchResults results(SearchQuery query, List<InnovationHit> page) {
		long all = (this.total != null) ? this.total : this.hits.size();
		Map<Facet, List<FacetValue>> counted = new EnumMap<>(Facet.class);
		for (Facet facet : Facet.values()) {
			counted.put(facet,
					this.facets.getOrDefault(facet, List.of())
						.stream()
						.map((value) -> new FacetValue(value.key(), value.label(), value.count(),
								query.isSelected(facet, value.key())))
						.toList());
		}
		return new SearchResults(query, new ResultPage<>(page, all, query.page(), query.size()), counted, this.years);
	}

	/** Asked for a page of results. */
	public record Search(SearchQuery query) {
	}

	/** Asked for counts only. */
	public record Counts(SearchQuery query, Set<Facet> facets, boolean years) {
	}

	/** Asked for a search on the map. */
	public record MapOf(SearchQuery query, MapArea area) {
	}

	/** Asked for the located results in an area. */
	public record Located(SearchQuery query, MapArea area, int max) {
	}

	/** Asked for the cases related to the case with this slug. */
	public record Related(String slug, int count) {
	}

	/** Asked for the cases most like a text. */
	public record Similar(String text, String language, int count) {
	}

	public record EveryMatch(SearchQuery query) {
	}

}
