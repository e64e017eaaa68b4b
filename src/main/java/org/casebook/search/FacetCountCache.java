package org.casebook.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Query;

/**
 * Remembers recent facet counts for as long as the index does not change. Counting is the
 * costly part of a search when matches are many, and the same counts are asked for again
 * and again: the front page, a popular filter, every page of one search.
 */
final class FacetCountCache {

	private final int capacity;

	private final Map<Key, FacetCounter.Counts> entries;

	private List<Object> indexState = List.of();

	FacetCountCache(int capacity) {
		this.capacity = capacity;
		this.entries = new LinkedHashMap<>(capacity, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<Key, FacetCounter.Counts> eldest) {
				return size() > FacetCountCache.this.capacity;
			}

		};
	}

	/** The counts for this query on this reader, counted now or remembered. */
	FacetCounter.Counts get(IndexReader reader, Key key, Counting counting) throws IOException {
		List<Object> state = stateOf(reader);
		if (state == null) {
			return counting.count();
		}
		synchronized (this) {
			if (!state.equals(this.indexState)) {
				this.entries.clear();
				this.indexState = state;
			}
			FacetCounter.Counts counts = this.entries.get(key);
			if (counts != null) {
				return counts;
			}
		}
		FacetCounter.Counts counts = counting.count();
		synchronized (this) {
			if (state.equals(this.indexState)) {
				this.entries.put(key, counts);
			}
		}
		return counts;
	}

	/** What identifies the index's content: its segments and their deletions, or null. */
	private static List<Object> stateOf(IndexReader reader) {
		List<Object> state = new ArrayList<>();
		for (LeafReaderContext leaf : reader.leaves()) {
			IndexReader.CacheHelper helper = leaf.reader().getReaderCacheHelper();
			if (helper == null) {
				return null;
			}
			state.add(helper.getKey());
		}
		return state;
	}

	/** What is counted: matches of a query, values of some fields, years or not. */
	record Key(Query query, List<String> fields, boolean years) {
	}

	@FunctionalInterface
	interface Counting {

		FacetCounter.Counts count() throws IOException;

	}

}
