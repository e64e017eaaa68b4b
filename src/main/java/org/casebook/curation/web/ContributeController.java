package org.casebook.curation.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.casebook.account.SignedInAccount;
import org.casebook.curation.CaseForm;
import org.casebook.curation.FormStep;
import org.casebook.curation.SimilarCases;
import org.casebook.curation.SubmissionNotFoundException;
import org.casebook.curation.Submissions;
import org.casebook.curation.web.ExpiredSessionRescue.Rescued;
import org.casebook.search.InnovationHit;
import org.casebook.search.SearchLabels;

import org.springframework.beans.MutablePropertyValues;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.DataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Submit a case": a draft written in steps, each saved when it is left (without
 * JavaScript too, as plain form posts), with the problems of the step beside its fields.
 * Nothing typed is lost: a step is saved whatever its problems; only submitting needs
 * none.
 */
@Controller
class ContributeController {

	private final Submissions submissions;

	private final CaseFormOptions options;

	private final SimilarCases similarCases;

	private final StepPages pages;

	private final SearchLabels labels;

	ContributeController(Submissions submissions, CaseFormOptions options, SimilarCases similarCases, StepPages pages,
			SearchLabels labels) {
		this.submissions = submissions;
		this.options = options;
		this.similarCases = similarCases;
		this.pages = pages;
		this.labels = labels;
	}

	@GetMapping("/contribute")
	String start() {
		return "curation/start";
	}

	@PostMapping("/contribute")
	String startDraft(@AuthenticationPrincipal SignedInAccount me) {
		return "redirect:/contribute/" + this.submissions.start(me.getId()).getId() + "/basics";
	}

	@PostMapping("/contribute/change/{slug}")
	String proposeChange(@AuthenticationPrincipal SignedInAccount me, @PathVariable String slug) {
		return "redirect:/contribute/" + this.submissions.proposeChange(me.getId(), slug).getId() + "/basics";
	}

	@GetMapping("/contribute/{id}/{step}")
	String step(@AuthenticationPrincipal SignedInAccount me, @PathVariable long id, @PathVariable String step,
			Model model, HttpSession session) {
		FormStep formStep = step(step);
		rescue(me, id, formStep, session, model);
		Submissions.Draft draft = this.submissions.draft(me.getId(), id);
		if (formStep == FormStep.CHECK) {
			model.addAttribute("similar", similar(draft));
		}
		return page(draft, draft.form(), formStep,
				(formStep == FormStep.CHECK) ? this.options.problems(draft.form()) : Map.of(), model);
	}

	@PostMapping("/contribute/{id}/{step}")
	String save(@AuthenticationPrincipal SignedInAccount me, @PathVariable long id, @PathVariable String step,
			@ModelAttribute("posted") CaseForm posted, @RequestParam(defaultValue = "save") String go, Model model,
			HttpServletResponse response) {
		FormStep formStep = step(step);
		Map<String, String> problems = this.submissions.save(me.getId(), id, formStep, posted);
		FormStep target = switch (go) {
			case "next" -> formStep.next();
			case "previous" -> formStep.previous();
			default -> formStep;
		};
		if (!problems.isEmpty() && target != formStep.previous()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("saved", true);
			return page(this.submissions.draft(me.getId(), id), posted, formStep, problems, model);
		}
		return "redirect:/contribute/" + id + "/" + target.path() + "?saved";
	}

	@PostMapping("/contribute/{id}/submit")
	String submit(@AuthenticationPrincipal SignedInAccount me, @PathVariable long id, Model model,
			HttpServletResponse response) {
		Map<String, String> problems = this.submissions.submit(me.getId(), id);
		if (!problems.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			Submissions.Draft draft = this.submissions.draft(me.getId(), id);
			model.addAttribute("similar", similar(draft));
			return page(draft, draft.form(), FormStep.CHECK, problems, model);
		}
		return "redirect:/account/cases?submitted=" + id;
	}

	/**
	 * Saves what a step carried when the author's session had ended, now that they are
	 * back ({@link ExpiredSessionRescue} kept it).
	 */
	private void rescue(SignedInAccount me, long id, FormStep step, HttpSession session, Model model) {
		if (session == null || !(session.getAttribute(ExpiredSessionRescue.ATTRIBUTE) instanceof Rescued rescued)
				|| rescued.draft() != id || !rescued.step().equals(step.path())) {
			return;
		}
		session.removeAttribute(ExpiredSessionRescue.ATTRIBUTE);
		CaseForm typed = new CaseForm();
		DataBinder binder = new DataBinder(typed);
		binder.setAutoGrowCollectionLimit(CaseForm.ROWS * 10);
		binder.bind(new MutablePropertyValues(rescued.typed()));
		this.submissions.save(me.getId(), id, step, typed);
		model.addAttribute("rescued", true);
	}

	private String page(Submissions.Draft draft, CaseForm form, FormStep step, Map<String, String> problems,
			Model model) {
		return this.pages.page(draft, form, step, problems, model);
	}

	/**
	 * The published cases most like a draft, their countries named in the reader's
	 * language.
	 */
	private List<InnovationHit> similar(Submissions.Draft draft) {
		return this.labels.in(LocaleContextHolder.getLocale(), this.similarCases.of(draft));
	}

	private static FormStep step(String path) {
		FormStep step = FormStep.of(path);
		if (step == null) {
			throw new SubmissionNotFoundException();
		}
		return step;
	}

}
