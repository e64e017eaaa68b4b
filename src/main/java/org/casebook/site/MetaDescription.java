package org.casebook.site;

/**
 * A text short enough for a {@code <meta name="description">}, a social card or a search
 * engine's snippet: about 160 characters, cut at a word, with an ellipsis when cut.
 */
public final class MetaDescription {

	/** Search engines show about this many characters of a description. */
	public static final int MAX_LENGTH = 160;

	private MetaDescription() {
	}

	/** The text on one line, cut to {@link #MAX_LENGTH} at a word; null for no text. */
	public static String of(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String line = text.strip().replaceAll("\\s+", " ");
		if (line.length() <= MAX_LENGTH) {
			return line;
		}
		// Room for the ellipsis; a word longer than the whole is cut where it must be.
		int end = line.lastIndexOf(' ', MAX_LENGTH - 1);
		if (end <= 0) {
			end = MAX_LENGTH - 1;
			if (Character.isHighSurrogate(line.charAt(end - 1))) {
				end--;
			}
		}
		return line.substring(0, end).replaceAll("[\\s,;:.\\-–—]+$", "") + "…";
	}

}
