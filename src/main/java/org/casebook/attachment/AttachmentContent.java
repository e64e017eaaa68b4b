package org.casebook.attachment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The bytes of a file as served, kept once whatever the number of cases and drafts that
 * have it, with an image's thumbnail.
 */
@Entity
@Table(name = "attachment_content")
class AttachmentContent {

	@Id
	private String sha256;

	@Column(name = "media_type", nullable = false)
	private String mediaType;

	@Column(nullable = false)
	private byte[] bytes;

	private byte[] thumbnail;

	@Column(name = "thumbnail_type")
	private String thumbnailType;

	protected AttachmentContent() {
	}

	AttachmentContent(String sha256, String mediaType, byte[] bytes, byte[] thumbnail, String thumbnailType) {
		this.sha256 = sha256;
		this.mediaType = mediaType;
		this.bytes = bytes;
		this.thumbnail = thumbnail;
		this.thumbnailType = thumbnailType;
	}

	String getSha256() {
		return this.sha256;
	}

	String getMediaType() {
		return this.mediaType;
	}

	byte[] getBytes() {
		return this.bytes;
	}

	byte[] getThumbnail() {
		return this.thumbnail;
	}

	String getThumbnailType() {
		return this.thumbnailType;
	}

}
