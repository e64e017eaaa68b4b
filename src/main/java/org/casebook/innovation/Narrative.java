package org.casebook.innovation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Embeddable;

/** The long texts of a case, one per {@link Section}; any of them may be missing. */
@Embeddable
public class Narrative {

	private String whatMakesItInnovative;

	private String currentStatus;

	private String collaborations;

	private String usersAndStakeholders;

	private String resultsAndImpacts;

	private String challengesAndFailures;

	private String conditionsForSuccess;

	private String replication;

	private String lessonsLearned;

	private String anythingElse;

	public String get(Section section) {
		return switch (section) {
			case WHAT_MAKES_IT_INNOVATIVE -> this.whatMakesItInnovative;
			case CURRENT_STATUS -> this.currentStatus;
			case COLLABORATIONS -> this.collaborations;
			case USERS_AND_STAKEHOLDERS -> this.usersAndStakeholders;
			case RESULTS_AND_IMPACTS -> this.resultsAndImpacts;
			case CHALLENGES_AND_FAILURES -> this.challengesAndFailures;
			case CONDITIONS_FOR_SUCCESS -> this.conditionsForSuccess;
			case REPLICATION -> this.replication;
			case LESSONS_LEARNED -> this.lessonsLearned;
			case ANYTHING_ELSE -> this.anythingElse;
		};
	}

	public void set(Section section, String text) {
		switch (section) {
			case WHAT_MAKES_IT_INNOVATIVE -> this.whatMakesItInnovative = text;
			case CURRENT_STATUS -> this.currentStatus = text;
			case COLLABORATIONS -> this.collaborations = text;
			case USERS_AND_STAKEHOLDERS -> this.usersAndStakeholders = text;
			case RESULTS_AND_IMPACTS -> this.resultsAndImpacts = text;
			case CHALLENGES_AND_FAILURES -> this.challengesAndFailures = text;
			case CONDITIONS_FOR_SUCCESS -> this.conditionsForSuccess = text;
			case REPLICATION -> this.replication = text;
			case LESSONS_LEARNED -> this.lessonsLearned = text;
			case ANYTHING_ELSE -> this.anythingElse = text;
		}
	}

	/**
	 * The sections that have text, grouped as on the case page; empty groups are left
	 * out.
	 */
	public Map<Section.Group, List<Map.Entry<Section, String>>> presentByGroup() {
		Map<Section.Group, List<Map.Entry<Section, String>>> groups = new LinkedHashMap<>();
		for (Section section : Section.values()) {
			String text = get(section);
			if (text != null && !text.isBlank()) {
				groups.computeIfAbsent(section.group(), (group) -> new ArrayList<>()).add(Map.entry(section, text));
			}
		}
		return Collections.unmodifiableMap(groups);
	}

	/** Every present section, in page order. */
	public Map<Section, String> present() {
		Map<Section, String> present = new EnumMap<>(Section.class);
		for (Section section : Section.values()) {
			String text = get(section);
			if (text != null && !text.isBlank()) {
				present.put(section, text);
			}
		}
		return present;
	}

}
