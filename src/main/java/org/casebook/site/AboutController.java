package org.casebook.site;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * What Casebook is, under which licence its data may be reused, whom it owes the data and
 * code it shows, and how accessible it is.
 */
@Controller
class AboutController {

	private final SiteProperties properties;

	AboutController(SiteProperties properties) {
		this.properties = properties;
	}

	@GetMapping("/about")
	String about(Model model) {
		model.addAttribute("site", this.properties);
		return "about";
	}

}
