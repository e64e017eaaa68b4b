package org.casebook.account.web;

import java.security.Principal;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.casebook.account.AccountService;
import org.casebook.account.InvalidAccountException;
import org.casebook.site.SiteUrls;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Signing up, verifying an address, resetting a forgotten password, and one's own
 * account. A form that cannot be accepted comes back with what was typed (but passwords)
 * and a message beside each field at fault, under 400.
 */
@Controller
class AccountController {

	private final AccountService accounts;

	private final SiteUrls urls;

	AccountController(AccountService accounts, SiteUrls urls) {
		this.accounts = accounts;
		this.urls = urls;
	}

	@GetMapping("/signup")
	String signUpForm() {
		return "account/signup";
	}

	@PostMapping("/signup")
	String signUp(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String displayName,
			@RequestParam(defaultValue = "") String password, Locale locale, Model model,
			HttpServletResponse response) {
		try {
			this.accounts.signUp(email, displayName, password, this.urls.absolute(""), locale);
		}
		catch (InvalidAccountException ex) {
			model.addAttribute("email", email);
			model.addAttribute("displayName", displayName);
			return invalid(ex, model, response, "account/signup");
		}
		return sent(model, "sent.signUp", email);
	}

	@GetMapping("/verify-email")
	String verifyForm(@RequestParam(defaultValue = "") String token, Model model) {
		model.addAttribute("token", token);
		return "account/verify";
	}

	@PostMapping("/verify-email")
	String verify(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
		if (this.accounts.verifyEmail(token)) {
			return "redirect:/login?done=verified";
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("expired", true);
		return "account/resend";
	}

	@GetMapping("/verify-email/resend")
	String resendForm() {
		return "account/resend";
	}

	@PostMapping("/verify-email/resend")
	String resend(@RequestParam(defaultValue = "") String email, Locale locale, Model model) {
		this.accounts.resendVerification(email, this.urls.absolute(""), locale);
		return sent(model, "sent.verify", email);
	}

	@GetMapping("/forgot-password")
	String forgotForm() {
		return "account/forgot";
	}

	@PostMapping("/forgot-password")
	String forgot(@RequestParam(defaultValue = "") String email, Locale locale, Model model) {
		this.accounts.requestPasswordReset(email, this.urls.absolute(""), locale);
		return sent(model, "sent.reset", email);
	}

	@GetMapping("/reset-password")
	String resetForm(@RequestParam(defaultValue = "") String token, Model model) {
		model.addAttribute("token", token);
		return "account/reset";
	}

	@PostMapping("/reset-password")
	String reset(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
			Model model, HttpServletResponse response) {
		model.addAttribute("token", token);
		try {
			if (this.accounts.resetPassword(token, password)) {
				return "redirect:/login?done=reset";
			}
		}
		catch (InvalidAccountException ex) {
			return invalid(ex, model, response, "account/reset");
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("expired", true);
		return "account/forgot";
	}

	@GetMapping("/account")
	String account(Principal principal, Model model) {
		model.addAttribute("account", this.accounts.find(principal.getName()).orElseThrow());
		return "account/account";
	}

	@PostMapping("/account/password")
	String changePassword(Principal principal, @RequestParam(defaultValue = "") String current,
			@RequestParam(defaultValue = "") String password, Model model, HttpServletResponse response) {
		try {
			this.accounts.changePassword(principal.getName(), current, password);
		}
		catch (InvalidAccountException ex) {
			model.addAttribute("account", this.accounts.find(principal.getName()).orElseThrow());
			return invalid(ex, model, response, "account/account");
		}
		return "redirect:/account?changed";
	}

	private static String invalid(InvalidAccountException ex, Model model, HttpServletResponse response, String view) {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		Map<String, String> problems = ex.problems();
		model.addAttribute("problems", problems);
		return view;
	}

	private static String sent(Model model, String message, String email) {
		model.addAttribute("message", message);
		model.addAttribute("email", email);
		return "account/sent";
	}

}
