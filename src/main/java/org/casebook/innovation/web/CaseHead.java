package org.casebook.innovation.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.casebook.innovation.Innovation;
import org.casebook.innovation.Location;
import org.casebook.innovation.Organisation;
import org.casebook.site.MetaDescription;
import org.casebook.site.SiteUrls;
import org.casebook.taxonomy.Country;
import org.casebook.taxonomy.TaxonomyTerm;
import org.casebook.taxonomy.TermLabels;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the head of a case's page tells those that read pages without showing them: search
 * engines (its canonical address, a description, schema.org structured data as JSON-LD)
 * and link previews (Open Graph).
 *
 * @param canonicalUrl the absolute address of the case's page
 * @param description its summary, short enough for a snippet; null when it has none
 * @param language the language it is written in (ISO 639-1), as Open Graph's locale:
 * Casebook knows no territory for it
 * @param publishedAt when it was published, in ISO 8601
 * @param modifiedAt when it last changed, in ISO 8601
 * @param jsonLd the case as a schema.org {@code Article}, JSON that can stand inside a
 * {@code <script>} element: no {@code <} in it can end the element
 */
record CaseHead(String canonicalUrl, String description, String language, String publishedAt, String modifiedAt,
		String jsonLd) {

	/**
	 * JSON for a {@code <script>} element of an HTML page: {@code <}, {@code >} and
	 * {@code &} are written as {@code \u003C}..., which mean the same in JSON, so that no
	 * text can close the element ({@code </script>}) or open a comment.
	 */
	private static final JsonMapper JSON = JsonMapper
		.builder(JsonFactory.builder().characterEscapes(new ScriptSafeEscapes()).build())
		.build();

	/**
	 * The head of a case's page; its terms named as the page names them.
	 * @param terms the labels of the reader's language
	 */
	static CaseHead of(Innovation innovation, SiteUrls site, String siteName, TermLabels terms) {
		String url = site.absolute("/innovations/" + innovation.getSlug());
		String summary = (innovation.getSummary() != null && !innovation.getSummary().isBlank())
				? innovation.getSummary() : innovation.getOverview();
		// A case from another source was first published there, on a day the source did
		// not
		// give: Casebook claims no publication date for it (the day it was added is not
		// one).
		boolean elsewhere = innovation.getProvenance().getSourceName() != null && !innovation.isDemo();
		String published = elsewhere ? null : date(innovation.getPublishedAt());
		Article article = new Article("https://schema.org", "Article", innovation.getTitle(), innovation.getTitle(),
				(summary != null) ? summary.strip() : null, url, url, innovation.getLanguage(), published,
				date(innovation.getUpdatedAt()), places(innovation, terms),
				terms.sorted(innovation.getTags()).stream().map(terms::of).toList(),
				terms.sorted(innovation.getSectors()).stream().map((sector) -> Term.of(sector, terms)).toList(),
				innovation.getOrganisations().stream().map(Party::of).toList(),
				new Party("Organization", siteName, site.absolute("/")), true);
		return new CaseHead(url, MetaDescription.of(summary), innovation.getLanguage(), published,
				date(innovation.getUpdatedAt()), JSON.writeValueAsString(article));
	}

	private static String date(Instant instant) {
		return (instant != null) ? instant.truncatedTo(ChronoUnit.SECONDS).toString() : null;
	}

	/** Its countries, then the place where it happened. */
	private static List<Place> places(Innovation innovation, TermLabels terms) {
		List<Place> countries = terms.sorted(innovation.getCountries())
			.stream()
			.map((country) -> Place.of(country, terms))
			.toList();
		Location location = innovation.getLocation();
		if (location == null || location.getLatitude() == null) {
			return countries;
		}
		return Stream.concat(countries.stream(), Stream.of(new Place("Place", location.getName(), null,
				new Geo("GeoCoordinates", location.getLatitude(), location.getLongitude()))))
			.toList();
	}

	/**
	 * A case as schema.org's {@code Article}.
	 *
	 * @param spatialCoverage its countries, and its place with coordinates when known
	 * @param keywords its tags
	 * @param about its sectors
	 * @param creator the organisations behind it
	 * @param publisher Casebook
	 */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	record Article(@JsonProperty("@context") String context, @JsonProperty("@type") String type, String name,
			String headline, String description, String url, String mainEntityOfPage, String inLanguage,
			String datePublished, String dateModified, List<Place> spatialCoverage, List<String> keywords,
			List<Term> about, List<Party> creator, Party publisher, boolean isAccessibleForFree) {
	}

	/** A country (by its ISO 3166-1 code), a grouping of countries, or a place. */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	record Place(@JsonProperty("@type") String type, String name, String identifier, Geo geo) {

		static Place of(Country country, TermLabels terms) {
			return new Place(country.isGrouping() ? "Place" : "Country", terms.of(country),
					country.isGrouping() ? null : country.getKey().toUpperCase(Locale.ROOT), null);
		}

	}

	record Geo(@JsonProperty("@type") String type, double latitude, double longitude) {
	}

	/** A term of one of Casebook's taxonomies, by its label and key. */
	record Term(@JsonProperty("@type") String type, String name, String termCode) {

		static Term of(TaxonomyTerm term, TermLabels terms) {
			return new Term("DefinedTerm", terms.of(term), term.getKey());
		}

	}

	/** An organisation: a government's or an NGO's as schema.org has types for them. */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	record Party(@JsonProperty("@type") String type, String name, String url) {

		static Party of(Organisation organisation) {
			String type = "Organization";
			if (organisation.getType() != null) {
				type = switch (organisation.getType().getKey()) {
					case "government" -> "GovernmentOrganization";
					case "ngo" -> "NGO";
					default -> "Organization";
				};
			}
			return new Party(type, organisation.getName(), null);
		}

	}

	private static final class ScriptSafeEscapes extends CharacterEscapes {

		private final int[] escapes = standardAsciiEscapesForJSON();

		ScriptSafeEscapes() {
			this.escapes['<'] = ESCAPE_STANDARD;
			this.escapes['>'] = ESCAPE_STANDARD;
			this.escapes['&'] = ESCAPE_STANDARD;
		}

		@Override
		public int[] getEscapeCodesForAscii() {
			return this.escapes;
		}

		@Override
		public SerializableString getEscapeSequence(int ch) {
			return null;
		}

	}

}
