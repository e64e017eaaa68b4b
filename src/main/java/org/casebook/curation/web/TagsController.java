package org.casebook.curation.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.casebook.curation.InvalidTagException;
import org.casebook.curation.TagEditing;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Editors' page of the tags: every tag with its use, and forms to add, rename and merge
 * them. A change that cannot be made comes back as the page, with what was typed and the
 * reason beside its field, under a 400.
 */
@Controller
class TagsController {

	private final TagEditing tags;

	TagsController(TagEditing tags) {
		this.tags = tags;
	}

	@GetMapping("/review/tags")
	String tags(Model model) {
		model.addAttribute("tags", this.tags.tags());
		return "curation/tags";
	}

	@PostMapping("/review/tags")
	String add(@RequestParam(defaultValue = "") String label, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			redirect.addAttribute("added", this.tags.add(label));
			return "redirect:/review/tags";
		}
		catch (InvalidTagException ex) {
			return refused("add", ex, Map.of("label", label), model, response);
		}
	}

	@PostMapping("/review/tags/rename")
	String rename(@RequestParam(defaultValue = "") String tag, @RequestParam(defaultValue = "") String newLabel,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.tags.rename(tag, newLabel);
			redirect.addAttribute("renamed", tag);
			return "redirect:/review/tags";
		}
		catch (InvalidTagException ex) {
			return refused("rename", ex, Map.of("tag", tag, "newLabel", newLabel), model, response);
		}
	}

	@PostMapping("/review/tags/merge")
	String merge(@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String into,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.tags.merge(from, into);
			redirect.addAttribute("merged", into);
			return "redirect:/review/tags";
		}
		catch (InvalidTagException ex) {
			return refused("merge", ex, Map.of("from", from, "into", into), model, response);
		}
	}

	/** The page again, the form's fields as typed and its problem beside its field. */
	private String refused(String form, InvalidTagException ex, Map<String, String> typed, Model model,
			HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute(form, typed);
		model.addAttribute("problem", Map.of("field", form + "-" + ex.getField(), "message", ex.getMessageKey()));
		return tags(model);
	}

}
