package org.casebook.taxonomy;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A country of ISO 3166-1 (its key is the lower-case alpha-2 code) or a grouping such as
 * the European Union, with a representative point for the map.
 */
@Entity
@Table(name = "country")
@AttributeOverride(name = "key", column = @Column(name = "code"))
@AttributeOverride(name = "label", column = @Column(name = "name"))
public class Country extends TaxonomyTerm {

	private String isoNumeric;

	private double latitude;

	private double longitude;

	@Column(name = "area_km2")
	private double areaKm2;

	private boolean grouping;

	protected Country() {
	}

	public String getIsoNumeric() {
		return this.isoNumeric;
	}

	public double getLatitude() {
		return this.latitude;
	}

	public double getLongitude() {
		return this.longitude;
	}

	public double getAreaKm2() {
		return this.areaKm2;
	}

	public boolean isGrouping() {
		return this.grouping;
	}

}
