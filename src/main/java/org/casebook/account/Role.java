package org.casebook.account;

/**
 * What an account may do. Each role includes the ones before it: an editor contributes,
 * an administrator edits.
 */
public enum Role {

	/** Submits cases and proposes changes to published ones. */
	CONTRIBUTOR,
	/** Reviews, publishes, edits and imports cases. */
	EDITOR,
	/** Manages accounts and the search index. */
	ADMIN;

	/** The name Spring Security gives the role. */
	public String authority() {
		return "ROLE_" + name();
	}

	/** Each role above the next: what {@code RoleHierarchy} reads. */
	public static String hierarchy() {
		return "ROLE_ADMIN > ROLE_EDITOR\nROLE_EDITOR > ROLE_CONTRIBUTOR";
	}

}
