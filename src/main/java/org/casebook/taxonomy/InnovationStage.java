package org.casebook.taxonomy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A stage of the innovation life cycle; a case can be at several. */
@Entity
@Table(name = "innovation_stage")
public class InnovationStage extends TaxonomyTerm {

	@Column(nullable = false)
	private short position;

	protected InnovationStage() {
	}

	public short getPosition() {
		return this.position;
	}

}
