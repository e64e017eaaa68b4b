package org.casebook.innovation;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.bridge.builtin.annotation.GeoPointBinding;
import org.hibernate.search.mapper.pojo.bridge.builtin.annotation.Latitude;
import org.hibernate.search.mapper.pojo.bridge.builtin.annotation.Longitude;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;

/**
 * Where a case happened, when a precise place is known. A case known only by its country
 * has no location and is shown through its country.
 */
@Embeddable
@GeoPointBinding(fieldName = "point", projectable = Projectable.YES, sortable = Sortable.YES)
public class Location {

	@Column(name = "location_name")
	@KeywordField(projectable = Projectable.YES)
	private String name;

	@Latitude
	private Double latitude;

	@Longitude
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
