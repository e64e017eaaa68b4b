package org.casebook.search;

/**
 * Where a case is, in degrees (WGS 84).
 *
 * @param latitude from -90 to 90
 * @param longitude from -180 to 180
 */
public record Coordinates(double latitude, double longitude) {

}
