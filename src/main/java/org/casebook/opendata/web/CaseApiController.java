package org.casebook.opendata.web;

import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.casebook.innovation.InnovationNotFoundException;
import org.casebook.opendata.CaseDocument;
import org.casebook.opendata.CaseRecords;
import org.casebook.taxonomy.Taxonomies;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * One published case, whole, as open data: every section, its taxonomies with keys and
 * labels, organisations, links, location, language, provenance and dates. The database is
 * the source, not the index; an export's JSON lines hold the same documents.
 */
@RestController
@Tag(name = "Cases", description = "A published case, whole")
class CaseApiController {

	private final CaseRecords records;

	private final Taxonomies taxonomies;

	CaseApiController(CaseRecords records, Taxonomies taxonomies) {
		this.records = records;
		this.taxonomies = taxonomies;
	}

	@GetMapping("/api/v1/innovations/{slug}")
	@Operation(summary = "Read a published case",
			description = "Everything that the case's page shows, from the database: its texts, facts, "
					+ "organisations, links, location, provenance and licence. Each line of a JSON Lines export "
					+ "is one of these.")
	CaseDocument innovation(@Parameter(description = "The case's slug, as its URL and the search's items name it",
			example = "govtech-poland-challenge-based-procurement") @PathVariable String slug, Locale locale) {
		return this.records.published(List.of(slug))
			.stream()
			.findFirst()
			.map((record) -> CaseDocument.of(record, this.taxonomies.in(locale)))
			.orElseThrow(() -> new InnovationNotFoundException(slug));
	}

}
