package org.casebook.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A link sent by mail, kept as the hash of its token until it is used or expires. */
@Entity
@Table(name = "account_token")
class AccountToken {

	@Id
	@Column(name = "token_hash")
	private String tokenHash;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "account_id")
	private Account account;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Purpose purpose;

	@Column(name = "expires_at", nullable = false)
	private Instant expiresAt;

	@Column(name = "used_at")
	private Instant usedAt;

	protected AccountToken() {
	}

	AccountToken(String tokenHash, Account account, Purpose purpose, Instant expiresAt) {
		this.tokenHash = tokenHash;
		this.account = account;
		this.purpose = purpose;
		this.expiresAt = expiresAt;
	}

	Account getAccount() {
		return this.account;
	}

	/** Whether it may still be used for this. */
	boolean usable(Purpose purpose, Instant now) {
		return this.purpose == purpose && this.usedAt == null && now.isBefore(this.expiresAt);
	}

	/** Whether it may still be used for this, and marks it used if so. */
	boolean use(Purpose purpose, Instant now) {
		if (!usable(purpose, now)) {
			return false;
		}
		this.usedAt = now;
		return true;
	}

	/** What a link does. */
	enum Purpose {

		VERIFY_EMAIL, RESET_PASSWORD

	}

}
