package org.casebook.curation.web;

import org.casebook.account.SignedInAccount;
import org.casebook.curation.Submissions;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** "My cases": every submission of the signed-in contributor, where it stands and why. */
@Controller
class MyCasesController {

	private final Submissions submissions;

	MyCasesController(Submissions submissions) {
		this.submissions = submissions;
	}

	@GetMapping("/account/cases")
	String mine(@AuthenticationPrincipal SignedInAccount me, Model model) {
		model.addAttribute("submissions", this.submissions.mine(me.getId()));
		return "curation/mine";
	}

}
