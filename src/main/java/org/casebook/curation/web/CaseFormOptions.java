package org.casebook.curation.web;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.casebook.curation.CaseForm;
import org.casebook.curation.CaseFormRules;
import org.casebook.curation.FormStep;
import org.casebook.innovation.LinkKind;
import org.casebook.innovation.Section;
import org.casebook.taxonomy.Country;
import org.casebook.taxonomy.GovernmentLevel;
import org.casebook.taxonomy.InnovationStage;
import org.casebook.taxonomy.OrganisationType;
import org.casebook.taxonomy.Sector;
import org.casebook.taxonomy.Taxonomies;
import org.casebook.taxonomy.TaxonomyTerm;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the case form offers to choose from (the taxonomies' terms), and its problems. */
@Component
class CaseFormOptions {

	private static final List<String> LANGUAGES = List.of("en", "fr", "es", "pt");

	private final Taxonomies taxonomies;

	private final CaseFormRules rules;

	CaseFormOptions(Taxonomies taxonomies, CaseFormRules rules) {
		this.taxonomies = taxonomies;
		this.rules = rules;
	}

	/**
	 * The terms to choose from, named in the reader's language, countries as it orders
	 * them.
	 */
	void addTo(Model model) {
		model.addAttribute("countryOptions", terms(Country.class));
		model.addAttribute("levelOptions", terms(GovernmentLevel.class));
		model.addAttribute("organisationTypeOptions", terms(OrganisationType.class));
		model.addAttribute("sectorOptions", terms(Sector.class));
		model.addAttribute("stageOptions", terms(InnovationStage.class));
		model.addAttribute("languageOptions", LANGUAGES);
		model.addAttribute("linkKinds", LinkKind.values());
		model.addAttribute("sections", Section.values());
	}

	/** The labels of what a form chose, to show it as a case page would. */
	Map<String, Object> labels(CaseForm form) {
		Map<String, String> countries = terms(Country.class);
		Map<String, String> types = terms(OrganisationType.class);
		return Map.of("countries", join(form.getCountries(), countries), "level",
				terms(GovernmentLevel.class).getOrDefault(form.getLevel(), ""), "sectors",
				join(form.getSectors(), terms(Sector.class)), "stages",
				join(form.getStages(), terms(InnovationStage.class)), "organisations",
				form.getOrganisations()
					.stream()
					.filter((row) -> !row.getName().isBlank())
					.map((row) -> row.getName()
							+ (types.containsKey(row.getType()) ? " (" + types.get(row.getType()) + ")" : ""))
					.toList());
	}

	/** A taxonomy's terms in the language of the request being answered. */
	private Map<String, String> terms(Class<? extends TaxonomyTerm> taxonomy) {
		return this.taxonomies.terms(taxonomy, LocaleContextHolder.getLocale());
	}

	private static String join(List<String> keys, Map<String, String> labels) {
		return String.join(", ", keys.stream().map((key) -> labels.getOrDefault(key, key)).toList());
	}

	Map<String, String> problems(CaseForm form) {
		return this.rules.problems(form);
	}

	/** How many problems each step has: the check step links to them. */
	Map<FormStep, Integer> problemsByStep(CaseForm form) {
		Map<FormStep, Integer> counts = new EnumMap<>(FormStep.class);
		for (FormStep step : FormStep.values()) {
			counts.put(step, this.rules.problems(form, step).size());
		}
		return counts;
	}

}
