package org.casebook.search;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Searches as users make them, at random, over the values the cases use. */
public final class RandomSearches {

	private RandomSearches() {
	}

	/**
	 * A search of zero to three facets, keywords or not, years or not, demo cases or not,
	 * in any order.
	 */
	public static SearchQuery query(Random random, Map<Facet, List<String>> used) {
		String text = (random.nextInt(3) == 0)
				? FacetCountsTests.WORDS.get(random.nextInt(FacetCountsTests.WORDS.size())) : "";
		Map<Facet, Set<String>> filters = new EnumMap<>(Facet.class);
		int facetCount = random.nextInt(4);
		List<Facet> facets = new ArrayList<>(List.of(Facet.values()));
		for (int f = 0; f < facetCount; f++) {
			Facet facet = facets.remove(random.nextInt(facets.size()));
			List<String> values = used.get(facet);
			Set<String> keys = new LinkedHashSet<>();
			int valueCount = 1 + random.nextInt(2);
			for (int v = 0; v < valueCount; v++) {
				// Common values more often, as users pick them; rare ones too.
				int index = (int) Math.min(values.size() - 1, Math.abs(random.nextGaussian()) * values.size() / 3);
				keys.add(values.get(index));
			}
			filters.put(facet, keys);
		}
		Integer from = null;
		Integer to = null;
		if (random.nextInt(3) == 0) {
			from = 1990 + random.nextInt(30);
			to = (random.nextBoolean()) ? from + random.nextInt(15) : null;
		}
		SearchSort sort = SearchSort.values()[random.nextInt(SearchSort.values().length)];
		boolean hideDemo = random.nextInt(4) == 0;
		return new SearchQuery(text, filters, from, to, sort, 1, 20, hideDemo);
	}

	/** Values in use, most common first. */
	public static Map<Facet, List<String>> usedValues(NamedParameterJdbcTemplate jdbc) {
		Map<Facet, List<String>> used = new EnumMap<>(Facet.class);
		for (Facet facet : Facet.values()) {
			used.put(facet, jdbc.queryForList("SELECT key FROM (" + FacetCountsTests.TERM_SQL.get(facet)
					+ ") t GROUP BY key ORDER BY count(*) DESC, key", Map.of(), String.class));
		}
		return used;
	}

}
