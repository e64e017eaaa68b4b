package org.casebook.curation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.casebook.attachment.Attachment;
import org.casebook.attachment.Attachments;
import org.casebook.attachment.InvalidAttachmentException;
import org.casebook.attachment.Uploads;
import org.casebook.innovation.HistoryBaseline;
import org.casebook.innovation.Innovation;
import org.casebook.innovation.InnovationNotFoundException;
import org.casebook.innovation.InnovationRepository;
import org.casebook.innovation.PublicationStatus;
import org.casebook.innovation.Provenance;
import org.casebook.innovation.Slugs;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The way in for cases: contributors write drafts (saved at every step, problems and
 * all), submit them, see where they stand; editors take them from the queue, oldest
 * first, and publish, return or decline them with a reason. A published case is never
 * edited by its author: they propose a change, reviewed like a new case. Publishing
 * writes the case in one transaction (a revision by the editor); the index follows at
 * commit.
 */
@Service
@Transactional
public class Submissions {

	private final SubmissionRepository submissions;

	private final InnovationRepository innovations;

	private final CaseForms forms;

	private final CaseFormRules rules;

	private final HistoryBaseline baseline;

	private final Attachments attachments;

	private final JsonMapper json;

	private final Clock clock;

	private final String licence;

	Submissions(SubmissionRepository submissions, InnovationRepository innovations, CaseForms forms,
			CaseFormRules rules, HistoryBaseline baseline, Attachments attachments, JsonMapper json, Clock clock,
			@Value("${casebook.data-licence:CC BY 4.0}") String licence) {
		this.submissions = submissions;
		this.innovations = innovations;
		this.forms = forms;
		this.rules = rules;
		this.baseline = baseline;
		this.attachments = attachments;
		this.json = json;
		this.clock = clock;
		this.licence = licence;
	}

	/** A new, empty draft of a new case. */
	public Submission start(long authorId) {
		return this.submissions.save(new Submission(authorId, null, "", write(blank()), now()));
	}

	/**
	 * A draft of a change to a published case, starting from the case as published; the
	 * author's draft of a change to it that is not submitted yet, if there is one.
	 */
	public Submission proposeChange(long authorId, String slug) {
		Innovation published = this.innovations.findBySlugAndStatus(slug, PublicationStatus.PUBLISHED)
			.orElseThrow(() -> new InnovationNotFoundException(slug));
		return this.submissions.findByAuthorIdOrderByUpdatedAtDescIdDesc(authorId)
			.stream()
			.filter((submission) -> published.getId().equals(submission.getChangesId()) && submission.isEditable())
			.findFirst()
			.orElseGet(() -> {
				CaseForm form = this.forms.of(published);
				Submission change = new Submission(authorId, published.getId(), published.getTitle(), write(form),
						now());
				change.save(published.getTitle(), write(form), form.completeness(), now());
				change = this.submissions.save(change);
				this.attachments.copyToChange(published.getId(), change.getId());
				return change;
			});
	}

	/** An author's own submission with its form. */
	@Transactional(readOnly = true)
	public Draft draft(long authorId, long id) {
		Submission submission = own(authorId, id);
		return new Draft(submission, read(submission), slugOfChanged(submission));
	}

	/**
	 * Saves what was posted for one step of an author's draft, whatever its problems.
	 * @return the problems of that step
	 * @throws SubmissionStateException if it is not the author's to change now
	 */
	public Map<String, String> save(long authorId, long id, FormStep step, CaseForm posted) {
		Submission submission = own(authorId, id);
		requireEditable(submission);
		CaseForm form = read(submission);
		form.copyStep(step, posted);
		submission.save(form.getTitle().strip(), write(form), form.completeness(), now());
		return this.rules.problems(form, step);
	}

	/**
	 * Submits an author's draft for review, if it has no problem left.
	 * @return its problems: empty when it was submitted
	 */
	public Map<String, String> submit(long authorId, long id) {
		Submission submission = own(authorId, id);
		requireEditable(submission);
		Map<String, String> problems = this.rules.problems(read(submission));
		if (problems.isEmpty()) {
			submission.submit(now());
		}
		return problems;
	}

	/**
	 * Adds a file to an author's draft.
	 * @throws InvalidAttachmentException if it cannot be added (its description, or the
	 * draft's limits)
	 */
	public Attachment attach(long authorId, long id, Uploads.PreparedFile file, String description) {
		Submission submission = own(authorId, id);
		requireEditable(submission);
		submission.touch(now());
		return this.attachments.add(id, file, description);
	}

	/**
	 * Changes the descriptions of the files of an author's draft.
	 * @return the problems by field; those files keep their descriptions
	 */
	public Map<String, InvalidAttachmentException> describeFiles(long authorId, long id,
			Map<UUID, String> descriptions) {
		Submission submission = own(authorId, id);
		requireEditable(submission);
		submission.touch(now());
		return this.attachments.describe(id, descriptions);
	}

	/** Removes a file from an author's draft. */
	public void detach(long authorId, long id, UUID fileId) {
		Submission submission = own(authorId, id);
		requireEditable(submission);
		submission.touch(now());
		this.attachments.remove(id, fileId);
	}

	/** The files of an author's own submission. */
	@Transactional(readOnly = true)
	public List<Attachment> files(long authorId, long id) {
		return this.attachments.ofSubmission(own(authorId, id).getId());
	}

	/** A file of an author's own submission. */
	@Transactional(readOnly = true)
	public Attachment file(long authorId, long id, UUID fileId) {
		return this.attachments.ofSubmission(own(authorId, id).getId(), fileId)
			.orElseThrow(SubmissionNotFoundException::new);
	}

