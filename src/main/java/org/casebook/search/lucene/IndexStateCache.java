package org.casebook.search.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;

/**
 * Remembers recent answers for as long as the index does not change: the least recently
 * used go first, and everything goes as soon as a commit changes the index's segments or
 * deletions. So a published, edited or deleted case shows at once, while the same counts,
 * matches and pages, asked for again and again (the front page, a popular filter, the
 * pages of one search), are worked out once.
 *
 * @param <K> what an answer is for
 * @param <V> the answer
 */
final class IndexStateCache<K, V> {

	private final int capacity;

	private final Map<K, V> entries;

	private final AtomicLong hits = new AtomicLong();

	private final AtomicLong misses = new AtomicLong();

	private List<Object> indexState = List.of();

	IndexStateCache(int capacity) {
		this.capacity = capacity;
		this.entries = new LinkedHashMap<>(capacity, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
				return size() > IndexStateCache.this.capacity;
			}

		};
	}

	/** The answer for this key on this reader, worked out now or remembered. */
	V get(IndexReader reader, K key, Loader<V> loader) throws IOException {
		List<Object> state = stateOf(reader);
		if (state == null) {
			return loader.load();
		}
		synchronized (this) {
			if (!state.equals(this.indexState)) {
				this.entries.clear();
				this.indexState = state;
			}
			V value = this.entries.get(key);
			if (value != null) {
				this.hits.incrementAndGet();
				return value;
			}
		}
		this.misses.incrementAndGet();
		V value = loader.load();
		synchronized (this) {
			if (state.equals(this.indexState)) {
				this.entries.put(key, value);
			}
		}
		return value;
	}

	/** The share of answers that were remembered, from 0 to 1. */
	double hitRatio() {
		long hits = this.hits.get();
		long all = hits + this.misses.get();
		return (all > 0) ? (double) hits / all : 0;
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

	/**
	 * Works out an answer.
	 *
	 * @param <V> the answer
	 */
	@FunctionalInterface
	interface Loader<V> {

		V load() throws IOException;

	}

}
