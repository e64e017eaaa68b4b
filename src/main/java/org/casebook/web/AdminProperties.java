package org.casebook.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The administrator's account, for the maintenance endpoints under {@code /admin}.
 *
 * @param password the password of the user {@code admin}
 * ({@code CASEBOOK_ADMIN_PASSWORD}); when unset, a random one is made at startup and
 * logged
 */
@ConfigurationProperties("casebook.admin")
public record AdminProperties(String password) {
}
