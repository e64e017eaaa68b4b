package org.casebook.site;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MetaDescriptionTests {

	@Test
	void aShortTextIsKeptOnOneLine() {
		assertThat(MetaDescription.of("  Open budgets\n\tfor  schools. ")).isEqualTo("Open budgets for schools.");
		assertThat(MetaDescription.of(" \n ")).isNull();
		assertThat(MetaDescription.of(null)).isNull();
		String exactly = "x".repeat(MetaDescription.MAX_LENGTH);
		assertThat(MetaDescription.of(exactly)).isEqualTo(exactly);
	}

	@Test
	void aLongTextIsCutAtAWordWithAnEllipsis() {
		String text = "Pupils decide how to spend part of their school's budget, ".repeat(5);
		String description = MetaDescription.of(text);
		assertThat(description).hasSizeLessThanOrEqualTo(MetaDescription.MAX_LENGTH).endsWith(" their…");
		assertThat(text).startsWith(description.substring(0, description.length() - 1));
		assertThat(MetaDescription.of("word ".repeat(31) + "abcdefghij")).isEqualTo("word ".repeat(31).strip() + "…");
	}

	@Test
	void aWordLongerThanTheWholeIsCutWhereItMustBeButNotInsideACharacter() {
		assertThat(MetaDescription.of("a".repeat(200))).isEqualTo("a".repeat(159) + "…");
		String emoji = "a" + "🙂".repeat(100);
		String cut = MetaDescription.of(emoji);
		assertThat(cut).hasSizeLessThanOrEqualTo(MetaDescription.MAX_LENGTH);
		assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 2))).isFalse();
	}

}