	/** The files of a submission, for its review. */
	@Transactional(readOnly = true)
	public List<Attachment> filesForReview(long id) {
		return this.attachments.ofSubmission(id);
	}

	/** A file of a submission, for its review. */
	@Transactional(readOnly = true)
	public Attachment fileForReview(long id, UUID fileId) {
		return this.attachments.ofSubmission(id, fileId).orElseThrow(SubmissionNotFoundException::new);
	}

	/** An author's submissions, the latest changed first. */
	@Transactional(readOnly = true)
	public List<Submission> mine(long authorId) {
		return this.submissions.findByAuthorIdOrderByUpdatedAtDescIdDesc(authorId);
	}

	/** Submissions shown on a page of the review queue. */
	public static final int QUEUE_PAGE = 50;

	/**
	 * What waits for editors, oldest first, a page at a time.
	 * @param kind {@code new}, {@code change}, or null for both
	 * @param complete only those whose narrative is all written (true), only the others
	 * (false), or both (null)
	 * @param page from 0
	 */
	@Transactional(readOnly = true)
	public Page<Submission> queue(String kind, Boolean complete, int page) {
		return this.submissions.queue(kind, complete, PageRequest.of(Math.max(0, page), QUEUE_PAGE));
	}

	/** A submission as an editor reviews it. */
	@Transactional(readOnly = true)
	public Draft forReview(long id) {
		Submission submission = this.submissions.findById(id).orElseThrow(SubmissionNotFoundException::new);
		return new Draft(submission, read(submission), slugOfChanged(submission));
	}

	/**
	 * Publishes a pending submission: a new case, or the change to its case.
	 * @return the slug of the case
	 */
	public String publish(long editorId, long id) {
		Submission submission = pending(id);
		CaseForm form = read(submission);
		if (!this.rules.problems(form).isEmpty()) {
			throw new SubmissionStateException();
		}
		Instant now = now();
		Innovation innovation;
		if (submission.isChange()) {
			innovation = this.innovations.findById(submission.getChangesId())
				.orElseThrow(SubmissionNotFoundException::new);
			this.baseline.ensure(List.of(innovation.getId()));
			this.forms.apply(form, innovation);
			innovation.changed(now);
		}
		else {
			innovation = new Innovation(uniqueSlug(form.getTitle()), form.getTitle().strip(), form.getLanguage(), now);
			this.forms.apply(form, innovation);
			innovation.setProvenance(new Provenance(null, null, this.licence));
			innovation.publish(now);
			innovation = this.innovations.save(innovation);
		}
		innovation.setCoverImage(this.attachments.publish(submission.getId(), innovation.getId()));
		submission.decide(Submission.State.PUBLISHED, null, editorId, now);
		submission.published(innovation.getId());
		return innovation.getSlug();
	}

	/**
	 * Publishes an editor's own draft at once, without waiting in the queue: how editors
	 * edit any case (a change to it, written in the same form as everyone's) and publish
	 * their own new cases. The case's revision is theirs, as when they publish another's.
	 * @return the slug of the case, or empty when the draft still has problems (it is
	 * then left as it was)
	 */
	public Optional<String> publishOwn(long editorId, long id) {
		if (!submit(editorId, id).isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(publish(editorId, id));
	}

	/**
	 * Sends a pending submission back to its author, who may change it and submit again.
	 */
	public void returnToAuthor(long editorId, long id, String reason) {
		pending(id).decide(Submission.State.RETURNED, requireReason(reason), editorId, now());
	}

	/** Declines a pending submission: "reviewed – not currently published". */
	public void decline(long editorId, long id, String reason) {
		pending(id).decide(Submission.State.DECLINED, requireReason(reason), editorId, now());
	}

	private Submission own(long authorId, long id) {
		return this.submissions.findById(id)
			.filter((submission) -> submission.getAuthorId() == authorId)
			.orElseThrow(SubmissionNotFoundException::new);
	}

	private Submission pending(long id) {
		Submission submission = this.submissions.findById(id).orElseThrow(SubmissionNotFoundException::new);
		if (submission.getState() != Submission.State.PENDING) {
			throw new SubmissionStateException();
		}
		return submission;
	}

	private static void requireEditable(Submission submission) {
		if (!submission.isEditable()) {
			throw new SubmissionStateException();
		}
	}

	private static String requireReason(String reason) {
		if (reason == null || reason.isBlank()) {
			throw new ReasonRequiredException();
		}
		return reason.strip();
	}

	private String slugOfChanged(Submission submission) {
		Long id = (submission.getChangesId() != null) ? submission.getChangesId() : submission.getInnovationId();
		return (id != null) ? this.innovations.findById(id).map(Innovation::getSlug).orElse(null) : null;
	}

	private String uniqueSlug(String title) {
		String base = Slugs.of(title);
		String slug = base;
		for (int i = 2; this.innovations.existsBySlug(slug); i++) {
			slug = base + "-" + i;
		}
		return slug;
	}

	private static CaseForm blank() {
		CaseForm form = new CaseForm();
		form.padRows();
		return form;
	}

	private CaseForm read(Submission submission) {
		CaseForm form = this.json.readValue(submission.getFields(), CaseForm.class);
		form.padRows();
		return form;
	}

	private String write(CaseForm form) {
		return this.json.writeValueAsString(form);
	}

	private Instant now() {
		return this.clock.instant();
	}

	/**
	 * A submission with its form as typed.
	 *
	 * @param caseSlug the slug of the case it changes or became, or null
	 */
	public record Draft(Submission submission, CaseForm form, String caseSlug) {
	}

}
