package org.casebook.map;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.casebook.search.Facet;
import org.casebook.search.FacetValue;
import org.casebook.search.InnovationHit;
import org.casebook.search.InnovationSearch;
import org.casebook.search.SearchQuery;
import org.casebook.search.SearchResults;

import org.springframework.stereotype.Service;

/**
 * The map of a search: the same total and country counts as the list, and the located
 * cases grouped into clusters for the part of the world on screen. Everything comes from
 * the index; the browser gets one cluster per cell, never every point.
 */
@Service
public class InnovationMap {

	/** The most cases listed for one spot, when a cluster cannot be zoomed apart. */
	static final int MAX_SPOT_CASES = 100;

	private final InnovationSearch search;

	InnovationMap(InnovationSearch search) {
		this.search = search;
	}

	public MapResults map(SearchQuery query, MapArea area) {
		SearchResults counts = this.search.counts(query, EnumSet.of(Facet.COUNTRY), false);
		Grid grid = this.search.visit(query, (searcher, matching) -> {
			long located = searcher.count(new BooleanQuery.Builder().add(matching, Occur.MUST)
				.add(MapArea.WORLD.query(GridClusters.POINT_FIELD), Occur.FILTER)
				.build());
			return new Grid(GridClusters.of(searcher, matching, area), located);
		});
		List<String> singles = grid.clusters()
			.stream()
			.map(GridClusters.Cluster::slug)
			.filter((slug) -> slug != null)
			.toList();
		Map<String, InnovationHit> cases = singles.isEmpty() ? Map.of() : this.search
			.hits(query, new TermInSetQuery("slug", singles.stream().map(BytesRef::new).toList()), singles.size())
			.stream()
			.collect(Collectors.toMap(InnovationHit::slug, Function.identity()));
		return new MapResults(counts.total(), grid.located(), counts.facets().get(Facet.COUNTRY), grid.clusters(),
				cases);
	}

	/** The located cases of a search inside an area, such as the spot of a cluster. */
	public List<InnovationHit> cases(SearchQuery query, MapArea area) {
		return this.search.hits(query, area.query(GridClusters.POINT_FIELD), MAX_SPOT_CASES);
	}

	private record Grid(List<GridClusters.Cluster> clusters, long located) {
	}

	/**
	 * A map of a search.
	 *
	 * @param total how many cases match, located or not
	 * @param located how many of them have a location, anywhere in the world
	 * @param countries the country facet, as the list has it
	 * @param clusters the located cases in the area, grouped
	 * @param cases the cases of the clusters of one case, by slug
	 */
	public record MapResults(long total, long located, List<FacetValue> countries, List<GridClusters.Cluster> clusters,
			Map<String, InnovationHit> cases) {
	}

}
