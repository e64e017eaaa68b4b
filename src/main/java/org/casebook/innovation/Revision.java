package org.casebook.innovation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.envers.RevisionEntity;
import org.hibernate.envers.RevisionNumber;
import org.hibernate.envers.RevisionTimestamp;

/**
 * One change of one or more cases, as Hibernate Envers records it: when, by whom and how
 * (an edit, an import...). The cases as they were after it are in the audit tables
 * ({@code innovation_aud} and the like).
 */
@Entity
@Table(name = "revision")
@RevisionEntity(RevisionAuthor.class)
public class Revision {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "revision_seq")
	@SequenceGenerator(name = "revision_seq", sequenceName = "revision_seq", allocationSize = 1)
	@RevisionNumber
	private long id;

	@RevisionTimestamp
	@Column(name = "made_at", nullable = false)
	private Instant madeAt;

	/** Who made it: a user's name, or what made it (such as a data load). */
	@Column(nullable = false)
	private String author;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Kind kind = Kind.EDIT;

	public long getId() {
		return this.id;
	}

	public Instant getMadeAt() {
		return this.madeAt;
	}

	public String getAuthor() {
		return this.author;
	}

	void setAuthor(String author) {
		this.author = author;
	}

	public Kind getKind() {
		return this.kind;
	}

	void setKind(Kind kind) {
		this.kind = kind;
	}

	/** How a revision came about. */
	public enum Kind {

		/** A case written or changed by someone. */
		EDIT,
		/** Cases written by an import of a file. */
		IMPORT,
		/** Cases written by Casebook itself (seed data). */
		SYSTEM

	}

}
