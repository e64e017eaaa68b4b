package org.casebook.curation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A case on its way in: a contributor's new case, or a proposed change to a published
 * one. It keeps the form as typed ({@link CaseForm}, as JSON) and where it stands; an
 * editor's decision comes with its reason.
 */
@Entity
@Table(name = "submission")
public class Submission {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "author_id", nullable = false)
	private long authorId;

	/** The published case it proposes a change to, or null for a new case. */
	@Column(name = "changes_id")
	private Long changesId;

	/** The case it became or changed, once published. */
	@Column(name = "innovation_id")
	private Long innovationId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private State state = State.DRAFT;

	@Column(nullable = false)
	private String title = "";

	@Column(nullable = false)
	private String fields;

	/**
	 * The part of the narrative written, in percent ({@link CaseForm#completeness()}).
	 */
	@Column(nullable = false)
	private int completeness;

	@Column(name = "review_note")
	private String reviewNote;

	@Column(name = "reviewed_by")
	private Long reviewedBy;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Column(name = "submitted_at")
	private Instant submittedAt;

	@Column(name = "reviewed_at")
	private Instant reviewedAt;

	protected Submission() {
	}

	Submission(long authorId, Long changesId, String title, String fields, Instant now) {
		this.authorId = authorId;
		this.changesId = changesId;
		this.title = title;
		this.fields = fields;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/** Whether its author may change it: a draft, or one returned to them. */
	public boolean isEditable() {
		return this.state == State.DRAFT || this.state == State.RETURNED;
	}

	void save(String title, String fields, int completeness, Instant now) {
		this.title = title;
		this.fields = fields;
		this.completeness = completeness;
		this.updatedAt = now;
	}

	/** Its files changed. */
	void touch(Instant now) {
		this.updatedAt = now;
	}

	void submit(Instant now) {
		this.state = State.PENDING;
		this.submittedAt = now;
		this.updatedAt = now;
	}

	void decide(State state, String note, long editorId, Instant now) {
		this.state = state;
		this.reviewNote = note;
		this.reviewedBy = editorId;
		this.reviewedAt = now;
		this.updatedAt = now;
	}

	void published(long innovationId) {
		this.innovationId = innovationId;
	}

	public Long getId() {
		return this.id;
	}

	public long getAuthorId() {
		return this.authorId;
	}

	public Long getChangesId() {
		return this.changesId;
	}

	/** Whether it proposes a change to a published case (else it is a new case). */
	public boolean isChange() {
		return this.changesId != null;
	}

	public Long getInnovationId() {
		return this.innovationId;
	}

	public State getState() {
		return this.state;
	}

	public String getTitle() {
		return this.title;
	}

	String getFields() {
		return this.fields;
	}

	public int getCompleteness() {
		return this.completeness;
	}

	public String getReviewNote() {
		return this.reviewNote;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public Instant getSubmittedAt() {
		return this.submittedAt;
	}

	public Instant getReviewedAt() {
		return this.reviewedAt;
	}

	/** Where a submission stands. */
	public enum State {

		/** Being written; only its author sees it. */
		DRAFT,
		/** Submitted; waits for an editor. */
		PENDING,
		/** Sent back to its author with a reason, to change and submit again. */
		RETURNED,
		/** Reviewed and not published, with a reason. */
		DECLINED,
		/** Published: a case of the catalogue, or the change made to one. */
		PUBLISHED;

		public String messageKey() {
			return "submission.state." + name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
