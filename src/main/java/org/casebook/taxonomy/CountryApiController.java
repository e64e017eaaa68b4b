package org.casebook.taxonomy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
class CountryApiController {

	private final EntityManager entityManager;

	CountryApiController(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	@GetMapping("/api/v1/countries")
	@Transactional(readOnly = true)
	ResponseEntity<List<Map<String, Object>>> countries() {
		List<Map<String, Object>> countries = this.entityManager
			.createQuery("select distinct c from Country c left join fetch c.members order by c.label", Country.class)
			.getResultList()
			.stream()
			.map(CountryApiController::country)
			.toList();
		return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic()).body(countries);
	}

	private static Map<String, Object> country(Country country) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("key", country.getKey());
		json.put("label", country.getLabel());
		json.put("isoNumeric", country.getIsoNumeric());
		json.put("lat", country.getLatitude());
		json.put("lon", country.getLongitude());
		json.put("grouping", country.isGrouping());
		if (country.isGrouping()) {
			json.put("members", country.getMemberKeys());
		}
		return json;
	}

}
