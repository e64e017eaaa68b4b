package org.casebook.curation;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import org.casebook.innovation.Innovation;
import org.casebook.innovation.Link;
import org.casebook.innovation.LinkKind;
import org.casebook.innovation.Location;
import org.casebook.innovation.Organisation;
import org.casebook.innovation.Section;
import org.casebook.taxonomy.Country;
import org.casebook.taxonomy.GovernmentLevel;
import org.casebook.taxonomy.InnovationStage;
import org.casebook.taxonomy.OrganisationType;
import org.casebook.taxonomy.Sector;
import org.casebook.taxonomy.Tag;
import org.casebook.taxonomy.TaxonomyTerm;

import org.springframework.stereotype.Component;

/**
 * Turns a case into the form that edits it (a proposed change starts from the published
 * case), and a form without problems into the case (publishing).
 */
@Component
class CaseForms {

	private final EntityManager entityManager;

	private final CaseFormRules rules;

	CaseForms(EntityManager entityManager, CaseFormRules rules) {
		this.entityManager = entityManager;
		this.rules = rules;
	}

	CaseForm of(Innovation innovation) {
		CaseForm form = new CaseForm();
		form.setTitle(innovation.getTitle());
		form.setSummary(text(innovation.getSummary()));
		form.setLanguage(innovation.getLanguage());
		form.setCountries(keys(innovation.getCountries()));
		form.setLaunchYear((innovation.getLaunchYear() != null) ? innovation.getLaunchYear().toString() : "");
		form.setLevel((innovation.getLevel() != null) ? innovation.getLevel().getKey() : "");
		List<CaseForm.OrganisationRow> organisations = new ArrayList<>();
		for (Organisation organisation : innovation.getOrganisations()) {
			organisations.add(new CaseForm.OrganisationRow(organisation.getName(),
					(organisation.getType() != null) ? organisation.getType().getKey() : ""));
		}
		form.setOrganisations(organisations);
		form.setSectors(keys(innovation.getSectors()));
		form.setStages(keys(innovation.getStages()));
		form.setTags(innovation.getTagsByLabel().stream().map(Tag::getLabel).collect(Collectors.joining(", ")));
		Location location = innovation.getLocation();
		if (location != null) {
			form.setLocationName(text(location.getName()));
			form.setLatitude((location.getLatitude() != null) ? location.getLatitude().toString() : "");
			form.setLongitude((location.getLongitude() != null) ? location.getLongitude().toString() : "");
		}
		List<CaseForm.LinkRow> links = new ArrayList<>();
		for (Link link : innovation.getLinks()) {
			links.add(new CaseForm.LinkRow(link.getKind().name(), link.getUrl(), text(link.getTitle())));
		}
		form.setLinks(links);
		form.setOverview(text(innovation.getOverview()));
		for (Section section : Section.values()) {
			form.getSections().put(section, text(innovation.getNarrative().get(section)));
		}
		form.padRows();
		return form;
	}

	/** Writes a form without problems into a case, replacing what it had. */
	void apply(CaseForm form, Innovation innovation) {
		innovation.setTitle(form.getTitle().strip());
		innovation.setSummary(form.getSummary().strip());
		innovation.setLanguage(form.getLanguage());
		replace(innovation.getCountries(), Country.class, form.getCountries());
		innovation.setLaunchYear(form.getLaunchYear().isBlank() ? null : Integer.valueOf(form.getLaunchYear().strip()));
		innovation.setLevel(form.getLevel().isBlank() ? null : reference(GovernmentLevel.class, form.getLevel()));
		innovation.getOrganisations().clear();
		for (CaseForm.OrganisationRow row : form.getOrganisations()) {
			if (!row.isEmpty()) {
				innovation.getOrganisations()
					.add(new Organisation(row.getName().strip(),
							row.getType().isBlank() ? null : reference(OrganisationType.class, row.getType())));
			}
		}
		replace(innovation.getSectors(), Sector.class, form.getSectors());
		replace(innovation.getStages(), InnovationStage.class, form.getStages());
		replace(innovation.getTags(), Tag.class, this.rules.tagKeys(form.getTags()));
		Double latitude = CaseFormRules.coordinate(form.getLatitude(), 90);
		Double longitude = CaseFormRules.coordinate(form.getLongitude(), 180);
		innovation.setLocation((latitude != null && longitude != null)
				? new Location(blankToNull(form.getLocationName()), latitude, longitude) : null);
		innovation.getLinks().clear();
		for (CaseForm.LinkRow row : form.getLinks()) {
			if (!row.isEmpty()) {
				innovation.getLinks()
					.add(new Link(LinkKind.valueOf(row.getKind()), row.getUrl().strip(), blankToNull(row.getTitle())));
			}
		}
		innovation.setOverview(form.getOverview().strip());
		for (Section section : Section.values()) {
			innovation.getNarrative().set(section, blankToNull(form.getSections().getOrDefault(section, "")));
		}
	}

	private <T extends TaxonomyTerm> void replace(java.util.Set<T> terms, Class<T> taxonomy, List<String> keys) {
		terms.clear();
		for (String key : keys) {
			terms.add(reference(taxonomy, key));
		}
	}

	private <T extends TaxonomyTerm> T reference(Class<T> taxonomy, String key) {
		return this.entityManager.getReference(taxonomy, key);
	}

	private static List<String> keys(java.util.Set<? extends TaxonomyTerm> terms) {
		return terms.stream().map(TaxonomyTerm::getKey).sorted().collect(Collectors.toCollection(ArrayList::new));
	}

	private static String text(String text) {
		return (text != null) ? text : "";
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
