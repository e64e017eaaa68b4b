package org.casebook.search;

import java.util.List;
import java.util.Map;

/**
 * A search seen on a map: the same total and country counts as the list, and the located
 * cases grouped into clusters for the part of the world on screen.
 *
 * @param total how many cases match, located or not
 * @param located how many of them have a location, anywhere in the world
 * @param countries the country facet, as the list has it
 * @param clusters the located cases in the area, grouped, largest first
 * @param cases the cases of the clusters of one case, by slug
 */
public record MapResults(long total, long located, List<FacetValue> countries, List<MapCluster> clusters,
		Map<String, InnovationHit> cases) {

}
