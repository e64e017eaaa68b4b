package org.casebook.search;

import java.time.Instant;
import java.util.List;

/**
 * A result as its card shows it, read from the index without touching the database.
 *
 * @param countryKeys the keys of its countries, in the order of {@code countries}
 * @param countries the names of its countries
 * @param point where it is, or null
 * @param summaryMatches the words of the summary the keywords matched, in order; empty
 * without keywords or matches
 */
public record InnovationHit(Long id, String slug, String title, String summary, List<String> countryKeys,
		List<String> countries, Integer launchYear, boolean demo, Instant publishedAt, String locationName,
		Coordinates point, List<TextRange> summaryMatches) {

	public InnovationHit {
		countryKeys = List.copyOf(countryKeys);
		countries = List.copyOf(countries);
		summaryMatches = List.copyOf(summaryMatches);
	}

	/** The same result, with the words of its summary that a search matched. */
	public InnovationHit withSummaryMatches(List<TextRange> matches) {
		return new InnovationHit(this.id, this.slug, this.title, this.summary, this.countryKeys, this.countries,
				this.launchYear, this.demo, this.publishedAt, this.locationName, this.point, matches);
	}

}
