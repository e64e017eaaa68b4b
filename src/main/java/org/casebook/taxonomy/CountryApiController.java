package org.casebook.taxonomy;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.persistence.EntityManager;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every country and grouping as open data: its key (used in URLs), name, ISO 3166-1
 * numeric code (Natural Earth's id, which the map's shapes carry), representative point,
 * and for a grouping its members.
 */
@RestController
@Tag(name = "Taxonomies", description = "The terms that cases are filtered by")
class CountryApiController {

	private final EntityManager entityManager;

	private final Taxonomies taxonomies;

	CountryApiController(EntityManager entityManager, Taxonomies taxonomies) {
		this.entityManager = entityManager;
		this.taxonomies = taxonomies;
	}

	@GetMapping("/api/v1/countries")
	@Transactional(readOnly = true)
	@Operation(summary = "List every country and grouping",
			description = "With its ISO 3166-1 numeric code (the id of its shape on the map), its representative "
					+ "point, and for a grouping such as the European Union its members.")
	ResponseEntity<List<CountryJson>> countries(Locale locale) {
		TermLabels labels = this.taxonomies.in(locale);
		List<CountryJson> countries = this.entityManager
			.createQuery("select distinct c from Country c left join fetch c.members", Country.class)
			.getResultList()
			.stream()
			.map((country) -> CountryJson.of(country, labels.of(country)))
			.sorted(Comparator.comparing(CountryJson::label, labels.collation()))
			.toList();
		return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic()).body(countries);
	}

	/**
	 * A country or grouping as the API gives it.
	 *
	 * @param key its key in URLs
	 * @param label its name in the language asked for (CLDR's in French and Spanish)
	 * @param isoNumeric its ISO 3166-1 numeric code, which the map's shapes carry
	 * @param lat the latitude of its representative point
	 * @param members the keys of the members of a grouping; absent for a country
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(name = "Country")
	record CountryJson(String key, String label, String isoNumeric, Double lat, Double lon, boolean grouping,
			List<String> members) {

		static CountryJson of(Country country, String label) {
			return new CountryJson(country.getKey(), label, country.getIsoNumeric(), country.getLatitude(),
					country.getLongitude(), country.isGrouping(),
					country.isGrouping() ? List.copyOf(country.getMemberKeys()) : null);
		}

	}

}
