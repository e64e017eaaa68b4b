package org.casebook.account.web;

import jakarta.servlet.http.HttpServletResponse;
import org.casebook.account.AccountNotFoundException;
import org.casebook.account.AccountService;
import org.casebook.account.LastAdministratorException;
import org.casebook.account.Role;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Administrators see every account and grant or revoke roles. */
@Controller
class AccountAdminController {

	private final AccountService accounts;

	AccountAdminController(AccountService accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/admin/accounts")
	String accounts(Model model) {
		model.addAttribute("accounts", this.accounts.all());
		model.addAttribute("roles", Role.values());
		return "account/accounts";
	}

	@PostMapping("/admin/accounts/{id}/roles")
	String change(@PathVariable long id, @RequestParam Role role, @RequestParam boolean granted, Model model,
			HttpServletResponse response) {
		try {
			if (granted) {
				this.accounts.grant(id, role);
			}
			else {
				this.accounts.revoke(id, role);
			}
		}
		catch (AccountNotFoundException ex) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			model.addAttribute("problem", "accounts.problem.notFound");
			return accounts(model);
		}
		catch (LastAdministratorException ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("problem", "accounts.problem.lastAdministrator");
			return accounts(model);
		}
		return "redirect:/admin/accounts";
	}

}
