package org.casebook.curation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import org.casebook.innovation.HistoryBaseline;
import org.casebook.innovation.Innovation;
import org.casebook.innovation.InnovationNotFoundException;
import org.casebook.innovation.InnovationRepository;
import org.casebook.innovation.PublicationStatus;
import org.casebook.innovation.Revision;
import org.casebook.innovation.Section;
import org.casebook.taxonomy.Country;
import org.casebook.taxonomy.GovernmentLevel;
import org.casebook.taxonomy.InnovationStage;
import org.casebook.taxonomy.OrganisationType;
import org.casebook.taxonomy.Sector;
import org.casebook.taxonomy.Taxonomies;
import org.casebook.taxonomy.TaxonomyTerm;
import org.hibernate.envers.AuditReader;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.query.AuditEntity;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every version of a case, as Hibernate Envers keeps them: who changed it, when, and
 * what, field by field, between any two versions; an editor restores any version as a new
 * one. The public sees only the versions that were published, and only of a case that is
 * published now: never the text of a withdrawn or unpublished version.
 */
@Service
@Transactional(readOnly = true)
public class CaseHistory {

	private final EntityManager entityManager;

	private final InnovationRepository innovations;

	private final CaseForms forms;

	private final Taxonomies taxonomies;

	private final HistoryBaseline baseline;

	private final Clock clock;

	CaseHistory(EntityManager entityManager, InnovationRepository innovations, CaseForms forms, Taxonomies taxonomies,
			HistoryBaseline baseline, Clock clock) {
		this.baseline = baseline;
		this.entityManager = entityManager;
		this.innovations = innovations;
		this.forms = forms;
		this.taxonomies = taxonomies;
		this.clock = clock;
	}

	/**
	 * The versions of a case, the newest first.
	 * @param editor whether an editor asks (every version), or the public (the published
	 * versions of a published case)
	 */
	@SuppressWarnings("unchecked")
	public List<Version> versions(String slug, boolean editor) {
		Innovation innovation = find(slug, editor);
		List<Object[]> rows = reader().createQuery()
			.forRevisionsOfEntity(Innovation.class, false, true)
			.add(AuditEntity.id().eq(innovation.getId()))
			.addOrder(AuditEntity.revisionNumber().desc())
			.getResultList();
		List<Version> versions = new ArrayList<>();
		for (Object[] row : rows) {
			Innovation state = (Innovation) row[0];
			Revision revision = (Revision) row[1];
			boolean published = state.getStatus() == PublicationStatus.PUBLISHED;
			if (editor || published) {
				versions.add(new Version(revision.getId(), revision.getMadeAt(), revision.getAuthor(),
						revision.getKind(), state.getStatus(), state.getTitle(), state.getLanguage()));
			}
		}
		return versions;
	}

	/**
	 * What changed from one version to another, field by field (only the fields that
	 * differ).
	 * @throws InnovationNotFoundException if either is not a version the asker may see
	 */
	@SuppressWarnings("unchecked")
	public List<FieldChange> compare(String slug, long from, long to, boolean editor, Locale locale) {
		long id = find(slug, editor).getId();
		// The revisions the asker may see, as numbers only (not the versions themselves).
		var revisions = reader().createQuery()
			.forRevisionsOfEntity(Innovation.class, false, true)
			.addProjection(AuditEntity.revisionNumber())
			.add(AuditEntity.id().eq(id));
		if (!editor) {
			revisions.add(AuditEntity.property("status").eq(PublicationStatus.PUBLISHED));
		}
		List<Number> visible = revisions.getResultList();
		if (visible.stream().noneMatch((revision) -> revision.longValue() == from)
				|| visible.stream().noneMatch((revision) -> revision.longValue() == to)) {
			throw new InnovationNotFoundException(slug);
		}
		Labels labels = new Labels(this.taxonomies, locale);
		Innovation later = reader().find(Innovation.class, id, to);
		Map<String, String> before = fields(reader().find(Innovation.class, id, from), labels);
		Map<String, String> after = fields(later, labels);
		List<FieldChange> changes = new ArrayList<>();
		before.forEach((field, old) -> {
			String changed = after.get(field);
			if (!Objects.equals(old, changed)) {
				changes.add(new FieldChange(field, TextDiff.between(old, changed),
						NAMED_IN_THE_READERS_LANGUAGE.contains(field) ? null : later.getLanguage()));
			}
		});
		return changes;
	}

