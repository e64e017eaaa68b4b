package org.casebook.taxonomy;

import java.text.Collator;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The labels of taxonomy terms in one language, and that language's order of words
 * ({@link Collator}: "États-Unis" among the E's in French, not after "Zambie"). Made per
 * request with {@link Taxonomies#in}; a collator is not to be shared between threads.
 */
public final class TermLabels {

	private final Taxonomies taxonomies;

	private final Locale locale;

	private final Comparator<String> collation;

	TermLabels(Taxonomies taxonomies, Locale locale) {
		this.taxonomies = taxonomies;
		this.locale = locale;
		this.collation = collation(locale);
	}

	/**
	 * How a language orders words: its collation, accents and case second to the letters,
	 * then by code point so that no two different words compare equal.
	 */
	public static Comparator<String> collation(Locale locale) {
		Collator collator = Collator.getInstance((locale != null) ? locale : Locale.ENGLISH);
		return ((Comparator<String>) collator::compare).thenComparing(Comparator.naturalOrder());
	}

	public Locale locale() {
		return this.locale;
	}

	/** The order of words of this language. */
	public Comparator<String> collation() {
		return this.collation;
	}

	/** A term's label in this language. */
	public String of(TaxonomyTerm term) {
		return this.taxonomies.label(Taxonomies.of(term), term.getKey(), this.locale).orElse(term.getLabel());
	}

	/**
	 * The label of a term of a taxonomy in this language, or its key if there is none.
	 */
	public String of(Class<? extends TaxonomyTerm> taxonomy, String key) {
		return of(taxonomy, key, key);
	}

	/** The label of a term of a taxonomy in this language, or the one given if none. */
	public String of(Class<? extends TaxonomyTerm> taxonomy, String key, String otherwise) {
		return this.taxonomies.label(taxonomy, key, this.locale).orElse(otherwise);
	}

	/** Terms by their labels in this language. */
	public <T extends TaxonomyTerm> List<T> sorted(Collection<T> terms) {
		return terms.stream().sorted(Comparator.comparing(this::of, this.collation)).toList();
	}

}
