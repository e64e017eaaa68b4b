package org.casebook.innovation;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The page of one case. */
@Controller
class InnovationController {

	private final InnovationCatalogue catalogue;

	InnovationController(InnovationCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	@GetMapping("/innovations/{slug}")
	String show(@PathVariable String slug, Model model) {
		model.addAttribute("innovation", this.catalogue.published(slug));
		return "innovation/detail";
	}

}
