package org.casebook.search;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The list of innovations: the catalogue's front page. */
@Controller
class SearchController {

	static final int PAGE_SIZE = 20;

	private final InnovationSearch search;

	SearchController(InnovationSearch search) {
		this.search = search;
	}

	@GetMapping({ "/", "/innovations" })
	String list(@RequestParam(defaultValue = "1") @Min(1) @Max(1_000_000) int page, Model model) {
		model.addAttribute("results", this.search.newest(page, PAGE_SIZE));
		return "search/list";
	}

}
