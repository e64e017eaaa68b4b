package org.casebook.attachment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The images and documents of cases and of the submissions that become or change them. A
 * submission's files are its own while it is written; publishing it carries them to its
 * case (a proposed change starts with a copy of the case's files, each standing for the
 * file it copies: publishing the change keeps their addresses, drops what the change
 * removed and adds what it added). Who may do what is the caller's to check.
 */
@Service
@Transactional
public class Attachments {

	/** The longest text alternative or title. */
	public static final int DESCRIPTION_MAX = 300;

	private final AttachmentRepository files;

	private final AttachmentContentRepository contents;

	private final AttachmentLimits limits;

	private final Clock clock;

	Attachments(AttachmentRepository files, AttachmentContentRepository contents, AttachmentLimits limits,
			Clock clock) {
		this.files = files;
		this.contents = contents;
		this.limits = limits;
		this.clock = clock;
	}

	/** A submission's files, in their order. */
	@Transactional(readOnly = true)
	public List<Attachment> ofSubmission(long submissionId) {
		return this.files.findBySubmissionIdOrderByPositionAscCreatedAtAsc(submissionId);
	}

	/** A case's files, in their order. */
	@Transactional(readOnly = true)
	public List<Attachment> ofCase(long innovationId) {
		return this.files.findByInnovationIdOrderByPositionAscCreatedAtAsc(innovationId);
	}

	/** The files of the published case of this slug (none if it is not published). */
	@Transactional(readOnly = true)
	public List<Attachment> ofPublishedCase(String slug) {
		return this.files.ofPublished(slug);
	}

	/** A file of a submission, only if it is that submission's. */
	@Transactional(readOnly = true)
	public Optional<Attachment> ofSubmission(long submissionId, UUID id) {
		return this.files.findByIdAndSubmissionId(id, submissionId);
	}

	/** A file of the published case of this slug, only if it is that case's. */
	@Transactional(readOnly = true)
	public Optional<Attachment> published(String slug, UUID id) {
		return this.files.published(slug, id);
	}

	/** The bytes of a file as served. */
	@Transactional(readOnly = true)
	public Optional<StoredBytes> bytes(Attachment file) {
		return this.contents.bytes(file.getSha256());
	}

	/** An image's thumbnail. */
	@Transactional(readOnly = true)
	public Optional<StoredBytes> thumbnail(Attachment file) {
		return this.contents.thumbnail(file.getSha256());
	}

	/**
	 * Adds a prepared upload to a submission, after its others.
	 * @param description an image's text alternative (required) or a document's title
	 * @throws InvalidAttachmentException if the description is missing or too long, or
	 * the submission would have too many files or too many bytes
	 */
	public Attachment add(long submissionId, Uploads.PreparedFile file, String description) {
		String text = description(file.isImage(), description, "description");
		List<Attachment> present = ofSubmission(submissionId);
		if (present.size() >= this.limits.maxFiles()) {
			throw new InvalidAttachmentException("file", "attachment.problem.tooMany", this.limits.maxFiles());
		}
		long total = file.bytes().length + present.stream().mapToLong(Attachment::getSize).sum();
		if (total > this.limits.maxTotalSize().toBytes()) {
			throw new InvalidAttachmentException("file", "attachment.problem.total",
					this.limits.maxTotalSize().toMegabytes());
		}
		if (!this.contents.existsById(file.sha256())) {
			this.contents.save(new AttachmentContent(file.sha256(), file.mediaType(), file.bytes(), file.thumbnail(),
					file.thumbnailType()));
		}
		int position = present.stream().mapToInt(Attachment::getPosition).max().orElse(0) + 1;
		return this.files.save(new Attachment(submissionId, file.type().kind(), file.mediaType(), file.fileName(),
				file.bytes().length, file.sha256(), text, file.width(), file.height(), position, this.clock.instant()));
	}

	/**
	 * Changes the descriptions of a submission's files; those with a problem keep theirs.
	 * @param descriptions by file id, as typed; files not named keep theirs
	 * @return the problems, by field ({@code descriptions[id]})
	 */
	public Map<String, InvalidAttachmentException> describe(long submissionId, Map<UUID, String> descriptions) {
		Map<String, InvalidAttachmentException> problems = new LinkedHashMap<>();
		for (Attachment file : ofSubmission(submissionId)) {
			String typed = descriptions.get(file.getId());
			if (typed == null) {
				continue;
			}
			String field = "descriptions[" + file.getId() + "]";
			try {
				file.describe(description(file.isImage(), typed, field));
			}
			catch (InvalidAttachmentException ex) {
				problems.put(field, ex);
			}
		}
		return problems;
	}

	/** Removes a file from a submission (nothing if it has no such file). */
	public void remove(long submissionId, UUID id) {
		this.files.findByIdAndSubmissionId(id, submissionId).ifPresent((file) -> {
			this.files.delete(file);
			forgetUnused(Set.of(file.getSha256()));
		});
	}

	/**
	 * Gives a proposed change a copy of its case's files, each standing for the file it
	 * copies (the bytes are not copied).
	 */
	public void copyToChange(long innovationId, long submissionId) {
		for (Attachment file : ofCase(innovationId)) {
			this.files.save(file.copyFor(submissionId));
		}
	}

	/**
	 * Makes a published submission's files its case's: a copy of a case's file changes it
	 * (its address stays), a new file becomes the case's, and the case's files that the
	 * submission no longer has are removed.
	 * @return the case's first image now, the one its card shows, or null
	 */
	public UUID publish(long submissionId, long innovationId) {
		Map<UUID, Attachment> current = new HashMap<>();
		ofCase(innovationId).forEach((file) -> current.put(file.getId(), file));
		Set<UUID> kept = new HashSet<>();
		for (Attachment file : ofSubmission(submissionId)) {
			Attachment origin = (file.getOriginId() != null) ? current.get(file.getOriginId()) : null;
			if (origin != null && kept.add(origin.getId())) {
				origin.takeFrom(file);
				this.files.delete(file);
			}
			else {
				file.moveTo(innovationId);
				kept.add(file.getId());
			}
		}
		List<String> unused = new ArrayList<>();
		current.values().stream().filter((file) -> !kept.contains(file.getId())).forEach((file) -> {
			this.files.delete(file);
			unused.add(file.getSha256());
		});
		forgetUnused(unused);
		this.files.flush();
		return ofCase(innovationId).stream()
			.filter(Attachment::isImage)
			.findFirst()
			.map(Attachment::getId)
			.orElse(null);
	}

	private void forgetUnused(java.util.Collection<String> hashes) {
		if (!hashes.isEmpty()) {
			this.files.flush();
			this.contents.deleteUnused(hashes);
		}
	}

	private static String description(boolean image, String typed, String field) {
		String text = (typed != null) ? typed.strip() : "";
		if (image && text.isEmpty()) {
			throw new InvalidAttachmentException(field, "attachment.problem.altText");
		}
		if (text.length() > DESCRIPTION_MAX) {
			throw new InvalidAttachmentException(field, "attachment.problem.descriptionTooLong", DESCRIPTION_MAX);
		}
		return text;
	}

}
