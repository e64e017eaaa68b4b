package org.casebook.search.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.casebook.search.InnovationHit;
import org.casebook.search.InnovationSearch;
import org.casebook.search.SearchLabels;
import org.casebook.search.SearchQueryParser;
import org.casebook.search.SearchResults;
import org.casebook.taxonomy.GovernmentLevel;
import org.casebook.taxonomy.InnovationStage;
import org.casebook.taxonomy.OrganisationType;
import org.casebook.taxonomy.Sector;
import org.casebook.taxonomy.Taxonomies;
import org.casebook.taxonomy.TaxonomyTerm;
import org.casebook.taxonomy.TermLabels;

import org.springframework.context.MessageSource;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The search as JSON, with the same parameters as the list page and complete facet lists.
 */
@RestController
@Tag(name = "Search", description = "The published cases, searched as the list page searches them")
class SearchApiController {

	private final SearchQueryParser parser;

	private final InnovationSearch search;

	private final MessageSource messages;

	private final Taxonomies taxonomies;

	private final SearchLabels labels;

	SearchApiController(SearchQueryParser parser, InnovationSearch search, MessageSource messages,
			Taxonomies taxonomies, SearchLabels labels) {
		this.parser = parser;
		this.search = search;
		this.messages = messages;
		this.taxonomies = taxonomies;
		this.labels = labels;
	}

	@SearchWork
	@GetMapping("/api/v1/innovations")
	@Operation(summary = "Search the published cases",
			description = "A page of the cases that match, with the counts of every facet value and year of launch: "
					+ "the list page's search (its parameters are the list's), as JSON, with complete facet lists.")
	SearchJson search(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters, Locale locale) {
		SearchQueryParser.Parsed parsed = this.parser.parse(parameters);
		// Labels in the reader's language (Accept-Language, or lang=); the search is the
		// same in every language.
		SearchResults results = this.labels.in(locale, this.search.search(parsed.query()));
		TermLabels terms = this.taxonomies.in(locale);
		Map<String, List<?>> facets = new LinkedHashMap<>();
		results.facets().forEach((facet, values) -> facets.put(facet.parameter(), values));
		facets.put("year",
				results.years()
					.stream()
					.map((year) -> new YearJson(Integer.toString(year.year()), year.count()))
					.toList());
		return new SearchJson(results.total(), results.page().page(), results.page().size(),
				results.page().items().stream().map((hit) -> ItemJson.of(hit, terms)).toList(), facets,
				parsed.notices().stream().map((notice) -> this.messages.getMessage(notice, locale)).toList());
	}

	/**
	 * A page of a search.
	 *
	 * @param total how many cases match
	 * @param facets every facet's values with their counts, by the facet's URL parameter,
	 * and the cases per year of launch as {@code year}
	 * @param notices what was changed in the search to answer it, such as an unknown
	 * value left out
	 */
	record SearchJson(long total, int page, int size, List<ItemJson> items, Map<String, List<?>> facets,
			List<String> notices) {
	}

	/**
	 * A case in a list.
	 *
	 * @param url its page
	 * @param language the language its texts are written in (ISO 639-1)
	 * @param year its year of launch
	 * @param level its level of government, or null
	 * @param organisationTypes the types of its organisations, each once
	 * @param location where it is, or null
	 * @param demo whether it is a generated demonstration case
	 */
	record ItemJson(String slug, String url, String title, String summary, String language, List<TermJson> countries,
			Integer year, TermJson level, List<TermJson> sectors, List<TermJson> stages, List<TermJson> tags,
			List<TermJson> organisationTypes, LocationJson location, Instant publishedAt, boolean demo) {

		static ItemJson of(InnovationHit hit, TermLabels taxonomies) {
			List<TermJson> countries = new ArrayList<>();
			for (int i = 0; i < hit.countryKeys().size(); i++) {
				countries.add(new TermJson(hit.countryKeys().get(i), hit.countries().get(i)));
			}
			LocationJson location = (hit.point() != null)
					? new LocationJson(hit.locationName(), hit.point().latitude(), hit.point().longitude()) : null;
			InnovationHit.TermKeys terms = hit.terms();
			return new ItemJson(hit.slug(), "/innovations/" + hit.slug(), hit.title(), hit.summary(), hit.language(),
					countries, hit.launchYear(),
					(terms.level() != null) ? TermJson.of(GovernmentLevel.class, terms.level(), taxonomies) : null,
					TermJson.of(Sector.class, terms.sectors(), taxonomies),
					TermJson.of(InnovationStage.class, terms.stages(), taxonomies),
					TermJson.of(org.casebook.taxonomy.Tag.class, terms.tags(), taxonomies),
					TermJson.of(OrganisationType.class, terms.organisationTypes(), taxonomies), location,
					hit.publishedAt(), hit.demo());
		}

	}

	/** A term of a taxonomy: its key, as filters use it, and its label. */
	record TermJson(String key, String label) {

		static TermJson of(Class<? extends TaxonomyTerm> taxonomy, String key, TermLabels taxonomies) {
			return new TermJson(key, taxonomies.of(taxonomy, key));
		}

		static List<TermJson> of(Class<? extends TaxonomyTerm> taxonomy, List<String> keys, TermLabels taxonomies) {
			return keys.stream().map((key) -> of(taxonomy, key, taxonomies)).toList();
		}

	}

	@Schema(name = "Location")
	record LocationJson(String name, double lat, double lon) {
	}

	/** Cases launched in a year. */
	record YearJson(String key, long count) {
	}

}
