package org.casebook.search.lucene;

import java.util.Locale;
import java.util.Set;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;

/**
 * The stop words of every content language. In a query they are optional: "la
 * consultation de Kelvinbridge" must not require an English case to contain "la" and
 * "de".
 */
final class StopWords {

	private static final CharArraySet ALL = new CharArraySet(1024, true);

	static {
		ALL.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
		ALL.addAll(FrenchAnalyzer.getDefaultStopSet());
		ALL.addAll(SpanishAnalyzer.getDefaultStopSet());
		ALL.addAll(PortugueseAnalyzer.getDefaultStopSet());
	}

	private StopWords() {
	}

	/** Every stop word, as a set that ignores letter case. */
	static Set<?> all() {
		return CharArraySet.unmodifiableSet(ALL);
	}

	static boolean contains(String word) {
		return ALL.contains(word.toLowerCase(Locale.ROOT));
	}

}
