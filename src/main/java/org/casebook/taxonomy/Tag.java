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

	/** A tag an editor adds: curated, as those that come with the catalogue. */
	public static Tag curated(String key, String label) {
		Tag tag = new Tag(key, label);
		tag.curated = true;
		return tag;
	}

	/** A new label; the key stays, so that URLs and the index keep working. */
	public void rename(String label) {
		setLabel(label);
	}

	public boolean isCurated() {
		return this.curated;
	}

}
