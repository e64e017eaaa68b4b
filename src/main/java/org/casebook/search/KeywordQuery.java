package org.casebook.search;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a user typed in the search box, read the forgiving way: words, "quoted phrases",
 * and -excluded words or phrases. Nothing else is syntax, so no input can make the search
 * fail. The last word, when the user may still be typing it, also matches as a prefix.
 *
 * @param words the words every result must contain
 * @param phrases the phrases every result must contain
 * @param excluded the words and phrases no result may contain
 * @param prefix the word that also matches as a prefix, or null
 */
public record KeywordQuery(List<String> words, List<String> phrases, List<String> excluded, String prefix) {

	public static final int MAX_TERMS = 32;

	private static final Pattern MEANINGFUL = Pattern.compile("[\\p{L}\\p{N}]");

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	public static KeywordQuery parse(String text) {
		List<String> words = new ArrayList<>();
		List<String> phrases = new ArrayList<>();
		List<String> excluded = new ArrayList<>();
		String lastWord = null;
		int i = 0;
		int length = text.length();
		while (i < length && words.size() + phrases.size() + excluded.size() < MAX_TERMS) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
				continue;
			}
			boolean exclude = c == '-' && i + 1 < length && !Character.isWhitespace(text.charAt(i + 1));
			if (exclude) {
				i++;
				c = text.charAt(i);
			}
			String term;
			boolean phrase = c == '"' || c == '“' || c == '«';
			if (phrase) {
				int end = indexOfClosingQuote(text, i + 1);
				term = WHITESPACE.matcher(text.substring(i + 1, end).strip()).replaceAll(" ");
				i = Math.min(length, end + 1);
			}
			else {
				int end = i;
				while (end < length && !Character.isWhitespace(text.charAt(end))) {
					end++;
				}
				term = text.substring(i, end);
				i = end;
			}
			lastWord = null;
			if (!MEANINGFUL.matcher(term).find()) {
				continue;
			}
			if (exclude) {
				excluded.add(term);
			}
			else if (phrase && term.contains(" ")) {
				phrases.add(term);
			}
			else {
				words.add(term);
				lastWord = phrase ? null : term;
			}
		}
		boolean stillTyping = !text.isEmpty() && !Character.isWhitespace(text.charAt(text.length() - 1));
		String prefix = (stillTyping && lastWord != null) ? lastWord : null;
		return new KeywordQuery(List.copyOf(words), List.copyOf(phrases), List.copyOf(excluded), prefix);
	}

	public boolean isEmpty() {
		return this.words.isEmpty() && this.phrases.isEmpty();
	}

	private static int indexOfClosingQuote(String text, int from) {
		for (int i = from; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"' || c == '”' || c == '»') {
				return i;
			}
		}
		return text.length();
	}

}
