package org.casebook.search.opensearch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The stop words of every content language, optional in a query as with the Lucene
 * engine, and never looked for by {@code more_like_this}. They are the lists both
 * engines' analyzers use: Lucene's English set, which is OpenSearch's {@code _english_},
 * and the Snowball lists of French, Spanish and Portuguese ({@code _french_}...), read
 * from lucene-analysis-common, which Casebook always ships (its Lucene engine's).
 */
final class StopWords {

	private static final List<String> ENGLISH = List.of("a", "an", "and", "are", "as", "at", "be", "but", "by", "for",
			"if", "in", "into", "is", "it", "no", "not", "of", "on", "or", "such", "that", "the", "their", "then",
			"there", "these", "they", "this", "to", "was", "will", "with");

	private static final Set<String> ALL = load();

	private StopWords() {
	}

	static Set<String> all() {
		return ALL;
	}

	static boolean contains(String word) {
		return ALL.contains(word.toLowerCase(Locale.ROOT));
	}

	private static Set<String> load() {
		Set<String> words = new TreeSet<>(ENGLISH);
		for (String language : List.of("french", "spanish", "portuguese")) {
			String resource = "org/apache/lucene/analysis/snowball/" + language + "_stop.txt";
			try (InputStream in = StopWords.class.getClassLoader().getResourceAsStream(resource)) {
				if (in == null) {
					throw new IllegalStateException("No stop words at " + resource);
				}
				BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
				for (String line = lines.readLine(); line != null; line = lines.readLine()) {
					// Snowball's format: words separated by spaces, "|" starts a comment.
					int comment = line.indexOf('|');
					String content = (comment >= 0) ? line.substring(0, comment) : line;
					for (String word : content.strip().split("\\s+")) {
						if (!word.isEmpty()) {
							words.add(word.toLowerCase(Locale.ROOT));
						}
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return Set.copyOf(words);
	}

}
