package org.casebook.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.ModelAndView;

/**
 * Spring Boot's error controller ({@code /error}), which answers what no controller did:
 * an address that does not exist, a method not allowed, a media type not acceptable, a
 * request refused before a controller saw it. Under {@code /api/} it answers an RFC 9457
 * problem, as {@link Errors} does for the API's controllers, whatever the request
 * accepts; pages keep Boot's error pages.
 * <p>
 * Not {@code spring.mvc.problemdetails.enabled}: its advice would answer every
 * controller's standard errors, pages' too, with JSON.
 */
class ProblemErrorController extends BasicErrorController {

	private final MessageSource messages;

	private final Problems problems;

	ProblemErrorController(ErrorAttributes attributes, WebProperties web, List<ErrorViewResolver> resolvers,
			MessageSource messages, JsonMapper json) {
		super(attributes, web.getError(), resolvers);
		this.messages = messages;
		this.problems = new Problems(json);
	}

	@Override
	public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
		if (isApi(request)) {
			ProblemDetail problem = problem(request);
			response.setStatus(problem.getStatus());
			return new ModelAndView(this.problems.view(problem));
		}
		return super.errorHtml(request, response);
	}

	@Override
	public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
		if (isApi(request)) {
			ProblemDetail problem = problem(request);
			// A content type set here is not negotiated: a 406 is answered too.
			return ResponseEntity.status(problem.getStatus())
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(Problems.members(problem));
		}
		return super.error(request);
	}

	private static boolean isApi(HttpServletRequest request) {
		return Problems.isApi(request, (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
	}

	/** What went wrong, said for the API's users. */
	private ProblemDetail problem(HttpServletRequest request) {
		HttpStatus status = getStatus(request);
		String key = switch (status) {
			case NOT_FOUND -> "error.api.404";
			case METHOD_NOT_ALLOWED -> "error.api.405";
			case NOT_ACCEPTABLE -> "error.api.406";
			default -> status.is5xxServerError() ? "error.5xx.text" : "error.4xx.text";
		};
		// Not the method: the error dispatch is a GET (Servlet 6.1); Allow names the
		// right one.
		String detail = this.messages.getMessage(key, null, LocaleContextHolder.getLocale());
		return Problems.of(status, detail);
	}

	/** In place of Boot's own error controller, which backs off for it. */
	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		ProblemErrorController errorController(ErrorAttributes attributes, WebProperties web,
				ObjectProvider<ErrorViewResolver> resolvers, MessageSource messages, JsonMapper json) {
			return new ProblemErrorController(attributes, web, resolvers.orderedStream().toList(), messages, json);
		}

	}

}
