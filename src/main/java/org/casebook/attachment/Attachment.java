package org.casebook.attachment;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An image or a document of a case, or of a submission while it is written; its bytes are
 * kept apart ({@link AttachmentContent}), by their hash.
 */
@Entity
@Table(name = "attachment")
public class Attachment {

	@Id
	private UUID id;

	@Column(name = "submission_id")
	private Long submissionId;

	@Column(name = "innovation_id")
	private Long innovationId;

	@Column(name = "origin_id")
	private UUID originId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private AttachmentKind kind;

	@Column(name = "media_type", nullable = false)
	private String mediaType;

	@Column(name = "file_name", nullable = false)
	private String fileName;

	@Column(nullable = false)
	private long size;

	@Column(nullable = false)
	private String sha256;

	@Column(nullable = false)
	private String description = "";

	private Integer width;

	private Integer height;

	@Column(nullable = false)
	private int position;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected Attachment() {
	}

	Attachment(long submissionId, AttachmentKind kind, String mediaType, String fileName, long size, String sha256,
			String description, Integer width, Integer height, int position, Instant now) {
		this.id = UUID.randomUUID();
		this.submissionId = submissionId;
		this.kind = kind;
		this.mediaType = mediaType;
		this.fileName = fileName;
		this.size = size;
		this.sha256 = sha256;
		this.description = description;
		this.width = width;
		this.height = height;
		this.position = position;
		this.createdAt = now;
	}

	/** A copy of a case's file for a proposed change to it, standing for it. */
	Attachment copyFor(long submissionId) {
		Attachment copy = new Attachment(submissionId, this.kind, this.mediaType, this.fileName, this.size, this.sha256,
				this.description, this.width, this.height, this.position, this.createdAt);
		copy.originId = this.id;
		return copy;
	}

	/** Becomes the case's, its id kept. */
	void moveTo(long innovationId) {
		this.submissionId = null;
		this.originId = null;
		this.innovationId = innovationId;
	}

	/** Takes what a proposed change says of this file. */
	void takeFrom(Attachment change) {
		this.description = change.description;
		this.position = change.position;
	}

	void describe(String description) {
		this.description = description;
	}

	void moveToPosition(int position) {
		this.position = position;
	}

	public UUID getId() {
		return this.id;
	}

	public Long getSubmissionId() {
		return this.submissionId;
	}

	public Long getInnovationId() {
		return this.innovationId;
	}

	UUID getOriginId() {
		return this.originId;
	}

	public AttachmentKind getKind() {
		return this.kind;
	}

	public boolean isImage() {
		return this.kind == AttachmentKind.IMAGE;
	}

	public String getMediaType() {
		return this.mediaType;
	}

	/**
	 * Its name, made safe: what a download is saved as, and the last part of its address.
	 */
	public String getFileName() {
		return this.fileName;
	}

	public long getSize() {
		return this.size;
	}

	/** The SHA-256 of its bytes as served, in hexadecimal. */
	public String getSha256() {
		return this.sha256;
	}

	/** An image's text alternative, or a document's title (may be empty). */
	public String getDescription() {
		return this.description;
	}

	/** A document's title: its description, else its file name. */
	public String getTitle() {
		return this.description.isBlank() ? this.fileName : this.description;
	}

	/** The key of its type's name in the message bundle ("PDF", "JPEG image"). */
	public String getTypeLabel() {
		return FileTypes.label(this.mediaType);
	}

	/** An image's thumbnail's width, else null. */
	public Integer getThumbnailWidth() {
		return thumbnailSide(this.width, this.height);
	}

	/** An image's thumbnail's height, else null. */
	public Integer getThumbnailHeight() {
		return thumbnailSide(this.height, this.width);
	}

	private static Integer thumbnailSide(Integer side, Integer other) {
		if (side == null || other == null) {
			return null;
		}
		double factor = Math.min(1.0, (double) Images.THUMBNAIL / Math.max(side, other));
		return Math.max(1, (int) Math.round(side * factor));
	}

	public Integer getWidth() {
		return this.width;
	}

	public Integer getHeight() {
		return this.height;
	}

	public int getPosition() {
		return this.position;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
