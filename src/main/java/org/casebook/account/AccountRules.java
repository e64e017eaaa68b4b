package org.casebook.account;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What an address, a name and a password must be. Passwords follow NIST SP 800-63B: long
 * enough, any characters, no other composition rule; capped so that hashing one costs a
 * bounded time.
 */
final class AccountRules {

	static final int PASSWORD_MIN = 10;

	static final int PASSWORD_MAX = 128;

	static final int NAME_MAX = 120;

	static final int EMAIL_MAX = 254;

	private AccountRules() {
	}

	/** An address as accounts keep it: trimmed, in lower case. */
	static String normalise(String email) {
		return (email != null) ? email.strip().toLowerCase(Locale.ROOT) : "";
	}

	static void check(String email, String displayName, String password) {
		Map<String, String> problems = new LinkedHashMap<>();
		String emailProblem = emailProblem(email);
		if (emailProblem != null) {
			problems.put("email", emailProblem);
		}
		String name = (displayName != null) ? displayName.strip() : "";
		if (name.isEmpty()) {
			problems.put("displayName", "account.problem.name.empty");
		}
		else if (name.length() > NAME_MAX || hasControl(name)) {
			problems.put("displayName", "account.problem.name.invalid");
		}
		String passwordProblem = passwordProblem(password, email);
		if (passwordProblem != null) {
			problems.put("password", passwordProblem);
		}
		if (!problems.isEmpty()) {
			throw new InvalidAccountException(problems);
		}
	}

	static void checkPassword(String password, String email) {
		String problem = passwordProblem(password, email);
		if (problem != null) {
			throw new InvalidAccountException(Map.of("password", problem));
		}
	}

	/** A plausible address: something, one @, a domain with a dot; no spaces. */
	static String emailProblem(String email) {
		String normal = normalise(email);
		if (normal.isEmpty()) {
			return "account.problem.email.empty";
		}
		int at = normal.indexOf('@');
		boolean valid = normal.length() <= EMAIL_MAX && at > 0 && at <= 64 && at == normal.lastIndexOf('@')
				&& normal.indexOf('.', at) > at + 1 && !normal.endsWith(".") && normal.chars()
					.noneMatch((c) -> Character.isWhitespace(c) || Character.isISOControl(c) || c == '<' || c == '>');
		return valid ? null : "account.problem.email.invalid";
	}

	private static String passwordProblem(String password, String email) {
		if (password == null || password.codePointCount(0, password.length()) < PASSWORD_MIN) {
			return "account.problem.password.short";
		}
		if (password.length() > PASSWORD_MAX) {
			return "account.problem.password.long";
		}
		if (password.strip().equalsIgnoreCase(normalise(email))) {
			return "account.problem.password.email";
		}
		return null;
	}

	private static boolean hasControl(String text) {
		return text.chars().anyMatch(Character::isISOControl);
	}

}
