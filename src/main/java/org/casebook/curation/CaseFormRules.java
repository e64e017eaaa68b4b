package org.casebook.curation;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.casebook.innovation.LinkKind;
import org.casebook.innovation.Section;
import org.casebook.taxonomy.Country;
import org.casebook.taxonomy.GovernmentLevel;
import org.casebook.taxonomy.InnovationStage;
import org.casebook.taxonomy.OrganisationType;
import org.casebook.taxonomy.Sector;
import org.casebook.taxonomy.Tag;
import org.casebook.taxonomy.Taxonomies;

import org.springframework.stereotype.Component;

/**
 * What a case needs before it is submitted, field by field: the problems of a
 * {@link CaseForm} as message keys by field path (such as {@code organisations[1].type}).
 * A draft is saved with its problems; a submission has none.
 */
@Component
public class CaseFormRules {

	static final int TITLE_MAX = 300;

	static final int SUMMARY_MAX = 1_500;

	/** Any one narrative text, so that no request can store unbounded text. */
	static final int TEXT_MAX = 20_000;

	static final int NAME_MAX = 300;

	static final int URL_MAX = 2_000;

	static final Set<String> LANGUAGES = Set.of("en", "fr", "es", "pt");

	private final Taxonomies taxonomies;

	CaseFormRules(Taxonomies taxonomies) {
		this.taxonomies = taxonomies;
	}

	/** Every problem of the form. */
	public Map<String, String> problems(CaseForm form) {
		Map<String, String> problems = new LinkedHashMap<>();
		for (FormStep step : FormStep.values()) {
			problems.putAll(problems(form, step));
		}
		return problems;
	}

	/** The problems of the fields of one step. */
	public Map<String, String> problems(CaseForm form, FormStep step) {
		Map<String, String> problems = new LinkedHashMap<>();
		switch (step) {
			case BASICS -> basics(form, problems);
			case DESCRIPTION -> {
				text(problems, "overview", form.getOverview(), true);
				sections(form, step, problems);
			}
			case STORY -> sections(form, step, problems);
			case FILES, CHECK -> {
			}
		}
		return problems;
	}

	/**
	 * The keys of the tags typed (labels or keys, case aside); unknown ones are left out.
	 */
	public List<String> tagKeys(String typed) {
		Map<String, String> byName = new LinkedHashMap<>();
		this.taxonomies.terms(Tag.class).forEach((key, label) -> {
			byName.put(key.toLowerCase(Locale.ROOT), key);
			byName.put(label.toLowerCase(Locale.ROOT), key);
		});
		List<String> keys = new ArrayList<>();
		for (String tag : tagNames(typed)) {
			String key = byName.get(tag.toLowerCase(Locale.ROOT));
			if (key != null && !keys.contains(key)) {
				keys.add(key);
			}
		}
		return keys;
	}

	private void basics(CaseForm form, Map<String, String> problems) {
		if (form.getTitle().isBlank()) {
			problems.put("title", "contribute.problem.required");
		}
		else if (form.getTitle().strip().length() > TITLE_MAX) {
			problems.put("title", "contribute.problem.tooLong");
		}
		if (form.getSummary().isBlank()) {
			problems.put("summary", "contribute.problem.required");
		}
		else if (form.getSummary().length() > SUMMARY_MAX) {
			problems.put("summary", "contribute.problem.tooLong");
		}
		if (!LANGUAGES.contains(form.getLanguage())) {
			problems.put("language", "contribute.problem.unknown");
		}
		if (form.getCountries().isEmpty()) {
			problems.put("countries", "contribute.problem.country");
		}
		else if (!form.getCountries().stream().allMatch((key) -> this.taxonomies.contains(Country.class, key))) {
			problems.put("countries", "contribute.problem.unknown");
		}
		if (!form.getLaunchYear().isBlank()) {
			try {
				int year = Integer.parseInt(form.getLaunchYear().strip());
				if (year < 1900 || year > 2100) {
					problems.put("launchYear", "contribute.problem.year");
				}
			}
			catch (NumberFormatException ex) {
				problems.put("launchYear", "contribute.problem.year");
			}
		}
		known(problems, "level", form.getLevel(), GovernmentLevel.class);
		for (int i = 0; i < form.getOrganisations().size(); i++) {
			CaseForm.OrganisationRow row = form.getOrganisations().get(i);
			if (row.isEmpty()) {
				continue;
			}
			if (row.getName().isBlank()) {
				problems.put("organisations[" + i + "].name", "contribute.problem.organisationName");
			}
			else if (row.getName().length() > NAME_MAX) {
				problems.put("organisations[" + i + "].name", "contribute.problem.tooLong");
			}
			known(problems, "organisations[" + i + "].type", row.getType(), OrganisationType.class);
		}
		if (!form.getSectors().stream().allMatch((key) -> this.taxonomies.contains(Sector.class, key))) {
			problems.put("sectors", "contribute.problem.unknown");
		}
		if (!form.getStages().stream().allMatch((key) -> this.taxonomies.contains(InnovationStage.class, key))) {
			problems.put("stages", "contribute.problem.unknown");
		}
		if (tagNames(form.getTags()).size() != tagKeys(form.getTags()).size()) {
			problems.put("tags", "contribute.problem.tags");
		}
		location(form, problems);
		for (int i = 0; i < form.getLinks().size(); i++) {
			link(form.getLinks().get(i), "links[" + i + "]", problems);
		}
	}

