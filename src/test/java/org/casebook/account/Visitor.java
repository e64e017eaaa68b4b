package org.casebook.account;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * One browser, for tests of the whole application: it keeps the session cookie that
 * Casebook sets (sessions live in PostgreSQL, found by that cookie, as for a real
 * browser) and reads CSRF tokens from forms.
 */
public final class Visitor {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final MockMvc mvc;

	private Cookie session;

	public Visitor(MockMvc mvc) {
		this.mvc = mvc;
	}

	public ResultActions perform(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
		if (this.session != null) {
			request.cookie(this.session);
		}
		ResultActions result = this.mvc.perform(request);
		Cookie cookie = result.andReturn().getResponse().getCookie("SESSION");
		if (cookie != null) {
			this.session = (cookie.getMaxAge() == 0) ? null : cookie;
		}
		return result;
	}

	/** A CSRF token of this visitor's session, from the form of a page that has one. */
	public String csrf(String page) throws Exception {
		String html = perform(get(page)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		Matcher matcher = CSRF.matcher(html);
		if (!matcher.find()) {
			throw new AssertionError("No CSRF token in the form of " + page);
		}
		return matcher.group(1);
	}

	/** Whether it has a session cookie. */
	public boolean hasSession() {
		return this.session != null;
	}

}
