package org.casebook.account;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Signs in as people do, through the form, for tests of the whole application.
 */
public final class SignIn {

	/** The administrator the test profile makes on start. */
	public static final String ADMIN = "admin@casebook.test";

	/** The administrator's password, and that of accounts made by {@link #account}. */
	public static final String PASSWORD = "test-secret";

	private SignIn() {
	}

	/** A visitor signed in with this address and password. */
	public static Visitor as(MockMvc mvc, String email, String password) throws Exception {
		Visitor visitor = new Visitor(mvc);
		signIn(visitor, email, password);
		return visitor;
	}

	/**
	 * Signs this visitor in, in the session it has.
	 * @return where the sign-in sends it
	 */
	public static String signIn(Visitor visitor, String email, String password) throws Exception {
		var response = visitor.perform(
				post("/login").param("email", email).param("password", password).param("_csrf", visitor.csrf("/login")))
			.andReturn()
			.getResponse();
		if (response.getStatus() != 302) {
			throw new AssertionError("Signing in as " + email + " answered " + response.getStatus());
		}
		return response.getRedirectedUrl();
	}

	/**
	 * Makes an account with this role and {@link #PASSWORD}, its address verified, as if
	 * its owner had signed up and followed the link and an administrator had granted it.
	 */
	public static long account(AccountService accounts, JdbcTemplate jdbc, String email, Role role) {
		accounts.signUp(email, email.substring(0, email.indexOf('@')), PASSWORD, "http://localhost",
				java.util.Locale.ENGLISH);
		long id = jdbc.queryForObject("UPDATE account SET email_verified_at = now() WHERE email = ? RETURNING id",
				Long.class, email);
		if (role != Role.CONTRIBUTOR) {
			accounts.grant(id, role);
		}
		return id;
	}

}
