package org.casebook.search.web;

import org.casebook.search.index.SearchIndexMaintenance;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Compares the search index with the published cases in PostgreSQL, and repairs it on
 * demand. Administrators only (see the README).
 */
@RestController
@RequestMapping("/admin/api/search-index")
class SearchIndexAdminController {

	private final SearchIndexMaintenance maintenance;

	SearchIndexAdminController(SearchIndexMaintenance maintenance) {
		this.maintenance = maintenance;
	}

	@GetMapping
	SearchIndexMaintenance.Consistency check() {
		return this.maintenance.check();
	}

	@PostMapping("/repair")
	SearchIndexMaintenance.Consistency repair() {
		return this.maintenance.checkAndRepair();
	}

}
