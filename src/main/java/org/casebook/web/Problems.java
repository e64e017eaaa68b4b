package org.casebook.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.web.servlet.View;

/**
 * How the JSON API says what went wrong: an RFC 9457 problem
 * ({@code application/problem+json}) whose {@code detail} is the message, written as
 * Spring MVC writes a {@link ProblemDetail}, whatever the request accepts.
 */
final class Problems {

	/** The JSON API's paths, after the context path. */
	static final String API = "/api/";

	private final JsonMapper json;

	Problems(JsonMapper json) {
		// As Spring MVC writes problems: any properties beside the standard members.
		this.json = json.rebuild().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();
	}

	/** Whether a path (the request's URI) is the JSON API's. */
	static boolean isApi(HttpServletRequest request, String uri) {
		return uri != null && uri.startsWith(request.getContextPath() + API);
	}

	/** A view that writes a problem, for controllers and advice that answer views. */
	View view(ProblemDetail problem) {
		return (model, request, response) -> {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			this.json.writeValue(response.getOutputStream(), problem);
		};
	}

	/** A problem as its JSON members, for answers whose body is a map. */
	static Map<String, Object> members(ProblemDetail problem) {
		Map<String, Object> members = new LinkedHashMap<>();
		// No type is about:blank (RFC 9457, section 4.2.1), as Spring MVC leaves it out.
		if (problem.getType() != null) {
			members.put("type", problem.getType().toString());
		}
		members.put("title", problem.getTitle());
		members.put("status", problem.getStatus());
		members.put("detail", problem.getDetail());
		if (problem.getInstance() != null) {
			members.put("instance", problem.getInstance().toString());
		}
		return members;
	}

	static ProblemDetail of(HttpStatus status, String detail) {
		return ProblemDetail.forStatusAndDetail(status, detail);
	}

}
