package org.casebook.opendata;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.casebook.innovation.Section;
import org.casebook.taxonomy.Country;
import org.casebook.taxonomy.GovernmentLevel;
import org.casebook.taxonomy.InnovationStage;
import org.casebook.taxonomy.OrganisationType;
import org.casebook.taxonomy.Sector;
import org.casebook.taxonomy.Tag;
import org.casebook.taxonomy.TaxonomyTerm;
import org.casebook.taxonomy.TermLabels;

import org.springframework.web.util.UriUtils;

/**
 * A case whole as JSON: what {@code GET /api/v1/innovations/{slug}} answers and what each
 * line of a JSON Lines export holds. Taxonomy terms carry their key and label; imports
 * read the keys.
 *
 * @param url its page
 * @param language the language its texts are written in (ISO 639-1)
 * @param level the level of government, or null
 * @param sections its narrative sections that have a text, in the page's order, by their
 * key ({@code what_makes_it_innovative}, {@code lessons_learned}...)
 * @param source where its text comes from and under which licence (members null when
 * written in Casebook or not stated)
 * @param demo whether it is a generated demonstration case
 * @param attachments its images and documents, in the order of its page
 */
public record CaseDocument(String slug, String url, String title, String summary, String overview, String language,
		Integer launchYear, Term level, List<Term> countries, List<Term> sectors, List<Term> stages, List<Term> tags,
		List<Organisation> organisations, List<CaseRecord.LinkRecord> links, CaseRecord.LocationRecord location,
		Map<String, String> sections, CaseRecord.SourceRecord source, Instant publishedAt, Instant updatedAt,
		boolean demo, List<Attachment> attachments) {

	/** The page of a case, as links in the API give it. */
	public static String path(String slug) {
		return "/innovations/" + slug;
	}

	/**
	 * A case as the API gives it.
	 * @param taxonomies the labels of its terms, in the language of the API's reader
	 */
	public static CaseDocument of(CaseRecord record, TermLabels taxonomies) {
		Map<String, String> sections = new LinkedHashMap<>();
		record.sections().forEach((section, text) -> sections.put(CaseCsv.sectionColumn(section), text));
		return new CaseDocument(record.slug(), path(record.slug()), record.title(), record.summary(), record.overview(),
				record.language(), record.launchYear(),
				(record.level() != null) ? Term.of(GovernmentLevel.class, record.level(), taxonomies) : null,
				Term.of(Country.class, record.countries(), taxonomies),
				Term.of(Sector.class, record.sectors(), taxonomies),
				Term.of(InnovationStage.class, record.stages(), taxonomies),
				Term.of(Tag.class, record.tags(), taxonomies),
				record.organisations()
					.stream()
					.map((organisation) -> new Organisation(organisation.name(),
							(organisation.type() != null)
									? Term.of(OrganisationType.class, organisation.type(), taxonomies) : null))
					.toList(),
				record.links(), record.location(), sections, record.source(), record.publishedAt(), record.updatedAt(),
				record.demo(),
				record.attachments().stream().map((attachment) -> Attachment.of(record.slug(), attachment)).toList());
	}

	/** The section of a key in {@link #sections()}, if there is one. */
	static Section section(String key) {
		for (Section section : Section.values()) {
			if (CaseCsv.sectionColumn(section).equals(key)) {
				return section;
			}
		}
		return null;
	}

	/** A term of a taxonomy: its key, as URLs and filters use it, and its label. */
	public record Term(String key, String label) {

		static Term of(Class<? extends TaxonomyTerm> taxonomy, String key, TermLabels taxonomies) {
			return new Term(key, taxonomies.of(taxonomy, key));
		}

		static List<Term> of(Class<? extends TaxonomyTerm> taxonomy, List<String> keys, TermLabels taxonomies) {
			return keys.stream().map((key) -> of(taxonomy, key, taxonomies)).toList();
		}

	}

	/**
	 * An image or a document of a case.
	 *
	 * @param url the file (an image as Casebook serves it: encoded again, without
	 * metadata)
	 * @param thumbnailUrl an image's thumbnail, else null
	 * @param kind {@code image} or {@code document}
	 * @param mediaType the file's type, as it is served
	 * @param size its size in bytes
	 * @param sha256 the SHA-256 of its bytes, in hexadecimal
	 * @param altText an image's text alternative, else null
	 * @param title a document's title (its file name when it was given none), else null
	 * @param width an image's width in pixels, else null (so is {@code height})
	 */
	public record Attachment(String url, String thumbnailUrl, String kind, String mediaType, String fileName, long size,
			String sha256, String altText, String title, Integer width, Integer height) {

		static Attachment of(String slug, CaseRecord.AttachmentRecord file) {
			boolean image = "image".equals(file.kind());
			String url = path(slug) + "/files/" + file.id() + "/"
					+ UriUtils.encodePathSegment(file.fileName(), StandardCharsets.UTF_8);
			String title = file.description().isBlank() ? file.fileName() : file.description();
			return new Attachment(url, image ? path(slug) + "/thumbnails/" + file.id() : null, file.kind(),
					file.mediaType(), file.fileName(), file.size(), file.sha256(), image ? file.description() : null,
					image ? null : title, file.width(), file.height());
		}

	}

	/** An organisation behind a case, with its type (or null). */
	public record Organisation(String name, Term type) {
	}

}