	/**
	 * Makes a case what it was at a version, as a new version (by the editor who asks).
	 */
	@Transactional
	public void restore(String slug, long revision) {
		Innovation current = this.innovations.findBySlug(slug).orElseThrow(() -> new InnovationNotFoundException(slug));
		Innovation then = reader().find(Innovation.class, current.getId(), revision);
		if (then == null) {
			throw new InnovationNotFoundException(slug);
		}
		this.baseline.ensure(List.of(current.getId()));
		CaseForm form = this.forms.of(then);
		this.forms.apply(form, current);
		current.changed(this.clock.instant());
	}

	private Innovation find(String slug, boolean editor) {
		return (editor ? this.innovations.findBySlug(slug)
				: this.innovations.findBySlugAndStatus(slug, PublicationStatus.PUBLISHED))
			.orElseThrow(() -> new InnovationNotFoundException(slug));
	}

	private AuditReader reader() {
		return AuditReaderFactory.get(this.entityManager);
	}

	/**
	 * Fields whose text is the names of terms (and a language's code), not the case's
	 * words.
	 */
	private static final Set<String> NAMED_IN_THE_READERS_LANGUAGE = Set.of("contribute.field.language",
			"facet.country", "facet.year", "facet.level", "facet.sector", "facet.stage", "facet.tag");

	/** A version's fields as text, by message key, in the case page's order. */
	private Map<String, String> fields(Innovation version, Labels labels) {
		CaseForm form = this.forms.of(version);
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("contribute.field.title", form.getTitle());
		fields.put("contribute.field.summary", form.getSummary());
		fields.put("contribute.field.language", form.getLanguage());
		fields.put("facet.country", labels.of(Country.class, form.getCountries()));
		fields.put("facet.year", form.getLaunchYear());
		fields.put("facet.level", labels.of(GovernmentLevel.class, List.of(form.getLevel())));
		Map<String, String> types = labels.terms(OrganisationType.class);
		fields.put("detail.organisations",
				form.getOrganisations()
					.stream()
					.filter((row) -> !row.getName().isBlank())
					.map((row) -> row.getName()
							+ (types.containsKey(row.getType()) ? " (" + types.get(row.getType()) + ")" : ""))
					.collect(Collectors.joining("\n")));
		fields.put("facet.sector", labels.of(Sector.class, form.getSectors()));
		fields.put("facet.stage", labels.of(InnovationStage.class, form.getStages()));
		fields.put("facet.tag", form.getTags());
		fields.put("detail.location",
				String.join(" ", form.getLocationName(), form.getLatitude(), form.getLongitude()).strip());
		fields.put("detail.links",
				form.getLinks()
					.stream()
					.filter((row) -> !row.getUrl().isBlank())
					.map((row) -> (row.getTitle().isBlank() ? "" : row.getTitle() + " ") + row.getUrl())
					.collect(Collectors.joining("\n")));
		fields.put("detail.overview", form.getOverview());
		for (Section section : Section.values()) {
			fields.put(section.messageKey(), form.getSections().getOrDefault(section, ""));
		}
		return fields;
	}

	/**
	 * The labels of the taxonomies' terms in the reader's language, read once for a
	 * comparison of two versions.
	 */
	private static final class Labels {

		private final Taxonomies taxonomies;

		private final Locale locale;

		private final Map<Class<? extends TaxonomyTerm>, Map<String, String>> terms = new java.util.HashMap<>();

		Labels(Taxonomies taxonomies, Locale locale) {
			this.taxonomies = taxonomies;
			this.locale = locale;
		}

		Map<String, String> terms(Class<? extends TaxonomyTerm> taxonomy) {
			return this.terms.computeIfAbsent(taxonomy, (terms) -> this.taxonomies.terms(terms, this.locale));
		}

		String of(Class<? extends TaxonomyTerm> taxonomy, List<String> keys) {
			Map<String, String> labels = terms(taxonomy);
			return keys.stream()
				.filter((key) -> !key.isBlank())
				.map((key) -> labels.getOrDefault(key, key))
				.collect(Collectors.joining(", "));
		}

	}

	/**
	 * One version of a case: the revision that made it, and what the case was then.
	 *
	 * @param language the language of its words then
	 */
	public record Version(long revision, Instant madeAt, String author, Revision.Kind kind, PublicationStatus status,
			String title, String language) {
	}

	/**
	 * A field that differs between two versions.
	 *
	 * @param field the message key of its name
	 * @param language the language of its words: the case's for its own words, null for
	 * the terms it is classified by, named in the reader's language
	 */
	public record FieldChange(String field, List<TextDiff.Piece> pieces, String language) {
	}

}
