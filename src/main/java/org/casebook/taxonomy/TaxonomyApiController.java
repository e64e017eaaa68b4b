package org.casebook.taxonomy;

import java.time.Duration;
import java.util.List;

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

	TaxonomyApiController(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	@GetMapping("/api/v1/taxonomies")
	@Transactional(readOnly = true)
	@Operation(summary = "List every taxonomy's terms",
			description = "Each taxonomy by the name of its filter's parameter, its terms in the filters' order.")
	ResponseEntity<TaxonomiesJson> taxonomies() {
		TaxonomiesJson taxonomies = new TaxonomiesJson(terms(Country.class), terms(OrganisationType.class),
				terms(Sector.class), terms(GovernmentLevel.class), terms(InnovationStage.class), terms(Tag.class));
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
			.body(taxonomies);
	}

	private List<TermJson> terms(Class<? extends TaxonomyTerm> taxonomy) {
		return Taxonomies.termsInOrder(this.entityManager, taxonomy)
			.stream()
			.map((term) -> new TermJson(term.getKey(), term.getLabel()))
			.toList();
	}

	/**
	 * Every taxonomy, by the name of its filter's URL parameter where it has one.
	 *
	 * @param country countries and groupings of countries
	 * @param orgType types of organisation
	 * @param level levels of government
	 * @param stage stages of an innovation
	 */
	record TaxonomiesJson(List<TermJson> country, List<TermJson> orgType, List<TermJson> sector, List<TermJson> level,
			List<TermJson> stage, List<TermJson> tag) {
	}

	/** A term: its key and its label. */
	@Schema(name = "Term")
	record TermJson(String key, String label) {
	}

}
