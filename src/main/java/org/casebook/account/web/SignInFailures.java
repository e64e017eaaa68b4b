package org.casebook.account.web;

import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.casebook.account.LoginThrottledException;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

/**
 * A failed sign-in shows the sign-in page again at once, with the address typed and what
 * went wrong, under a status that says it (rather than a redirect that loses both). The
 * page is rendered here, in the security filter that checked the password.
 */
@Component
class SignInFailures implements AuthenticationFailureHandler {

	private final ViewResolver views;

	SignInFailures(@Qualifier("thymeleafViewResolver") ViewResolver views) {
		this.views = views;
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		Reason reason = Reason.of(exception);
		Locale locale = request.getLocale();
		try {
			View page = this.views.resolveViewName("account/login", locale);
			response.setStatus(reason.status());
			Map<String, Object> model = new HashMap<>();
			model.put("failure", reason);
			model.put("email", request.getParameter("email"));
			page.render(model, request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new ServletException(ex);
		}
	}

	/** Why, as the page says it. */
	enum Reason {

		CREDENTIALS(HttpServletResponse.SC_UNAUTHORIZED), UNVERIFIED(HttpServletResponse.SC_FORBIDDEN), THROTTLED(429),
		BUSY(HttpServletResponse.SC_SERVICE_UNAVAILABLE);

		private final int status;

		Reason(int status) {
			this.status = status;
		}

		int status() {
			return this.status;
		}

		/** The message key of the explanation. */
		public String messageKey() {
			return "signIn.failure." + name().toLowerCase(Locale.ROOT);
		}

		static Reason of(AuthenticationException exception) {
			if (exception instanceof LoginThrottledException) {
				return THROTTLED;
			}
			if (exception instanceof DisabledException) {
				return UNVERIFIED;
			}
			if (exception instanceof AuthenticationServiceException) {
				return BUSY;
			}
			return CREDENTIALS;
		}

	}

}
