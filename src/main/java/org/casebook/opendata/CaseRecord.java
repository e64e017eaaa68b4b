package org.casebook.opendata;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.casebook.innovation.Section;

/**
 * A case whole, as open data carries it out and in: its texts, the keys of its taxonomy
 * terms, its organisations, links, place, provenance and dates. Exports write it, imports
 * read it, the API shows it.
 *
 * @param sections the narrative sections that have a text, in page order
 * @param level the key of its level of government, or null
 * @param countries the keys of its countries, in the taxonomy's order (as are the other
 * taxonomies)
 * @param location where it is, or null
 * @param source where its text comes from, never null
 * @param publishedAt when it was published, or null when not known
 * @param attachments its images and files, in their order (out only: imports take none)
 */
public record CaseRecord(String slug, String title, String language, String summary, String overview,
		Map<Section, String> sections, Integer launchYear, String level, List<String> countries, List<String> sectors,
		List<String> stages, List<String> tags, List<OrganisationRecord> organisations, List<LinkRecord> links,
		LocationRecord location, SourceRecord source, boolean demo, Instant publishedAt, Instant updatedAt,
		List<AttachmentRecord> attachments) {

	/** A case without images or files, as imports read it. */
	public CaseRecord(String slug, String title, String language, String summary, String overview,
			Map<Section, String> sections, Integer launchYear, String level, List<String> countries,
			List<String> sectors, List<String> stages, List<String> tags, List<OrganisationRecord> organisations,
			List<LinkRecord> links, LocationRecord location, SourceRecord source, boolean demo, Instant publishedAt,
			Instant updatedAt) {
		this(slug, title, language, summary, overview, sections, launchYear, level, countries, sectors, stages, tags,
				organisations, links, location, source, demo, publishedAt, updatedAt, List.of());
	}

	public CaseRecord {
		Map<Section, String> present = new EnumMap<>(Section.class);
		sections.forEach((section, text) -> {
			if (text != null && !text.isBlank()) {
				present.put(section, text);
			}
		});
		sections = Collections.unmodifiableMap(present);
		countries = List.copyOf(countries);
		sectors = List.copyOf(sectors);
		stages = List.copyOf(stages);
		tags = List.copyOf(tags);
		organisations = List.copyOf(organisations);
		links = List.copyOf(links);
		attachments = List.copyOf(attachments);
		source = (source != null) ? source : SourceRecord.NONE;
	}

	/** An organisation behind a case, with the key of its type (or null). */
	public record OrganisationRecord(String name, String type) {
	}

	/**
	 * A link.
	 *
	 * @param kind {@code website}, {@code related} or {@code video}
	 * @param title its title, or null
	 */
	public record LinkRecord(String kind, String url, String title) {
	}

	/**
	 * An image or a document of a case.
	 *
	 * @param id its id, in its address
	 * @param kind {@code image} or {@code document}
	 * @param fileName its (safe) file name, the last part of its address
	 * @param size its size in bytes
	 * @param sha256 the SHA-256 of its bytes, in hexadecimal
	 * @param description an image's text alternative, a document's title (may be empty)
	 * @param width an image's width in pixels, else null (so is {@code height})
	 */
	public record AttachmentRecord(String id, String kind, String mediaType, String fileName, long size, String sha256,
			String description, Integer width, Integer height) {
	}

	/**
	 * Where a case is: a place name, a point in degrees (WGS 84), or both.
	 *
	 * @param lat the latitude, or null when only the name is known (so is {@code lon})
	 */
	public record LocationRecord(String name, Double lat, Double lon) {
	}

	/**
	 * Where a case's text comes from.
	 *
	 * @param name who published it first, or null when written in Casebook
	 * @param url where, or null
	 * @param licence an SPDX identifier or the terms in words, or null when none was
	 * stated
	 */
	public record SourceRecord(String name, String url, String licence) {

		public static final SourceRecord NONE = new SourceRecord(null, null, null);

	}

}
