package org.casebook.search;

/** Names of the analyzers and normalizers that the index mapping refers to. */
public final class Analyzers {

	/** Language-neutral text: standard tokens, lower-cased, accents folded. */
	public static final String FOLDED = "folded";

	/** One token per value, lower-cased and accent-folded, for sorting by text. */
	public static final String SORT = "sort";

	private Analyzers() {
	}

}
