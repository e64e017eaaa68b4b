package org.casebook.account.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page, and the same page again when a sign-in failed
 * ({@link SignInFailures}).
 */
@Controller
class SignInController {

	@GetMapping("/login")
	String signIn(@RequestParam(required = false) String done, Model model) {
		if (done != null && done.matches("[a-z-]{1,20}")) {
			model.addAttribute("notice", "signIn.done." + done);
		}
		return "account/login";
	}

}
