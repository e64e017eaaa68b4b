package org.casebook.taxonomy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An organisation's kind: government, NGO, academia… */
@Entity
@Table(name = "organisation_type")
public class OrganisationType extends TaxonomyTerm {

	@Column(nullable = false)
	private short position;

	protected OrganisationType() {
	}

	public short getPosition() {
		return this.position;
	}

}
