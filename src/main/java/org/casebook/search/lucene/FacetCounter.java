package org.casebook.search.lucene;

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
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.FixedBitSet;
import org.casebook.search.Facet;

/**
 * Counts, for the documents matching a query, how many have each value of some facets and
 * each year of launch. The matches of each segment are gathered, then counted on
 * {@link FacetColumns}: when many match, as bits, by one branch-free scan of each column;
 * when few do, match by match. Counts go into arrays by the segment's ordinals, turned
 * into values once per segment.
 */
final class FacetCounter extends SimpleCollector {

	static final String YEAR_FIELD = "launchYear";

	/**
	 * Scanning a column costs about a tenth of counting one match's values: scan when
	 * more than this share of a segment's documents match.
	 */
	private static final int SCAN_WHEN_ONE_IN = 8;

	private final FacetColumns columns;

	private final List<Facet> facets;

	private final boolean countYears;

	private final Map<Facet, Map<String, Long>> totals = new EnumMap<>(Facet.class);

	private final long[] years = new long[FacetColumns.YEAR_SLOTS];

	private long matches;

	// The segment being searched and its matches: in a list while few, as bits when many.

	private FacetColumns.Segment segment;

	private int segmentMaxDoc;

	private FixedBitSet segmentMatches;

	private int segmentMatchCount;

	/** The matches of the segment in order, while few enough to be counted one by one. */
	private int[] segmentDocs = new int[64];

	/** From how many matches the segment's columns are scanned instead. */
	private int scanFrom;

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
		counter.countSegment();
		Map<Integer, Long> years = new HashMap<>();
		for (int slot = 1; slot < counter.years.length; slot++) {
			if (counter.years[slot] > 0) {
				years.put(FacetColumns.FIRST_YEAR + slot - 1, counter.years[slot]);
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
		countSegment();
		this.segment = this.columns.of(context.reader());
		this.segmentMaxDoc = context.reader().maxDoc();
		this.segmentMatches = null;
		this.segmentMatchCount = 0;
		this.scanFrom = this.segmentMaxDoc / SCAN_WHEN_ONE_IN;
	}

	@Override
	public void collect(int doc) {
		if (this.segmentMatches != null) {
			this.segmentMatches.set(doc);
		}
		else if (this.segmentMatchCount < this.scanFrom) {
			this.segmentDocs = ArrayUtil.grow(this.segmentDocs, this.segmentMatchCount + 1);
			this.segmentDocs[this.segmentMatchCount] = doc;
		}
		else {
			// Many match: from now on as bits, for a scan.
			this.segmentMatches = new FixedBitSet(this.segmentMaxDoc);
			for (int i = 0; i < this.segmentMatchCount; i++) {
				this.segmentMatches.set(this.segmentDocs[i]);
			}
			this.segmentMatches.set(doc);
		}
		this.segmentMatchCount++;
	}

	/** Counts the matches of the segment just searched and adds them to the totals. */
	private void countSegment() {
		if (this.segment == null) {
			return;
		}
		this.matches += this.segmentMatchCount;
		boolean scan = this.segmentMatches != null;
		for (Facet facet : this.facets) {
			FacetColumns.Column column = this.segment.column(facet);
			int[] counts = new int[column.valueCount()];
			if (scan) {
				column.countAll(this.segmentMatches, counts);
			}
			else {
				column.count(this.segmentDocs, this.segmentMatchCount, counts);
			}
			Map<String, Long> total = this.totals.get(facet);
			for (int ord = 0; ord < counts.length; ord++) {
				if (counts[ord] > 0) {
					total.merge(column.value(ord), (long) counts[ord], Long::sum);
				}
			}
		}
		if (this.countYears) {
			if (scan) {
				this.segment.countYears(this.segmentMatches, this.years);
			}
			else {
				this.segment.countYears(this.segmentDocs, this.segmentMatchCount, this.years);
			}
		}
		this.segment = null;
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
