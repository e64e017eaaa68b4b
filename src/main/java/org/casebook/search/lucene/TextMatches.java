package org.casebook.search.lucene;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * The documents that match a keyword query, as one bit set per segment. Keywords are
 * matched in many fields with their typo and prefix variants: evaluating that is the
 * costly part of counting facets, and one search counts several times (once more per
 * facet with a selection), and the same keywords come back with other filters. So the
 * matches of recent keywords are remembered while the index does not change, and counting
 * walks their bits.
 */
final class TextMatches {

	private final IndexStateCache<Query, MatchSetQuery> cache;

	TextMatches(int capacity) {
		this.cache = new IndexStateCache<>(capacity);
	}

	/**
	 * A query matching exactly what the keyword query matches, from remembered bits: for
	 * counting, not for scoring (every match scores the same).
	 */
	Query of(IndexSearcher searcher, Query text) throws IOException {
		return this.cache.get(searcher.getIndexReader(), text, () -> MatchSetQuery.of(searcher, text));
	}

	/**
	 * The documents of a query's matches, one bit set per segment. A segment the bits
	 * were not taken from (the index changed since, and a search may read a newer state
	 * of it) is matched by the query itself.
	 */
	static final class MatchSetQuery extends Query {

		private final Query query;

		private final Map<IndexReader.CacheKey, Matches> segments;

		private MatchSetQuery(Query query, Map<IndexReader.CacheKey, Matches> segments) {
			this.query = query;
			this.segments = segments;
		}

		static MatchSetQuery of(IndexSearcher searcher, Query query) throws IOException {
			List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
			FixedBitSet[] bits = new FixedBitSet[leaves.size()];
			for (LeafReaderContext leaf : leaves) {
				bits[leaf.ord] = new FixedBitSet(leaf.reader().maxDoc());
			}
			searcher.search(query, new SimpleCollector() {

				private FixedBitSet leafBits;

				@Override
				protected void doSetNextReader(LeafReaderContext context) {
					this.leafBits = bits[context.ord];
				}

				@Override
				public void collect(int doc) {
					this.leafBits.set(doc);
				}

				@Override
				public ScoreMode scoreMode() {
					return ScoreMode.COMPLETE_NO_SCORES;
				}

			});
			Map<IndexReader.CacheKey, Matches> segments = new HashMap<>();
			for (LeafReaderContext leaf : leaves) {
				IndexReader.CacheHelper helper = leaf.reader().getReaderCacheHelper();
				if (helper != null) {
					segments.put(helper.getKey(), new Matches(bits[leaf.ord], bits[leaf.ord].cardinality()));
				}
			}
			return new MatchSetQuery(query, segments);
		}

		@Override
		public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
			return new ConstantScoreWeight(this, boost) {

				private Weight ofQuery;

				@Override
				public Scorer scorer(LeafReaderContext context) throws IOException {
					IndexReader.CacheHelper helper = context.reader().getReaderCacheHelper();
					Matches matches = (helper != null) ? MatchSetQuery.this.segments.get(helper.getKey()) : null;
					if (matches != null) {
						return (matches.count() == 0) ? null : new ConstantScoreScorer(this, score(), scoreMode,
								new BitSetIterator(matches.bits(), matches.count()));
					}
					Scorer scorer = ofQuery(searcher).scorer(context);
					return (scorer != null) ? new ConstantScoreScorer(this, score(), scoreMode, scorer.iterator())
							: null;
				}

				private Weight ofQuery(IndexSearcher searcher) throws IOException {
					if (this.ofQuery == null) {
						this.ofQuery = searcher.createWeight(searcher.rewrite(MatchSetQuery.this.query),
								ScoreMode.COMPLETE_NO_SCORES, 1f);
					}
					return this.ofQuery;
				}

				@Override
				public boolean isCacheable(LeafReaderContext context) {
					// Already bits in memory: nothing to gain from Lucene's query cache.
					return false;
				}

			};
		}

		@Override
		public void visit(QueryVisitor visitor) {
			visitor.visitLeaf(this);
		}

		@Override
		public String toString(String field) {
			return "matches(" + this.query + ")";
		}

		@Override
		public boolean equals(Object other) {
			return this == other;
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(this);
		}

		/** A segment's matches and how many there are. */
		private record Matches(FixedBitSet bits, int count) {
		}

	}

}
