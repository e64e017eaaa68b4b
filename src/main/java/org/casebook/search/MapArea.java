package org.casebook.search;

/**
 * The part of the world a map shows: its zoom level and bounding box. Points are grouped
 * into square cells of {@value #CELL_PIXELS} pixels of the Web Mercator projection at
 * that zoom, as the map draws it.
 *
 * @param zoom the zoom level, from 0 (the world in 256 pixels) to {@value #MAX_ZOOM}
 * @param west the western edge in degrees of longitude, from -180
 * @param south the southern edge in degrees of latitude
 * @param east the eastern edge; less than {@code west} when the box crosses the
 * antimeridian
 * @param north the northern edge
 */
public record MapArea(int zoom, double west, double south, double east, double north) {

	public static final int MAX_ZOOM = 18;

	static final int CELL_PIXELS = 64;

	/** More cells than a very large screen shows at once. */
	static final int MAX_CELLS = 20_000;

	private static final double MAX_MERCATOR_LATITUDE = 85.05112878;

	/** The whole world at zoom 0: every point in one request. */
	public static final MapArea WORLD = new MapArea(0, -180, -90, 180, 90);

	/**
	 * Reads {@code zoom} and {@code bbox} (west,south,east,north in degrees, as GeoJSON
	 * orders them), as the map sends them. Longitudes outside -180..180 (a map scrolled
	 * around the world) are brought back into it.
	 */
	public static MapArea parse(String zoomParameter, String bboxParameter) {
		int zoom = 0;
		if (zoomParameter != null && !zoomParameter.isBlank()) {
			try {
				zoom = Integer.parseInt(zoomParameter.strip());
			}
			catch (NumberFormatException ex) {
				throw new InvalidSearchException("map.invalid.zoom", zoomParameter, MAX_ZOOM);
			}
			if (zoom < 0 || zoom > MAX_ZOOM) {
				throw new InvalidSearchException("map.invalid.zoom", zoomParameter, MAX_ZOOM);
			}
		}
		if (bboxParameter == null || bboxParameter.isBlank()) {
			// The whole world at that zoom, under the same cap as any box: at zoom 13 it
			// would be a billion cells.
			MapArea world = new MapArea(zoom, WORLD.west, WORLD.south, WORLD.east, WORLD.north);
			if (world.cellCount() > MAX_CELLS) {
				throw new InvalidSearchException("map.invalid.worldTooLarge", zoom, MAX_CELLS, maxWorldZoom());
			}
			return world;
		}
		String[] parts = bboxParameter.split(",", -1);
		if (parts.length != 4) {
			throw new InvalidSearchException("map.invalid.bbox", bboxParameter);
		}
		double[] edges = new double[4];
		for (int i = 0; i < 4; i++) {
			try {
				edges[i] = Double.parseDouble(parts[i].strip());
			}
			catch (NumberFormatException ex) {
				throw new InvalidSearchException("map.invalid.bbox", bboxParameter);
			}
			if (!Double.isFinite(edges[i])) {
				throw new InvalidSearchException("map.invalid.bbox", bboxParameter);
			}
		}
		double west = edges[0];
		double south = Math.max(-90, edges[1]);
		double east = edges[2];
		double north = Math.min(90, edges[3]);
		if (south > north || west > east) {
			throw new InvalidSearchException("map.invalid.bbox", bboxParameter);
		}
		if (east - west >= 360) {
			west = -180;
			east = 180;
		}
		else {
			west = wrap(west);
			east = wrap(east);
		}
		return capped(new MapArea(zoom, west, south, east, north));
	}

	/** The highest zoom at which the whole world fits under the cap. */
	public static int maxWorldZoom() {
		int zoom = 0;
		while (zoom < MAX_ZOOM
				&& new MapArea(zoom + 1, WORLD.west, WORLD.south, WORLD.east, WORLD.north).cellCount() <= MAX_CELLS) {
			zoom++;
		}
		return zoom;
	}

	/** The area, if the clusters' arrays for it stay small; a 400 otherwise. */
	private static MapArea capped(MapArea area) {
		if (area.cellCount() > MAX_CELLS) {
			throw new InvalidSearchException("map.invalid.tooLarge", MAX_CELLS);
		}
		return area;
	}

	private static double wrap(double longitude) {
		if (longitude >= -180 && longitude <= 180) {
			return longitude;
		}
		double wrapped = ((longitude + 180) % 360 + 360) % 360 - 180;
		return (wrapped == -180 && longitude > 0) ? 180 : wrapped;
	}

	public boolean crossesAntimeridian() {
		return this.west > this.east;
	}

	/** Cells per side of the world at this zoom. */
	public long cellsPerSide() {
		return (256L << this.zoom) / CELL_PIXELS;
	}

	public int firstColumn() {
		return column(this.west);
	}

	public int firstRow() {
		return row(this.north);
	}

	/** Columns of cells the box covers, wrapping around the antimeridian. */
	public int columns() {
		long span = Math.floorMod(column(this.east) - column(this.west), cellsPerSide()) + 1;
		if (crossesAntimeridian() && span == 1) {
			span = cellsPerSide();
		}
		return (int) Math.min(span, cellsPerSide());
	}

	public int rows() {
		return row(this.south) - row(this.north) + 1;
	}

	public long cellCount() {
		return (long) columns() * rows();
	}

	public int column(double longitude) {
		long n = cellsPerSide();
		return (int) Math.min(n - 1, (long) Math.floor((longitude + 180) / 360 * n));
	}

	public int row(double latitude) {
		double clamped = Math.max(-MAX_MERCATOR_LATITUDE, Math.min(MAX_MERCATOR_LATITUDE, latitude));
		double sin = Math.sin(Math.toRadians(clamped));
		double y = 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
		long n = cellsPerSide();
		return (int) Math.max(0, Math.min(n - 1, (long) Math.floor(y * n)));
	}

}
