package org.casebook.taxonomy;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * A term of a taxonomy: reference data loaded by migrations, with a stable key used in
 * URLs and in the index, and a label shown on screen.
 */
@MappedSuperclass
public abstract class TaxonomyTerm {

	@Id
	private String key;

	@Column(nullable = false)
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

	protected void setLabel(String label) {
		this.label = label;
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
