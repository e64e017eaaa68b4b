package org.casebook.search;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A result as its card and the JSON API show it, read from the index without touching the
 * database.
 *
 * @param countryKeys the keys of its countries, in the order of {@code countries}
 * @param countries the names of its countries
 * @param point where it is, or null
 * @param language the language its texts are written in (ISO 639-1)
 * @param terms the keys of its other taxonomy terms
 * @param summaryMatches the words of the summary the keywords matched, in order; empty
 * without keywords or matches
 * @param coverImage the id of the image its card shows, or null
 */
public record InnovationHit(Long id, String slug, String title, String summary, List<String> countryKeys,
		List<String> countries, Integer launchYear, boolean demo, Instant publishedAt, String locationName,
		Coordinates point, String language, TermKeys terms, List<TextRange> summaryMatches, UUID coverImage) {

	public InnovationHit {
		countryKeys = List.copyOf(countryKeys);
		countries = List.copyOf(countries);
		summaryMatches = List.copyOf(summaryMatches);
	}

	/** A result without an image. */
	public InnovationHit(Long id, String slug, String title, String summary, List<String> countryKeys,
			List<String> countries, Integer launchYear, boolean demo, Instant publishedAt, String locationName,
			Coordinates point, String language, TermKeys terms, List<TextRange> summaryMatches) {
		this(id, slug, title, summary, countryKeys, countries, launchYear, demo, publishedAt, locationName, point,
				language, terms, summaryMatches, null);
	}

	/** The same result, its countries named otherwise (in another language). */
	public InnovationHit withCountries(List<String> names) {
		return new InnovationHit(this.id, this.slug, this.title, this.summary, this.countryKeys, names, this.launchYear,
				this.demo, this.publishedAt, this.locationName, this.point, this.language, this.terms,
				this.summaryMatches, this.coverImage);
	}

	/** The same result, with the words of its summary that a search matched. */
	public InnovationHit withSummaryMatches(List<TextRange> matches) {
		return new InnovationHit(this.id, this.slug, this.title, this.summary, this.countryKeys, this.countries,
				this.launchYear, this.demo, this.publishedAt, this.locationName, this.point, this.language, this.terms,
				matches, this.coverImage);
	}

	/**
	 * The keys of a result's taxonomy terms besides its countries.
	 *
	 * @param level its level of government, or null
	 * @param organisationTypes the types of its organisations, each once
	 */
	public record TermKeys(String level, List<String> sectors, List<String> stages, List<String> tags,
			List<String> organisationTypes) {

		/** A result with none. */
		public static final TermKeys NONE = new TermKeys(null, List.of(), List.of(), List.of(), List.of());

		public TermKeys {
			sectors = List.copyOf(sectors);
			stages = List.copyOf(stages);
			tags = List.copyOf(tags);
			organisationTypes = List.copyOf(organisationTypes.stream().distinct().toList());
		}

	}

}
