package org.casebook.innovation;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Where a case happened, when a precise place is known. A case known only by its country
 * has no location and is shown through its country.
 */
@Embeddable
public class Location {

	@Column(name = "location_name")
	private String name;

	private Double latitude;

	private Double longitude;

	protected Location() {
	}

	public Location(String name, double latitude, double longitude) {
		if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180) {
			throw new IllegalArgumentException("Not a point on Earth: " + latitude + ", " + longitude);
		}
		this.name = name;
		this.latitude = latitude;
		this.longitude = longitude;
	}

	public String getName() {
		return this.name;
	}

	public Double getLatitude() {
		return this.latitude;
	}

	public Double getLongitude() {
		return this.longitude;
	}

}