	private static void location(CaseForm form, Map<String, String> problems) {
		boolean point = !form.getLatitude().isBlank() || !form.getLongitude().isBlank();
		if (!point) {
			if (!form.getLocationName().isBlank()) {
				problems.put("latitude", "contribute.problem.point");
			}
			return;
		}
		if (coordinate(form.getLatitude(), 90) == null) {
			problems.put("latitude", "contribute.problem.latitude");
		}
		if (coordinate(form.getLongitude(), 180) == null) {
			problems.put("longitude", "contribute.problem.longitude");
		}
		if (form.getLocationName().length() > NAME_MAX) {
			problems.put("locationName", "contribute.problem.tooLong");
		}
	}

	/** A coordinate in degrees within ±limit, or null. */
	static Double coordinate(String typed, double limit) {
		try {
			double value = Double.parseDouble(typed.strip().replace(',', '.'));
			return (Double.isFinite(value) && Math.abs(value) <= limit) ? value : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static void link(CaseForm.LinkRow row, String path, Map<String, String> problems) {
		if (row.isEmpty()) {
			return;
		}
		try {
			LinkKind.valueOf(row.getKind());
		}
		catch (IllegalArgumentException ex) {
			problems.put(path + ".kind", "contribute.problem.unknown");
		}
		if (!webAddress(row.getUrl())) {
			problems.put(path + ".url", "contribute.problem.url");
		}
		if (row.getTitle().length() > NAME_MAX) {
			problems.put(path + ".title", "contribute.problem.tooLong");
		}
	}

	/** An absolute http or https address, of a sane length. */
	static boolean webAddress(String url) {
		if (url.isBlank() || url.length() > URL_MAX) {
			return false;
		}
		try {
			URI uri = new URI(url.strip());
			return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
					&& uri.getHost() != null;
		}
		catch (java.net.URISyntaxException ex) {
			return false;
		}
	}

	private static void sections(CaseForm form, FormStep step, Map<String, String> problems) {
		for (Section section : step.sections()) {
			text(problems, "sections[" + section.name() + "]", form.getSections().getOrDefault(section, ""), false);
		}
	}

	private static void text(Map<String, String> problems, String field, String text, boolean required) {
		if (required && text.isBlank()) {
			problems.put(field, "contribute.problem.required");
		}
		else if (text.length() > TEXT_MAX) {
			problems.put(field, "contribute.problem.textTooLong");
		}
	}

	private void known(Map<String, String> problems, String field, String key,
			Class<? extends org.casebook.taxonomy.TaxonomyTerm> taxonomy) {
		if (!key.isBlank() && !this.taxonomies.contains(taxonomy, key)) {
			problems.put(field, "contribute.problem.unknown");
		}
	}

	static List<String> tagNames(String typed) {
		List<String> names = new ArrayList<>();
		for (String name : typed.split(",")) {
			if (!name.isBlank() && names.stream().noneMatch(name.strip()::equalsIgnoreCase)) {
				names.add(name.strip());
			}
		}
		return names;
	}

}
