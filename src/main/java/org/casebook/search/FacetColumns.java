package org.casebook.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.ArrayUtil;

/**
 * The facet values and the year of launch of every document of a segment, as plain
 * arrays: read from the doc values once per segment and kept while the segment lives.
 * Counting facets reads a few values of every match, many times per second; decoding doc
 * values for each was most of that work, an array lookup is almost none. A million cases
 * take about 50 MB.
 */
final class FacetColumns {

	/** A document without a year of launch. */
	static final int NO_YEAR = Integer.MIN_VALUE;

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

	/** How many segments are held, for tests. */
	int size() {
		return this.segments.size();
	}

	/** Every facet's column and the years of one segment. */
	static final class Segment {

		private final Map<Facet, Column> columns;

		private final int[] years;

		private Segment(Map<Facet, Column> columns, int[] years) {
			this.columns = columns;
			this.years = years;
		}

		static Segment read(LeafReader reader) {
			try {
				Map<Facet, Column> columns = new EnumMap<>(Facet.class);
				for (Facet facet : Facet.values()) {
					columns.put(facet, Column.read(reader, facet.field()));
				}
				return new Segment(columns, years(reader));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not read the facet values of " + reader, ex);
			}
		}

		Column column(Facet facet) {
			return this.columns.get(facet);
		}

		/** The year of launch of a document, or {@link #NO_YEAR}. */
		int year(int doc) {
			return this.years[doc];
		}

		private static int[] years(LeafReader reader) throws IOException {
			int[] years = new int[reader.maxDoc()];
			Arrays.fill(years, NO_YEAR);
			SortedNumericDocValues values = DocValues.getSortedNumeric(reader, FacetCounter.YEAR_FIELD);
			NumericDocValues single = DocValues.unwrapSingleton(values);
			DocIdSetIterator docs = (single != null) ? single : values;
			for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
				years[doc] = (int) ((single != null) ? single.longValue() : values.nextValue());
			}
			return years;
		}

	}

	/**
	 * The values of one facet in one segment: each document's ordinals, and the value of
	 * each ordinal. A facet with at most one value per document keeps one ordinal per
	 * document (-1 for none); others keep where each document's ordinals start.
	 */
	static final class Column {

		private final String[] values;

		private final int[] starts;

		private final int[] ords;

		private Column(String[] values, int[] starts, int[] ords) {
			this.values = values;
			this.starts = starts;
			this.ords = ords;
		}

		static Column read(LeafReader reader, String field) throws IOException {
			SortedSetDocValues docValues = DocValues.getSortedSet(reader, field);
			String[] values = new String[(int) docValues.getValueCount()];
			for (int ord = 0; ord < values.length; ord++) {
				values[ord] = docValues.lookupOrd(ord).utf8ToString();
			}
			int maxDoc = reader.maxDoc();
			SortedDocValues single = DocValues.unwrapSingleton(docValues);
			if (single != null) {
				int[] ords = new int[maxDoc];
				Arrays.fill(ords, -1);
				for (int doc = single.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = single.nextDoc()) {
					ords[doc] = single.ordValue();
				}
				return new Column(values, null, ords);
			}
			int[] starts = new int[maxDoc + 1];
			int[] ords = new int[Math.max(16, maxDoc)];
			int count = 0;
			int next = 0;
			for (int doc = docValues.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docValues.nextDoc()) {
				while (next <= doc) {
					starts[next++] = count;
				}
				int valueCount = docValues.docValueCount();
				ords = ArrayUtil.grow(ords, count + valueCount);
				for (int i = 0; i < valueCount; i++) {
					ords[count++] = (int) docValues.nextOrd();
				}
			}
			while (next <= maxDoc) {
				starts[next++] = count;
			}
			return new Column(values, starts, ArrayUtil.copyOfSubArray(ords, 0, count));
		}

		/** How many distinct values the segment has. */
		int valueCount() {
			return this.values.length;
		}

		String value(int ord) {
			return this.values[ord];
		}

		/** Adds one to the count of each of a document's values. */
		void count(int doc, int[] counts) {
			if (this.starts == null) {
				int ord = this.ords[doc];
				if (ord >= 0) {
					counts[ord]++;
				}
				return;
			}
			for (int i = this.starts[doc], end = this.starts[doc + 1]; i < end; i++) {
				counts[this.ords[i]]++;
			}
		}

	}

}
