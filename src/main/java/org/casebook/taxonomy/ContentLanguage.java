package org.casebook.taxonomy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A language a case is written in (its key the ISO 639-1 code): the "Language of the
 * case" facet. Not the reader's language, which is the interface's.
 */
@Entity
@Table(name = "content_language")
public class ContentLanguage extends TaxonomyTerm {

	@Column(nullable = false)
	private short position;

	protected ContentLanguage() {
	}

	public short getPosition() {
		return this.position;
	}

}
