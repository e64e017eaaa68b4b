package org.casebook.taxonomy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A primary sector of public action; a case can have several. */
@Entity
@Table(name = "sector")
public class Sector extends TaxonomyTerm {

	@Column(nullable = false)
	private short position;

	protected Sector() {
	}

	public short getPosition() {
		return this.position;
	}

}
