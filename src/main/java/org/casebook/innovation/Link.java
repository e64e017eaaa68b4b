package org.casebook.innovation;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A link from a case: its website, a related page or a video. */
@Embeddable
public class Link {

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private LinkKind kind;

	@Column(nullable = false)
	private String url;

	private String title;

	protected Link() {
	}

	public Link(LinkKind kind, String url, String title) {
		this.kind = kind;
		this.url = url;
		this.title = title;
	}

	public LinkKind getKind() {
		return this.kind;
	}

	public String getUrl() {
		return this.url;
	}

	public String getTitle() {
		return this.title;
	}

}
