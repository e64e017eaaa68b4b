package org.casebook.curation;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.casebook.innovation.Section;

/**
 * The steps of the form a case is written in, in OPSI's order: the basics, the
 * description, how it developed and what was learned, its images and files, then a last
 * look before submitting.
 */
public enum FormStep {

	BASICS, DESCRIPTION, STORY, FILES, CHECK;

	/** Its name in addresses, such as {@code /contribute/12/basics}. */
	public String path() {
		return name().toLowerCase(Locale.ROOT);
	}

	public String messageKey() {
		return "contribute.step." + path();
	}

	/** The narrative sections typed in this step. */
	public Set<Section> sections() {
		return switch (this) {
			case DESCRIPTION -> EnumSet.copyOf(Section.Group.DESCRIPTION.sections());
			case STORY -> {
				Set<Section> story = EnumSet.copyOf(Section.Group.DEVELOPMENT.sections());
				story.addAll(Section.Group.REFLECTIONS.sections());
				yield story;
			}
			default -> EnumSet.noneOf(Section.class);
		};
	}

	public FormStep next() {
		return (this == CHECK) ? CHECK : values()[ordinal() + 1];
	}

	public FormStep previous() {
		return (this == BASICS) ? BASICS : values()[ordinal() - 1];
	}

	/** The step of an address, or null. */
	public static FormStep of(String path) {
		for (FormStep step : values()) {
			if (step.path().equals(path)) {
				return step;
			}
		}
		return null;
	}

}
