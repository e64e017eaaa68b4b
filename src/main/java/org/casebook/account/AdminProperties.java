package org.casebook.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator, made on the first start that finds none
 * ({@code CASEBOOK_ADMIN_EMAIL}, {@code CASEBOOK_ADMIN_PASSWORD}). There is no default:
 * without them Casebook starts with no administrator, and says so.
 *
 * @param email the administrator's address
 * @param password the administrator's password (10 characters or more)
 * @param name the name shown for the administrator
 */
@ConfigurationProperties("casebook.admin")
public record AdminProperties(String email, String password, String name) {

	public AdminProperties {
		name = (name == null || name.isBlank()) ? "Administrator" : name;
	}

	boolean given() {
		return this.email != null && !this.email.isBlank() && this.password != null && !this.password.isEmpty();
	}

}
