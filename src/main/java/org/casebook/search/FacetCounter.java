package org.casebook.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Counts, for the documents matching a query, how many have each value of some keyword
 * fields and each year of launch. One pass over the matches, counting into arrays indexed
 * by each segment's ordinals: much cheaper than a generic aggregation when the matches
 * are many.
 */
final class FacetCounter extends SimpleCollector {

	static final String YEAR_FIELD = "launchYear";

	private static final int FIRST_YEAR = SearchQueryParser.MIN_YEAR;

	private final List<String> fields;

	private final boolean countYears;

	private final List<Map<String, Long>> totals;

	private final long[] years = new long[SearchQueryParser.MAX_YEAR - FIRST_YEAR + 1];

	private SortedSetDocValues[] values;

	private int[][] counts;

	private SortedNumericDocValues yearValues;

	private long matches;

	private FacetCounter(List<String> fields, boolean countYears) {
		this.fields = fields;
		this.countYears = countYears;
		this.totals = fields.stream().map((field) -> (Map<String, Long>) new HashMap<String, Long>()).toList();
	}

	/**
	 * @param fields the keyword fields to count the values of
	 * @param countYears whether to count the years of launch too
	 */
	static Counts count(IndexSearcher searcher, Query query, List<String> fields, boolean countYears)
			throws IOException {
		FacetCounter counter = new FacetCounter(fields, countYears);
		searcher.search(query, counter);
		counter.foldLeaf();
		Map<String, Map<String, Long>> byField = new HashMap<>();
		for (int i = 0; i < fields.size(); i++) {
			byField.put(fields.get(i), counter.totals.get(i));
		}
		Map<Integer, Long> years = new HashMap<>();
		for (int i = 0; i < counter.years.length; i++) {
			if (counter.years[i] > 0) {
				years.put(FIRST_YEAR + i, counter.years[i]);
			}
		}
		return new Counts(counter.matches, byField, years);
	}

	@Override
	public ScoreMode scoreMode() {
		return ScoreMode.COMPLETE_NO_SCORES;
	}

	@Override
	protected void doSetNextReader(LeafReaderContext context) throws IOException {
		foldLeaf();
		this.values = new SortedSetDocValues[this.fields.size()];
		this.counts = new int[this.fields.size()][];
		for (int i = 0; i < this.fields.size(); i++) {
			this.values[i] = DocValues.getSortedSet(context.reader(), this.fields.get(i));
			this.counts[i] = new int[(int) this.values[i].getValueCount()];
		}
		this.yearValues = this.countYears ? DocValues.getSortedNumeric(context.reader(), YEAR_FIELD) : null;
	}

	@Override
	public void collect(int doc) throws IOException {
		this.matches++;
		for (int i = 0; i < this.values.length; i++) {
			SortedSetDocValues docValues = this.values[i];
			if (docValues.advanceExact(doc)) {
				int[] fieldCounts = this.counts[i];
				for (int n = docValues.docValueCount(); n > 0; n--) {
					fieldCounts[(int) docValues.nextOrd()]++;
				}
			}
		}
		if (this.yearValues != null && this.yearValues.advanceExact(doc)) {
			this.years[(int) this.yearValues.nextValue() - FIRST_YEAR]++;
		}
	}

	/** Adds the counts of the segment just searched to the totals, by value. */
	private void foldLeaf() throws IOException {
		if (this.values == null) {
			return;
		}
		for (int i = 0; i < this.values.length; i++) {
			int[] fieldCounts = this.counts[i];
			Map<String, Long> total = this.totals.get(i);
			for (int ord = 0; ord < fieldCounts.length; ord++) {
				if (fieldCounts[ord] > 0) {
					total.merge(this.values[i].lookupOrd(ord).utf8ToString(), (long) fieldCounts[ord], Long::sum);
				}
			}
		}
		this.values = null;
	}

	/**
	 * What was counted.
	 *
	 * @param matches how many documents match
	 * @param values per field, per value, how many matches have it
	 * @param years per year of launch, how many matches have it
	 */
	record Counts(long matches, Map<String, Map<String, Long>> values, Map<Integer, Long> years) {
	}

}
