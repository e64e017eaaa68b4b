package org.casebook.taxonomy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The level of government at which an innovation was put into practice. */
@Entity
@Table(name = "government_level")
public class GovernmentLevel extends TaxonomyTerm {

	@Column(nullable = false)
	private short position;

	protected GovernmentLevel() {
	}

	public short getPosition() {
		return this.position;
	}

}
