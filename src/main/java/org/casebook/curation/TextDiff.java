package org.casebook.curation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

/**
 * What changed between two texts, word by word (java-diff-utils' Myers diff over words
 * and the spaces between them): the text as pieces kept, removed or added. Pages show
 * them escaped like any text, with {@code <del>} and {@code <ins>} around the changes.
 */
public final class TextDiff {

	private static final Pattern TOKENS = Pattern.compile("\\s+|[^\\s]+");

	private TextDiff() {
	}

	public static List<Piece> between(String before, String after) {
		List<String> old = tokens(before);
		List<String> changed = tokens(after);
		Patch<String> patch = DiffUtils.diff(old, changed);
		List<Piece> pieces = new ArrayList<>();
		int position = 0;
		for (AbstractDelta<String> delta : patch.getDeltas()) {
			add(pieces, Piece.Kind.KEPT, old.subList(position, delta.getSource().getPosition()));
			add(pieces, Piece.Kind.REMOVED, delta.getSource().getLines());
			add(pieces, Piece.Kind.ADDED, delta.getTarget().getLines());
			position = delta.getSource().getPosition() + delta.getSource().size();
		}
		add(pieces, Piece.Kind.KEPT, old.subList(position, old.size()));
		return pieces;
	}

	private static void add(List<Piece> pieces, Piece.Kind kind, List<String> tokens) {
		if (!tokens.isEmpty()) {
			pieces.add(new Piece(kind, String.join("", tokens)));
		}
	}

	private static List<String> tokens(String text) {
		List<String> tokens = new ArrayList<>();
		Matcher matcher = TOKENS.matcher((text != null) ? text : "");
		while (matcher.find()) {
			tokens.add(matcher.group());
		}
		return tokens;
	}

	/** A piece of text, kept, removed or added. */
	public record Piece(Kind kind, String text) {

		public enum Kind {

			KEPT, REMOVED, ADDED

		}

	}

}
