package org.casebook.search;

/**
 * Cases close together on the map at its zoom: the located matches of one cell of a
 * {@link MapArea}.
 *
 * @param latitude the mean latitude of its cases
 * @param longitude the mean longitude of its cases
 * @param count how many cases
 * @param slug the case, when there is only one
 * @param south the southern bound of its cases (and so on)
 */
public record MapCluster(double latitude, double longitude, int count, String slug, double south, double west,
		double north, double east) {

	/** Whether all its cases are at the same spot: zooming in cannot separate them. */
	public boolean sameSpot() {
		return this.south == this.north && this.west == this.east;
	}

}
