package org.casebook.innovation.web;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.casebook.innovation.Innovation;
import org.casebook.innovation.InnovationCatalogue;
import org.casebook.innovation.Link;
import org.casebook.innovation.Location;
import org.casebook.innovation.Organisation;
import org.casebook.innovation.Section;
import org.casebook.taxonomy.TaxonomyTerm;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * One published case, whole, as open data: every section, its taxonomies with keys and
 * labels, organisations, links, location, language and dates. The database is the source,
 * not the index: this is the case as its page shows it.
 */
@RestController
@Tag(name = "Cases", description = "A published case, whole")
class InnovationApiController {

	private final InnovationCatalogue catalogue;

	InnovationApiController(InnovationCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	@GetMapping("/api/v1/innovations/{slug}")
	@Operation(summary = "Read a published case",
			description = "Everything that the case's page shows, from the database: its texts, facts, "
					+ "organisations, links and location.")
	CaseJson innovation(@Parameter(description = "The case's slug, as its URL and the search's items name it",
			example = "govtech-poland-challenge-based-procurement") @PathVariable String slug) {
		return CaseJson.of(this.catalogue.published(slug));
	}

	/**
	 * A case.
	 *
	 * @param url its page
	 * @param language the language its texts are written in (ISO 639-1)
	 * @param sections its narrative sections that have a text, in the page's order, by
	 * their key ({@code what_makes_it_innovative}, {@code lessons_learned}...)
	 * @param level the level of government, or null
	 * @param demo whether it is a generated demonstration case
	 */
	record CaseJson(String slug, String url, String title, String summary, String overview, String language,
			Integer launchYear, TermJson level, List<TermJson> countries, List<TermJson> sectors, List<TermJson> stages,
			List<TermJson> tags, List<OrganisationJson> organisations, List<LinkJson> links, LocationJson location,
			Map<String, String> sections, Instant publishedAt, Instant updatedAt, boolean demo) {

		static CaseJson of(Innovation innovation) {
			Map<String, String> sections = new LinkedHashMap<>();
			for (Section section : Section.values()) {
				String text = innovation.getNarrative().get(section);
				if (text != null && !text.isBlank()) {
					sections.put(section.name().toLowerCase(Locale.ROOT), text);
				}
			}
			return new CaseJson(innovation.getSlug(), "/innovations/" + innovation.getSlug(), innovation.getTitle(),
					innovation.getSummary(), innovation.getOverview(), innovation.getLanguage(),
					innovation.getLaunchYear(),
					(innovation.getLevel() != null) ? TermJson.of(innovation.getLevel()) : null,
					terms(innovation.getCountriesByName()), terms(innovation.getSectorsByLabel()),
					terms(innovation.getStagesInOrder()), terms(innovation.getTagsByLabel()),
					innovation.getOrganisations().stream().map(OrganisationJson::of).toList(),
					innovation.getLinks().stream().map(LinkJson::of).toList(),
					LocationJson.of(innovation.getLocation()), sections, innovation.getPublishedAt(),
					innovation.getUpdatedAt(), innovation.isDemo());
		}

		private static List<TermJson> terms(Collection<? extends TaxonomyTerm> terms) {
			return terms.stream().map(TermJson::of).toList();
		}

	}

	/** A term of a taxonomy: its key, as URLs and filters use it, and its label. */
	@Schema(name = "Term")
	record TermJson(String key, String label) {

		static TermJson of(TaxonomyTerm term) {
			return new TermJson(term.getKey(), term.getLabel());
		}

	}

	/** An organisation behind a case, with its type (or null). */
	record OrganisationJson(String name, TermJson type) {

		static OrganisationJson of(Organisation organisation) {
			return new OrganisationJson(organisation.getName(),
					(organisation.getType() != null) ? TermJson.of(organisation.getType()) : null);
		}

	}

	/** A link: its kind ({@code website}, {@code video}...), address and title. */
	record LinkJson(String kind, String url, String title) {

		static LinkJson of(Link link) {
			return new LinkJson(link.getKind().name().toLowerCase(Locale.ROOT), link.getUrl(), link.getTitle());
		}

	}

	/** Where a case is: a place name and a point in degrees (WGS 84). */
	@Schema(name = "Location")
	record LocationJson(String name, double lat, double lon) {

		static LocationJson of(Location location) {
			return (location != null && location.getLatitude() != null)
					? new LocationJson(location.getName(), location.getLatitude(), location.getLongitude()) : null;
		}

	}

}
