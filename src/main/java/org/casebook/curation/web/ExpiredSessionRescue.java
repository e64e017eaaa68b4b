package org.casebook.curation.web;

import java.io.IOException;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.SimpleSavedRequest;
import org.springframework.stereotype.Component;

/**
 * Nothing typed in the case form is lost when the session ends mid-form: the step posted
 * after it ended is refused (its CSRF token belonged to the old session), but what it
 * carried is kept in a new session, and the author is sent to sign in; back on the step,
 * it is saved into their draft ({@link ContributeController}). Only a step posted from
 * Casebook's own pages is kept, so that another site cannot plant text in someone's
 * draft. Any other refusal is a plain 403.
 */
@Component
class ExpiredSessionRescue implements AccessDeniedHandler {

	/** The session attribute that holds what was typed, until the author is back. */
	static final String ATTRIBUTE = ExpiredSessionRescue.class.getName() + ".rescued";

	private static final Pattern STEP = Pattern.compile("/contribute/(\\d+)/(basics|description|story)");

	private final AccessDeniedHandler refusal = new AccessDeniedHandlerImpl();

	/**
	 * Where Spring Security's request cache keeps the address to go back to after
	 * sign-in.
	 */
	private static final String SAVED_REQUEST = "SPRING_SECURITY_SAVED_REQUEST";

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException, ServletException {
		Matcher step = STEP.matcher(request.getRequestURI().substring(request.getContextPath().length()));
		if (!(denied instanceof CsrfException) || !"POST".equals(request.getMethod()) || !step.matches()
				|| request.getUserPrincipal() != null || !sameSite(request)) {
			this.refusal.handle(request, response, denied);
			return;
		}
		Map<String, String[]> typed = new LinkedHashMap<>(request.getParameterMap());
		typed.remove("_csrf");
		typed.remove("go");
		HttpSession session = request.getSession(true);
		session.setAttribute(ATTRIBUTE, new Rescued(Long.parseLong(step.group(1)), step.group(2), typed));
		// Signed in again, the author comes back to this step (by GET: the post itself is
		// not
		// replayed), which saves what was kept.
		session.setAttribute(SAVED_REQUEST, new SimpleSavedRequest(
				request.getContextPath() + "/contribute/" + step.group(1) + "/" + step.group(2) + "?continue"));
		response.sendRedirect(request.getContextPath() + "/login?done=expired");
	}

	/** Whether the browser says the form was posted from Casebook's own pages. */
	private static boolean sameSite(HttpServletRequest request) {
		String fetchSite = request.getHeader("Sec-Fetch-Site");
		if (fetchSite != null) {
			return fetchSite.equals("same-origin");
		}
		String origin = request.getHeader("Origin");
		if (origin == null) {
			return true;
		}
		String own = request.getScheme() + "://" + request.getServerName();
		return origin.equals(own) || origin.startsWith(own + ":");
	}

	/** What a step carried when its session had ended. */
	record Rescued(long draft, String step, Map<String, String[]> typed) implements Serializable {
	}

}
