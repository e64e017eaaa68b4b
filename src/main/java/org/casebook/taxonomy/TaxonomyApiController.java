package org.casebook.taxonomy;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.persistence.EntityManager;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every taxonomy as open data, each term with its key (as URLs and filters use it) and
 * its label, in the order the filters show them. Countries carry more at
 * {@code /api/v1/countries}.
 */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "Taxonomies", description = "The terms that cases are filtered by")
class TaxonomyApiController {

	private final EntityManager entityManager;

	private final Taxonomies taxonomies;

	TaxonomyApiController(EntityManager entityManager, Taxonomies taxonomies) {
		this.entityManager = entityManager;
		this.taxonomies = taxonomies;
	}

	@GetMapping("/api/v1/taxonomies")
	@Transactional(readOnly = true)
	@Operation(summary = "List every taxonomy's terms",
			description = "Each taxonomy by the name of its filter's parameter, its terms in the filters' order; "
					+ "labels in the language asked for (Accept-Language: English, French or Spanish), countries "
					+ "and tags in that language's alphabetical order.")
	ResponseEntity<TaxonomiesJson> taxonomies(Locale locale) {
		TermLabels labels = this.taxonomies.in(locale);
		TaxonomiesJson taxonomies = new TaxonomiesJson(terms(Country.class, labels),
				terms(OrganisationType.class, labels), terms(Sector.class, labels),
				terms(GovernmentLevel.class, labels), terms(InnovationStage.class, labels), terms(Tag.class, labels),
				terms(ContentLanguage.class, labels));
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
			.body(taxonomies);
	}

	/**
	 * A taxonomy's terms as the database has them now, named in a language: countries and
	 * tags in its order of words, the others as curated.
	 */
	private List<TermJson> terms(Class<? extends TaxonomyTerm> taxonomy, TermLabels labels) {
		List<TermJson> terms = Taxonomies.termsInOrder(this.entityManager, taxonomy)
			.stream()
			.map((term) -> new TermJson(term.getKey(), labels.of(term)))
			.toList();
		if (taxonomy != Country.class && taxonomy != Tag.class) {
			return terms;
		}
		return terms.stream().sorted(Comparator.comparing(TermJson::label, labels.collation())).toList();
	}

	/**
	 * Every taxonomy, by the name of its filter's URL parameter where it has one.
	 *
	 * @param country countries and groupings of countries
	 * @param orgType types of organisation
	 * @param level levels of government
	 * @param stage stages of an innovation
	 * @param language the languages a case can be written in
	 */
	record TaxonomiesJson(List<TermJson> country, List<TermJson> orgType, List<TermJson> sector, List<TermJson> level,
			List<TermJson> stage, List<TermJson> tag, List<TermJson> language) {
	}

	/** A term: its key and its label. */
	@Schema(name = "Term")
	record TermJson(String key, String label) {
	}

}
