package org.casebook.curation.web;

import jakarta.servlet.http.HttpServletResponse;
import org.casebook.account.SignedInAccount;
import org.casebook.curation.ReasonRequiredException;
import org.casebook.curation.Submissions;
import org.casebook.innovation.web.NarrativeHtml;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Editors' review: the queue of submitted cases and changes, oldest first; each shown as
 * it would be published, with its decision: publish, return to its author, or decline,
 * the last two with a reason.
 */
@Controller
class ReviewController {

	private final Submissions submissions;

	private final CaseFormOptions options;

	private final NarrativeHtml narrativeHtml;

	ReviewController(Submissions submissions, CaseFormOptions options, NarrativeHtml narrativeHtml) {
		this.submissions = submissions;
		this.options = options;
		this.narrativeHtml = narrativeHtml;
	}

	@GetMapping("/review")
	String queue(@RequestParam(required = false) String kind, @RequestParam(required = false) String complete,
			@RequestParam(defaultValue = "1") int page, Model model) {
		String filter = ("new".equals(kind) || "change".equals(kind)) ? kind : null;
		Boolean completeness = "yes".equals(complete) ? Boolean.TRUE : ("no".equals(complete) ? Boolean.FALSE : null);
		model.addAttribute("kind", filter);
		model.addAttribute("complete", (completeness == null) ? null : complete);
		model.addAttribute("queue",
				this.submissions.queue(filter, completeness, Math.min(Math.max(page, 1), 100_000) - 1));
		return "curation/queue";
	}

	@GetMapping("/review/{id}")
	String review(@PathVariable long id, Model model) {
		Submissions.Draft draft = this.submissions.forReview(id);
		model.addAttribute("draft", draft.submission());
		model.addAttribute("form", draft.form());
		model.addAttribute("changes", draft.caseSlug());
		model.addAttribute("labels", this.options.labels(draft.form()));
		model.addAttribute("narrativeHtml", this.narrativeHtml);
		model.addAttribute("sections", org.casebook.innovation.Section.values());
		model.addAttribute("files", this.submissions.filesForReview(id));
		return "curation/review";
	}

	@PostMapping("/review/{id}/publish")
	String publish(@AuthenticationPrincipal SignedInAccount me, @PathVariable long id) {
		String slug = this.submissions.publish(me.getId(), id);
		return "redirect:/innovations/" + slug;
	}

	/**
	 * An editor's own draft published at once: an edit of a published case, or a case of
	 * their own. One with problems goes back to its check step, which lists them.
	 */
	@PostMapping("/review/drafts/{id}/publish")
	String publishOwn(@AuthenticationPrincipal SignedInAccount me, @PathVariable long id) {
		return this.submissions.publishOwn(me.getId(), id)
			.map((slug) -> "redirect:/innovations/" + slug)
			.orElse("redirect:/contribute/" + id + "/check");
	}

	@PostMapping("/review/{id}/decide")
	String decide(@AuthenticationPrincipal SignedInAccount me, @PathVariable long id, @RequestParam String decision,
			@RequestParam(defaultValue = "") String reason, Model model, HttpServletResponse response) {
		try {
			if ("return".equals(decision)) {
				this.submissions.returnToAuthor(me.getId(), id, reason);
			}
			else {
				this.submissions.decline(me.getId(), id, reason);
			}
		}
		catch (ReasonRequiredException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("reasonMissing", true);
			return review(id, model);
		}
		return "redirect:/review?decided=" + id;
	}

}
