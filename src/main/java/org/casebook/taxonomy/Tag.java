package org.casebook.taxonomy;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A tag: curated ones come with the catalogue, free ones are added as cases use them. */
@Entity
@Table(name = "tag")
public class Tag extends TaxonomyTerm {

	private boolean curated;

	protected Tag() {
	}

	public Tag(String key, String label) {
		super(key, label);
	}

	public boolean isCurated() {
		return this.curated;
	}

}
