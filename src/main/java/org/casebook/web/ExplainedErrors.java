package org.casebook.web;

import java.io.IOException;
import java.io.PrintWriter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every error answer says what went wrong. Some parts answer an error status with no body
 * at all (the actuator for an unknown health group, for example): those go through the
 * error pages like any other error. And {@code /error} asked for directly, which has no
 * error to show (Boot would answer it with a 500), is a page that does not exist.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ExplainedErrors extends OncePerRequestFilter {

	private static final String ERROR_PATH = "/error";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getRequestURI().equals(request.getContextPath() + ERROR_PATH)
				|| request.getRequestURI().startsWith(request.getContextPath() + ERROR_PATH + "/")) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		BodyWatch watched = new BodyWatch(response);
		chain.doFilter(request, watched);
		if (response.getStatus() >= 400 && !watched.bodyStarted && !response.isCommitted()) {
			response.sendError(response.getStatus());
		}
	}

	/** Notices whether anything set out to write a body. */
	private static final class BodyWatch extends HttpServletResponseWrapper {

		private boolean bodyStarted;

		BodyWatch(HttpServletResponse response) {
			super(response);
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			this.bodyStarted = true;
			return super.getOutputStream();
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			this.bodyStarted = true;
			return super.getWriter();
		}

		@Override
		public void sendError(int status) throws IOException {
			this.bodyStarted = true;
			super.sendError(status);
		}

		@Override
		public void sendError(int status, String message) throws IOException {
			this.bodyStarted = true;
			super.sendError(status, message);
		}

	}

}
