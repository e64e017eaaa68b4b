package org.casebook.account.web;

import org.casebook.account.SignedInAccount;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page who is signed in (or null), for the header. */
@ControllerAdvice
class SignedInModel {

	@ModelAttribute("signedIn")
	SignedInAccount signedIn(@AuthenticationPrincipal SignedInAccount account) {
		return account;
	}

}
