package org.casebook.innovation;

import java.util.Locale;

/**
 * The narrative sections of a case, in the order and groups of OPSI's case pages. Their
 * headings live in the message bundles under {@code section.<name>}.
 */
public enum Section {

	WHAT_MAKES_IT_INNOVATIVE(Group.DESCRIPTION), CURRENT_STATUS(Group.DESCRIPTION), COLLABORATIONS(Group.DEVELOPMENT),
	USERS_AND_STAKEHOLDERS(Group.DEVELOPMENT), RESULTS_AND_IMPACTS(Group.REFLECTIONS),
	CHALLENGES_AND_FAILURES(Group.REFLECTIONS), CONDITIONS_FOR_SUCCESS(Group.REFLECTIONS),
	REPLICATION(Group.REFLECTIONS), LESSONS_LEARNED(Group.REFLECTIONS), ANYTHING_ELSE(Group.REFLECTIONS);

	private final Group group;

	Section(Group group) {
		this.group = group;
	}

	public Group group() {
		return this.group;
	}

	public String messageKey() {
		return "section." + name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The name of this section's property in {@link Narrative}, such as
	 * {@code lessonsLearned}.
	 */
	public String propertyName() {
		StringBuilder name = new StringBuilder();
		for (String word : name().toLowerCase(Locale.ROOT).split("_")) {
			name.append(name.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
		}
		return name.toString();
	}

	/** The three parts of a case page. */
	public enum Group {

		DESCRIPTION, DEVELOPMENT, REFLECTIONS;

		/** Its sections, in page order. */
		public java.util.List<Section> sections() {
			return java.util.Arrays.stream(Section.values()).filter((section) -> section.group() == this).toList();
		}

		public String messageKey() {
			return "section.group." + name().toLowerCase(Locale.ROOT);
		}

	}

}
