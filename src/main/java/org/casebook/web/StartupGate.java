package org.casebook.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tomcat accepts requests before the sample data and the search index are ready; until
 * then pages answer 503 with a Retry-After, rather than showing a half-loaded catalogue
 * (the JSON API with a problem, as its other errors). The health endpoints stay
 * reachable, and so do Casebook's own {@link FirstRequests}.
 */
@Component
class StartupGate extends OncePerRequestFilter {

	private final ApplicationAvailability availability;

	private final MessageSource messages;

	private final FirstRequests firstRequests;

	StartupGate(ApplicationAvailability availability, MessageSource messages, FirstRequests firstRequests) {
		this.availability = availability;
		this.messages = messages;
		this.firstRequests = firstRequests;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/actuator");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC
				|| this.firstRequests.isFirstRequest(request)) {
			chain.doFilter(request, response);
			return;
		}
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader("Retry-After", "10");
		String message = this.messages.getMessage("startup.unavailable", null, request.getLocale());
		if (Problems.isApi(request, request.getRequestURI())) {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			JsonMapper.shared()
				.writeValue(response.getOutputStream(),
						Problems.members(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, message)));
			return;
		}
		response.setContentType("text/plain;charset=UTF-8");
		response.getWriter().println(message);
	}

}
