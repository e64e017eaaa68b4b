package org.casebook.taxonomy;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
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

	/** The countries of a grouping; none for a country. */
	@ManyToMany
	@JoinTable(name = "country_grouping_member", joinColumns = @JoinColumn(name = "grouping_code"),
			inverseJoinColumns = @JoinColumn(name = "member_code"))
	private Set<Country> members = new LinkedHashSet<>();

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

	/** The keys of a grouping's countries, in order. */
	public List<String> getMemberKeys() {
		return this.members.stream().map(Country::getKey).sorted(Comparator.naturalOrder()).toList();
	}

}
