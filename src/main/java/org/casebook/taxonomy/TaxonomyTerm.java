package org.casebook.taxonomy;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import org.casebook.search.Analyzers;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Projectable;

/**
 * A term of a taxonomy: reference data loaded by migrations, with a stable key used in
 * URLs and in the index, and a label shown on screen.
 */
@MappedSuperclass
public abstract class TaxonomyTerm {

	@Id
	@KeywordField(aggregable = Aggregable.YES, projectable = Projectable.YES)
	private String key;

	@Column(nullable = false)
	@KeywordField(projectable = Projectable.YES)
	@FullTextField(name = "label_text", analyzer = Analyzers.FOLDED)
	private String label;

	protected TaxonomyTerm() {
	}

	protected TaxonomyTerm(String key, String label) {
		this.key = key;
		this.label = label;
	}

	public String getKey() {
		return this.key;
	}

	public String getLabel() {
		return this.label;
	}

	@Override
	public boolean equals(Object other) {
		return other != null && other.getClass() == getClass() && this.key.equals(((TaxonomyTerm) other).key);
	}

	@Override
	public int hashCode() {
		return this.key.hashCode();
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + this.key + "]";
	}

}
