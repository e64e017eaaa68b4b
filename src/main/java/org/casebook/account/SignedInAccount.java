package org.casebook.account;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * Who is signed in, as the session keeps it: the address (the principal's name), the name
 * to show, the roles. An account not verified yet is disabled: it cannot sign in.
 */
public class SignedInAccount extends User {

	private static final long serialVersionUID = 1L;

	private final long id;

	private final String displayName;

	SignedInAccount(Account account, Collection<? extends GrantedAuthority> authorities) {
		super(account.getEmail(), account.getPasswordHash(), account.isEmailVerified(), true, true, true, authorities);
		this.id = account.getId();
		this.displayName = account.getDisplayName();
	}

	public long getId() {
		return this.id;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	/** Whether it holds this role or one that includes it (as {@link Role} names it). */
	public boolean can(String role) {
		Role wanted = Role.valueOf(role);
		return getAuthorities().stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch((held) -> held.startsWith("ROLE_") && Role.valueOf(held.substring(5)).compareTo(wanted) >= 0);
	}

}
