package org.casebook.curation.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.casebook.account.SignedInAccount;
import org.casebook.attachment.InvalidAttachmentException;
import org.casebook.attachment.Uploads;
import org.casebook.attachment.web.AttachmentResponses;
import org.casebook.curation.FormStep;
import org.casebook.curation.SubmissionNotFoundException;
import org.casebook.curation.Submissions;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The "Images and files" step of a draft: one form (multipart, so that it works without
 * JavaScript) that uploads a file with its description, changes the descriptions of the
 * files already there and removes one; and the files themselves, for their author and for
 * editors only, until the case is published.
 */
@Controller
class DraftFilesController {

	private static final Pattern DESCRIPTION = Pattern.compile("descriptions\\[([0-9a-fA-F-]{36})]");

	private final Submissions submissions;

	private final Uploads uploads;

	private final StepPages pages;

	private final AttachmentResponses responses;

	private final MessageSource messages;

	DraftFilesController(Submissions submissions, Uploads uploads, StepPages pages, AttachmentResponses responses,
			MessageSource messages) {
		this.submissions = submissions;
		this.uploads = uploads;
		this.pages = pages;
		this.responses = responses;
		this.messages = messages;
	}

	@PostMapping("/contribute/{id}/files")
	String save(@AuthenticationPrincipal SignedInAccount me, @PathVariable long id,
			@RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "") String description,
			@RequestParam(required = false) UUID remove, @RequestParam(defaultValue = "save") String go,
			@RequestParam Map<String, String> parameters, Model model, HttpServletResponse response, Locale locale) {
		Map<UUID, String> descriptions = descriptions(parameters);
		Map<String, InvalidAttachmentException> problems = new LinkedHashMap<>(
				this.submissions.describeFiles(me.getId(), id, descriptions));
		if (remove != null) {
			this.submissions.detach(me.getId(), id, remove);
		}
		if (file != null && !file.isEmpty()) {
			try {
				Uploads.PreparedFile prepared = this.uploads.prepare(file.getOriginalFilename(), file.getSize(), file);
				this.submissions.attach(me.getId(), id, prepared, description);
				description = "";
			}
			catch (InvalidAttachmentException ex) {
				problems.put(ex.getField(), ex);
			}
		}
		else if (!description.isBlank()) {
			problems.put("file", new InvalidAttachmentException("file", "attachment.problem.noFile"));
		}
		if (!problems.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			Map<String, String> shown = new LinkedHashMap<>();
			problems.forEach((field, problem) -> shown.put(field, this.messages.getMessage(problem, locale)));
			model.addAttribute("fileProblems", shown);
			model.addAttribute("typedDescription", description);
			model.addAttribute("typedDescriptions", descriptions);
			Submissions.Draft draft = this.submissions.draft(me.getId(), id);
			return this.pages.page(draft, draft.form(), FormStep.FILES, shown, model);
		}
		FormStep target = switch (go) {
			case "next" -> FormStep.FILES.next();
			case "previous" -> FormStep.FILES.previous();
			default -> FormStep.FILES;
		};
		return "redirect:/contribute/" + id + "/" + target.path() + "?saved";
	}

	@GetMapping("/contribute/{id}/files/{fileId}/{name}")
	ResponseEntity<byte[]> file(@AuthenticationPrincipal SignedInAccount me, @PathVariable long id,
			@PathVariable UUID fileId, @PathVariable String name, HttpServletRequest request) {
		var file = this.submissions.file(me.getId(), id, fileId);
		if (!file.getFileName().equals(name)) {
			throw new SubmissionNotFoundException();
		}
		return this.responses.file(file, false, request);
	}

	@GetMapping("/contribute/{id}/thumbnails/{fileId}")
	ResponseEntity<byte[]> thumbnail(@AuthenticationPrincipal SignedInAccount me, @PathVariable long id,
			@PathVariable UUID fileId, HttpServletRequest request) {
		return this.responses.thumbnail(this.submissions.file(me.getId(), id, fileId), false, request);
	}

	@GetMapping("/review/{id}/files/{fileId}/{name}")
	ResponseEntity<byte[]> fileForReview(@PathVariable long id, @PathVariable UUID fileId, @PathVariable String name,
			HttpServletRequest request) {
		var file = this.submissions.fileForReview(id, fileId);
		if (!file.getFileName().equals(name)) {
			throw new SubmissionNotFoundException();
		}
		return this.responses.file(file, false, request);
	}

	@GetMapping("/review/{id}/thumbnails/{fileId}")
	ResponseEntity<byte[]> thumbnailForReview(@PathVariable long id, @PathVariable UUID fileId,
			HttpServletRequest request) {
		return this.responses.thumbnail(this.submissions.fileForReview(id, fileId), false, request);
	}

	/** The descriptions posted, by file (at most as many as a case may have files). */
	private static Map<UUID, String> descriptions(Map<String, String> parameters) {
		Map<UUID, String> descriptions = new LinkedHashMap<>();
		for (Map.Entry<String, String> parameter : parameters.entrySet()) {
			Matcher matcher = DESCRIPTION.matcher(parameter.getKey());
			if (matcher.matches() && descriptions.size() < 100) {
				try {
					descriptions.put(UUID.fromString(matcher.group(1)), parameter.getValue());
				}
				catch (IllegalArgumentException ex) {
					// Not an id: no file of the draft has it.
				}
			}
		}
		return descriptions;
	}

}
