package org.casebook.account;

import java.util.Map;

/**
 * What was typed cannot make or change an account: the message key of each field's
 * problem, by field name.
 */
public class InvalidAccountException extends RuntimeException {

	private final Map<String, String> problems;

	InvalidAccountException(Map<String, String> problems) {
		super("Invalid account fields: " + problems.keySet());
		this.problems = Map.copyOf(problems);
	}

	/**
	 * Message keys by field name ({@code email}, {@code displayName}, {@code password}).
	 */
	public Map<String, String> problems() {
		return this.problems;
	}

}
