package org.casebook.search.index;

import java.util.List;

/** Names of the analyzers and normalizers that the index mapping refers to. */
public final class Analyzers {

	/** Language-neutral text: standard tokens, lower-cased, accents folded. */
	public static final String FOLDED = "folded";

	/** One token per value, lower-cased and accent-folded, for sorting by text. */
	public static final String SORT = "sort";

	/**
	 * The content languages that get their own analysis (stemming, elision, stop words).
	 */
	public static final List<String> LANGUAGES = List.of("en", "fr", "es", "pt");

	/**
	 * Raise it when an analyzer's definition changes, or an index option that the mapping
	 * fingerprint cannot see (such as highlighting): the index is then rebuilt at
	 * startup.
	 */
	public static final int VERSION = 5;

	private Analyzers() {
	}

	/** The analyzer of a content language, for example {@code text_fr}. */
	public static String forLanguage(String language) {
		return "text_" + language;
	}

}
