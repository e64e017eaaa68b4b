package org.casebook.attachment.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.casebook.attachment.Attachment;
import org.casebook.attachment.AttachmentNotFoundException;
import org.casebook.attachment.Attachments;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The images and documents of published cases. A file is found by its case and its id
 * together: the id of another case's file, or of a draft's, is not found here, and an
 * unpublished case has none.
 */
@Controller
class CaseFilesController {

	private final Attachments attachments;

	private final AttachmentResponses responses;

	CaseFilesController(Attachments attachments, AttachmentResponses responses) {
		this.attachments = attachments;
		this.responses = responses;
	}

	@GetMapping("/innovations/{slug}/files/{id}/{name}")
	ResponseEntity<byte[]> file(@PathVariable String slug, @PathVariable UUID id, @PathVariable String name,
			HttpServletRequest request) {
		Attachment file = published(slug, id);
		if (!file.getFileName().equals(name)) {
			throw new AttachmentNotFoundException();
		}
		return this.responses.file(file, true, request);
	}

	@GetMapping("/innovations/{slug}/thumbnails/{id}")
	ResponseEntity<byte[]> thumbnail(@PathVariable String slug, @PathVariable UUID id, HttpServletRequest request) {
		return this.responses.thumbnail(published(slug, id), true, request);
	}

	private Attachment published(String slug, UUID id) {
		return this.attachments.published(slug, id).orElseThrow(AttachmentNotFoundException::new);
	}

}
