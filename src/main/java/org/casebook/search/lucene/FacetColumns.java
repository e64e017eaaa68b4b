package org.casebook.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.FixedBitSet;
import org.casebook.search.Facet;
import org.casebook.search.SearchQueryParser;

/**
 * The facet values and the year of launch of every document of a segment, as plain
 * arrays: read from the doc values once per segment and kept while the segment lives.
 * Counting facets reads a few values of every match, many times per second; decoding doc
 * values for each was most of that work, an array lookup is almost none. A million cases
 * (920,000 published) take 124 MB.
 */
final class FacetColumns {

	/** The first year of launch counted: slot 1 of a count of years. */
	static final int FIRST_YEAR = SearchQueryParser.MIN_YEAR;

	/** Slots of a count of years: documents without a year (slot 0), then each year. */
	static final int YEAR_SLOTS = SearchQueryParser.MAX_YEAR - FIRST_YEAR + 2;

	private final Map<IndexReader.CacheKey, Segment> segments = new ConcurrentHashMap<>();

	/** The columns of a segment, read now or remembered. */
	Segment of(LeafReader reader) {
		IndexReader.CacheHelper core = reader.getCoreCacheHelper();
		if (core == null) {
			return Segment.read(reader);
		}
		return this.segments.computeIfAbsent(core.getKey(), (key) -> {
			core.addClosedListener(this.segments::remove);
			return Segment.read(reader);
		});
	}

	/** Whether the columns of a segment are read already. */
	boolean holds(LeafReader reader) {
		IndexReader.CacheHelper core = reader.getCoreCacheHelper();
		return core != null && this.segments.containsKey(core.getKey());
	}

	/** How many segments' columns are held. */
	int size() {
		return this.segments.size();
	}

	/** Every facet's column and the years of launch of one segment. */
	static final class Segment {

		private final Map<Facet, Column> columns;

		private final int[] yearSlots;

		private Segment(Map<Facet, Column> columns, int[] yearSlots) {
			this.columns = columns;
			this.yearSlots = yearSlots;
		}

		static Segment read(LeafReader reader) {
			try {
				Map<Facet, Column> columns = new EnumMap<>(Facet.class);
				for (Facet facet : Facet.values()) {
					columns.put(facet, Column.read(reader, facet.field()));
				}
				return new Segment(columns, yearSlots(reader));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not read the facet values of " + reader, ex);
			}
		}

		Column column(Facet facet) {
			return this.columns.get(facet);
		}

		/**
		 * Counts the years of launch of the first {@code n} documents of {@code docs}, in
		 * {@link #YEAR_SLOTS} slots.
		 */
		void countYears(int[] docs, int n, long[] counts) {
			for (int d = 0; d < n; d++) {
				counts[this.yearSlots[docs[d]]]++;
			}
		}

		/**
		 * Counts the years of launch of every document in {@code matches}, in one scan.
		 */
		void countYears(FixedBitSet matches, long[] counts) {
			long[] bits = matches.getBits();
			for (int doc = 0; doc < this.yearSlots.length; doc++) {
				counts[this.yearSlots[doc]] += (bits[doc >>> 6] >>> doc) & 1L;
			}
		}

		/** Each document's slot in a count of years. */
		private static int[] yearSlots(LeafReader reader) throws IOException {
			int[] slots = new int[reader.maxDoc()];
			SortedNumericDocValues values = DocValues.getSortedNumeric(reader, FacetCounter.YEAR_FIELD);
			NumericDocValues single = DocValues.unwrapSingleton(values);
			DocIdSetIterator docs = (single != null) ? single : values;
			for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
				long year = (single != null) ? single.longValue() : values.nextValue();
				slots[doc] = (year >= FIRST_YEAR && year < FIRST_YEAR + YEAR_SLOTS - 1) ? (int) (year - FIRST_YEAR + 1)
						: 0;
			}
			return slots;
		}

	}

	/**
	 * The values of one facet in one segment, as (document, ordinal) pairs in document
	 * order, with where each document's pairs start; and the value of each ordinal.
	 */
	static final class Column {

		private final String[] values;

		private final int[] starts;

		private final int[] docs;

		private final int[] ords;

		private Column(String[] values, int[] starts, int[] docs, int[] ords) {
			this.values = values;
			this.starts = starts;
			this.docs = docs;
			this.ords = ords;
		}

		static Column read(LeafReader reader, String field) throws IOException {
			SortedSetDocValues docValues = DocValues.getSortedSet(reader, field);
			String[] values = new String[(int) docValues.getValueCount()];
			for (int ord = 0; ord < values.length; ord++) {
				values[ord] = docValues.lookupOrd(ord).utf8ToString();
			}
			int maxDoc = reader.maxDoc();
			int[] starts = new int[maxDoc + 1];
			int[] docs = new int[Math.max(16, maxDoc)];
			int[] ords = new int[docs.length];
			int count = 0;
			int next = 0;
			for (int doc = docValues.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docValues.nextDoc()) {
				while (next <= doc) {
					starts[next++] = count;
				}
				int valueCount = docValues.docValueCount();
				if (count + valueCount > docs.length) {
					docs = ArrayUtil.grow(docs, count + valueCount);
					ords = ArrayUtil.growExact(ords, docs.length);
				}
				for (int i = 0; i < valueCount; i++) {
					docs[count] = doc;
					ords[count++] = (int) docValues.nextOrd();
				}
			}
			while (next <= maxDoc) {
				starts[next++] = count;
			}
			return new Column(values, starts, ArrayUtil.copyOfSubArray(docs, 0, count),
					ArrayUtil.copyOfSubArray(ords, 0, count));
		}

		/** How many distinct values the segment has. */
		int valueCount() {
			return this.values.length;
		}

		String value(int ord) {
			return this.values[ord];
		}

		/**
		 * Adds one to the count of each value of the first {@code n} documents of
		 * {@code docs}.
		 */
		void count(int[] docs, int n, int[] counts) {
			for (int d = 0; d < n; d++) {
				int doc = docs[d];
				for (int i = this.starts[doc], end = this.starts[doc + 1]; i < end; i++) {
					counts[this.ords[i]]++;
				}
			}
		}

		/**
		 * Adds the values of every document in {@code matches} to the counts, in one scan
		 * of the column without a branch: several times faster than document by document
		 * when many documents match.
		 */
		void countAll(FixedBitSet matches, int[] counts) {
			long[] bits = matches.getBits();
			for (int i = 0; i < this.docs.length; i++) {
				int doc = this.docs[i];
				counts[this.ords[i]] += (int) ((bits[doc >>> 6] >>> doc) & 1L);
			}
		}

	}

}
