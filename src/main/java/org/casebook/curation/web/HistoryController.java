package org.casebook.curation.web;

import java.util.List;
import java.util.Locale;

import org.casebook.account.SignedInAccount;
import org.casebook.attachment.Attachments;
import org.casebook.curation.CaseHistory;
import org.casebook.curation.PublishedCases;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A case's history: its versions, and what changed between any two, field by field.
 * Editors see every version, restore one, or archive the case; the public sees the
 * published versions of a published case.
 */
@Controller
class HistoryController {

	private final CaseHistory history;

	private final PublishedCases cases;

	private final Attachments attachments;

	HistoryController(CaseHistory history, PublishedCases cases, Attachments attachments) {
		this.history = history;
		this.cases = cases;
		this.attachments = attachments;
	}

	@GetMapping("/innovations/{slug}/history")
	String versions(@PathVariable String slug, @RequestParam(required = false) Long from,
			@RequestParam(required = false) Long to, @AuthenticationPrincipal SignedInAccount me, Locale locale,
			Model model) {
		boolean editor = me != null && me.can("EDITOR");
		List<CaseHistory.Version> versions = this.history.versions(slug, editor);
		model.addAttribute("slug", slug);
		model.addAttribute("versions", versions);
		model.addAttribute("editor", editor);
		// Files are not versioned: the page shows those the case has now.
		model.addAttribute("files", this.attachments.ofPublishedCase(slug));
		if (from != null && to != null) {
			model.addAttribute("from", from);
			model.addAttribute("to", to);
			model.addAttribute("changes", this.history.compare(slug, from, to, editor, locale));
		}
		else if (versions.size() > 1) {
			model.addAttribute("from", versions.get(1).revision());
			model.addAttribute("to", versions.get(0).revision());
		}
		return "curation/history";
	}

	@PostMapping("/review/cases/{slug}/restore")
	String restore(@PathVariable String slug, @RequestParam long revision) {
		this.history.restore(slug, revision);
		return "redirect:/innovations/" + slug + "/history?restored=" + revision;
	}

	@PostMapping("/review/cases/{slug}/archive")
	String archive(@PathVariable String slug) {
		this.cases.archive(slug);
		return "redirect:/innovations/" + slug + "/history?archived";
	}

}
