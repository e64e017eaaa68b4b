package org.casebook.innovation.web;

import org.casebook.innovation.Innovation;
import org.casebook.innovation.InnovationCatalogue;
import org.casebook.search.InnovationSearch;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The page of one case. */
@Controller
class InnovationController {

	static final int RELATED_CASES = 5;

	private final InnovationCatalogue catalogue;

	private final InnovationSearch search;

	InnovationController(InnovationCatalogue catalogue, InnovationSearch search) {
		this.catalogue = catalogue;
		this.search = search;
	}

	@GetMapping("/innovations/{slug}")
	String show(@PathVariable String slug, Model model) {
		Innovation innovation = this.catalogue.published(slug);
		model.addAttribute("innovation", innovation);
		model.addAttribute("related", this.search.related(innovation, RELATED_CASES));
		return "innovation/detail";
	}

}
