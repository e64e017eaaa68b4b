package org.casebook.opendata.web;

import java.util.List;

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
class CaseApiController {

	private final CaseRecords records;

	private final Taxonomies taxonomies;

	CaseApiController(CaseRecords records, Taxonomies taxonomies) {
		this.records = records;
		this.taxonomies = taxonomies;
	}

	@GetMapping("/api/v1/innovations/{slug}")
	CaseDocument innovation(@PathVariable String slug) {
		return this.records.published(List.of(slug))
			.stream()
			.findFirst()
			.map((record) -> CaseDocument.of(record, this.taxonomies))
			.orElseThrow(() -> new InnovationNotFoundException(slug));
	}

}
