package org.casebook.curation.web;

import java.util.Map;

import org.casebook.attachment.AttachmentLimits;
import org.casebook.attachment.Attachments;
import org.casebook.curation.CaseForm;
import org.casebook.curation.FormStep;
import org.casebook.curation.Submissions;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The page of a step of the case form, as the form's controllers show it: the draft as
 * typed, the step's problems beside their fields, how many each step has, and the draft's
 * files where a step shows them.
 */
@Component
class StepPages {

	private final CaseFormOptions options;

	private final Attachments attachments;

	private final AttachmentLimits limits;

	StepPages(CaseFormOptions options, Attachments attachments, AttachmentLimits limits) {
		this.options = options;
		this.attachments = attachments;
		this.limits = limits;
	}

	String page(Submissions.Draft draft, CaseForm form, FormStep step, Map<String, String> problems, Model model) {
		model.addAttribute("draft", draft.submission());
		model.addAttribute("changes", draft.caseSlug());
		model.addAttribute("form", form);
		model.addAttribute("step", step);
		model.addAttribute("steps", FormStep.values());
		model.addAttribute("problems", problems);
		model.addAttribute("stepProblems", this.options.problemsByStep(draft.form()));
		if (step == FormStep.FILES || step == FormStep.CHECK) {
			model.addAttribute("files", this.attachments.ofSubmission(draft.submission().getId()));
			model.addAttribute("limits", this.limits);
			if (!model.containsAttribute("fileProblems")) {
				model.addAttribute("fileProblems", Map.of());
				model.addAttribute("typedDescriptions", Map.of());
			}
		}
		this.options.addTo(model);
		return "curation/step";
	}

}
