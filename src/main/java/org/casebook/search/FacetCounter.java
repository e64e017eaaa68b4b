package org.casebook.search;

import java.io.IOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Counts, for the documents matching a query, how many have each value of some facets and
 * each year of launch. One pass over the matches, reading each match's values from
 * {@link FacetColumns} and counting into arrays by each segment's ordinals, turned into
 * values once per segment.
 */
final class FacetCounter extends SimpleCollector {

	static final String YEAR_FIELD = "launchYear";

	private static final int FIRST_YEAR = SearchQueryParser.MIN_YEAR;

	private final FacetColumns columns;

	private final List<Facet> facets;

	private final boolean countYears;

	private final Map<Facet, Map<String, Long>> totals = new EnumMap<>(Facet.class);

	private final long[] years = new long[SearchQueryParser.MAX_YEAR - FIRST_YEAR + 1];

	private long matches;

	// The segment being counted: its columns and a count per ordinal of each facet.

	private FacetColumns.Segment segment;

	private FacetColumns.Column[] segmentColumns;

	private int[][] counts;

	private FacetCounter(FacetColumns columns, List<Facet> facets, boolean countYears) {
		this.columns = columns;
		this.facets = facets;
		this.countYears = countYears;
		facets.forEach((facet) -> this.totals.put(facet, new HashMap<>()));
	}

	/**
	 * @param facets the facets to count the values of
	 * @param countYears whether to count the years of launch too
	 */
	static Counts count(IndexSearcher searcher, FacetColumns columns, Query query, List<Facet> facets,
			boolean countYears) throws IOException {
		FacetCounter counter = new FacetCounter(columns, facets, countYears);
		searcher.search(query, counter);
		counter.foldSegment();
		Map<Integer, Long> years = new HashMap<>();
		for (int i = 0; i < counter.years.length; i++) {
			if (counter.years[i] > 0) {
				years.put(FIRST_YEAR + i, counter.years[i]);
			}
		}
		return new Counts(counter.matches, counter.totals, years);
	}

	@Override
	public ScoreMode scoreMode() {
		return ScoreMode.COMPLETE_NO_SCORES;
	}

	@Override
	protected void doSetNextReader(LeafReaderContext context) {
		foldSegment();
		this.segment = this.columns.of(context.reader());
		this.segmentColumns = new FacetColumns.Column[this.facets.size()];
		this.counts = new int[this.facets.size()][];
		for (int i = 0; i < this.segmentColumns.length; i++) {
			this.segmentColumns[i] = this.segment.column(this.facets.get(i));
			this.counts[i] = new int[this.segmentColumns[i].valueCount()];
		}
	}

	@Override
	public void collect(int doc) {
		this.matches++;
		for (int i = 0; i < this.segmentColumns.length; i++) {
			this.segmentColumns[i].count(doc, this.counts[i]);
		}
		if (this.countYears) {
			int year = this.segment.year(doc);
			if (year >= FIRST_YEAR && year - FIRST_YEAR < this.years.length) {
				this.years[year - FIRST_YEAR]++;
			}
		}
	}

	/** Adds the counts of the segment just searched to the totals, by value. */
	private void foldSegment() {
		if (this.segmentColumns == null) {
			return;
		}
		for (int i = 0; i < this.segmentColumns.length; i++) {
			Map<String, Long> total = this.totals.get(this.facets.get(i));
			int[] segmentCounts = this.counts[i];
			for (int ord = 0; ord < segmentCounts.length; ord++) {
				if (segmentCounts[ord] > 0) {
					total.merge(this.segmentColumns[i].value(ord), (long) segmentCounts[ord], Long::sum);
				}
			}
		}
		this.segmentColumns = null;
	}

	/**
	 * What was counted.
	 *
	 * @param matches how many documents match
	 * @param values per facet, per value, how many matches have it
	 * @param years per year of launch, how many matches have it
	 */
	record Counts(long matches, Map<Facet, Map<String, Long>> values, Map<Integer, Long> years) {
	}

}
