package org.casebook.search.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.geo.GeoEncodingUtils;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.casebook.search.MapArea;
import org.casebook.search.MapCluster;

/**
 * Groups the matching cases that have a location into the cells of a map area: one pass
 * over the matches inside the area, reading each point from the index's doc values
 * ({@link LatLonDocValuesField}) into arrays indexed by cell. A cell becomes a cluster at
 * the mean of its points, with their bounds; a cell of one case names it by its slug.
 */
final class GridClusters extends SimpleCollector {

	/** The indexed location of a case (a {@code GeoPoint} field). */
	static final String POINT_FIELD = "location.point";

	private static final String SLUG_FIELD = "slug";

	private final MapArea area;

	private final int columns;

	private final int firstColumn;

	private final int firstRow;

	private final long cellsPerSide;

	private final int[] counts;

	private final double[] latitudes;

	private final double[] longitudes;

	private final double[] south;

	private final double[] north;

	private final double[] west;

	private final double[] east;

	/** A case of each cell, for the cells of one case: its slug. */
	private final String[] slugs;

	private SortedNumericDocValues points;

	private SortedSetDocValues slugValues;

	private GridClusters(MapArea area) {
		this.area = area;
		this.columns = area.columns();
		this.firstColumn = area.firstColumn();
		this.firstRow = area.firstRow();
		this.cellsPerSide = area.cellsPerSide();
		int cells = (int) area.cellCount();
		this.counts = new int[cells];
		this.latitudes = new double[cells];
		this.longitudes = new double[cells];
		this.south = new double[cells];
		this.north = new double[cells];
		this.west = new double[cells];
		this.east = new double[cells];
		this.slugs = new String[cells];
	}

	/**
	 * The clusters of the cases matching a query inside the area, largest first.
	 */
	static List<MapCluster> of(IndexSearcher searcher, Query matching, MapArea area) throws IOException {
		GridClusters grid = new GridClusters(area);
		Query inArea = new BooleanQuery.Builder().add(matching, Occur.MUST).add(inArea(area), Occur.FILTER).build();
		searcher.search(inArea, grid);
		return grid.clusters();
	}

	/** The located cases inside an area. */
	static Query inArea(MapArea area) {
		return LatLonPoint.newBoxQuery(POINT_FIELD, area.south(), area.north(), area.west(), area.east());
	}

	@Override
	public ScoreMode scoreMode() {
		return ScoreMode.COMPLETE_NO_SCORES;
	}

	@Override
	protected void doSetNextReader(LeafReaderContext context) throws IOException {
		this.points = DocValues.getSortedNumeric(context.reader(), POINT_FIELD);
		this.slugValues = DocValues.getSortedSet(context.reader(), SLUG_FIELD);
	}

	@Override
	public void collect(int doc) throws IOException {
		if (!this.points.advanceExact(doc)) {
			return;
		}
		long encoded = this.points.nextValue();
		double latitude = GeoEncodingUtils.decodeLatitude((int) (encoded >>> 32));
		double longitude = GeoEncodingUtils.decodeLongitude((int) encoded);
		int column = (int) Math.floorMod(this.area.column(longitude) - this.firstColumn, this.cellsPerSide);
		int row = this.area.row(latitude) - this.firstRow;
		if (column >= this.columns || row < 0 || row * this.columns >= this.counts.length) {
			// On the very edge of the box, where the query's rounding and the grid's
			// differ.
			return;
		}
		int cell = row * this.columns + column;
		int count = ++this.counts[cell];
		this.latitudes[cell] += latitude;
		this.longitudes[cell] += longitude;
		if (count == 1) {
			this.south[cell] = latitude;
			this.north[cell] = latitude;
			this.west[cell] = longitude;
			this.east[cell] = longitude;
			this.slugs[cell] = this.slugValues.advanceExact(doc)
					? this.slugValues.lookupOrd(this.slugValues.nextOrd()).utf8ToString() : null;
		}
		else {
			this.south[cell] = Math.min(this.south[cell], latitude);
			this.north[cell] = Math.max(this.north[cell], latitude);
			this.west[cell] = Math.min(this.west[cell], longitude);
			this.east[cell] = Math.max(this.east[cell], longitude);
		}
	}

	private List<MapCluster> clusters() {
		List<MapCluster> clusters = new ArrayList<>();
		for (int cell = 0; cell < this.counts.length; cell++) {
			int count = this.counts[cell];
			if (count > 0) {
				clusters.add(new MapCluster(this.latitudes[cell] / count, this.longitudes[cell] / count, count,
						(count == 1) ? this.slugs[cell] : null, this.south[cell], this.west[cell], this.north[cell],
						this.east[cell]));
			}
		}
		clusters.sort((a, b) -> Integer.compare(b.count(), a.count()));
		return clusters;
	}

	/**
	 * Cases close together on the map at its zoom.
	 *
	 * @param latitude the mean latitude of its cases
	 * @param longitude the mean longitude of its cases
	 * @param count how many cases
	 * @param slug the case, when there is only one
	 * @param south the southern bound of its cases (and so on)
	 */
	record Cluster(double latitude, double longitude, int count, String slug, double south, double west, double north,
			double east) {

		/**
		 * Whether all its cases are at the same spot: zooming in cannot separate them.
		 */
		boolean sameSpot() {
			return this.south == this.north && this.west == this.east;
		}

	}

}
