package org.casebook.web;

import java.util.Locale;
import java.util.Map;

import jakarta.persistence.PersistenceException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.casebook.attachment.AttachmentNotFoundException;
import org.casebook.attachment.UploadsBusyException;
import org.casebook.curation.SubmissionNotFoundException;
import org.casebook.curation.SubmissionStateException;
import org.casebook.innovation.InnovationNotFoundException;
import org.casebook.opendata.ExportsBusyException;
import org.casebook.opendata.InvalidImportException;
import org.casebook.search.InvalidSearchException;
import org.casebook.search.index.SearchIndexMaintenance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * What went wrong with a request, answered in one place for every controller: 404 for
 * what does not exist, 400 for invalid parameters saying what to change, 409 for an
 * operation already running, 503 with {@code Retry-After} while the database cannot be
 * reached. A page gets a friendly page; the JSON API an RFC 9457 problem
 * ({@code application/problem+json}) whose {@code detail} is the same message. Nothing a
 * user sends ends in a 500 or a stack trace.
 */
@ControllerAdvice
class Errors {

	private static final Logger log = LoggerFactory.getLogger(Errors.class);

	/** Seconds: exports take seconds to minutes. */
	private static final String EXPORTS_RETRY_AFTER = "30";

	/** Seconds: an upload is checked in a second or two. */
	private static final String UPLOADS_RETRY_AFTER = "5";

	private final MessageSource messages;

	private final DatabaseFailures databaseFailures;

	private final Problems problems;

	Errors(MessageSource messages, DatabaseFailures databaseFailures, JsonMapper json) {
		this.messages = messages;
		this.databaseFailures = databaseFailures;
		this.problems = new Problems(json);
	}

	@ExceptionHandler({ InnovationNotFoundException.class, NoResourceFoundException.class,
			SubmissionNotFoundException.class, AttachmentNotFoundException.class })
	ModelAndView notFound(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		return answer(request, response, locale, HttpStatus.NOT_FOUND, "error/404", message("error.404.text"), false);
	}

	@ExceptionHandler({ InvalidSearchException.class, InvalidImportException.class })
	ModelAndView invalidRequest(RuntimeException ex, HttpServletRequest request, HttpServletResponse response,
			Locale locale) {
		return answer(request, response, locale, HttpStatus.BAD_REQUEST, "error/4xx", (MessageSourceResolvable) ex,
				true);
	}

	/** Tomcat cannot decode a parameter (a stray {@code %}, bytes that are not UTF-8). */
	@ExceptionHandler(InvalidParameterException.class)
	ModelAndView undecodable(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		return answer(request, response, locale, HttpStatus.BAD_REQUEST, "error/4xx", message("error.undecodable"),
				true);
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, HandlerMethodValidationException.class,
			MissingServletRequestParameterException.class, MissingServletRequestPartException.class,
			MultipartException.class })
	ModelAndView badRequest(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		return answer(request, response, locale, HttpStatus.BAD_REQUEST, "error/4xx", message("error.4xx.text"), false);
	}

	/** An upload larger than {@code spring.servlet.multipart.max-file-size}. */
	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ModelAndView tooLarge(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		return answer(request, response, locale, HttpStatus.CONTENT_TOO_LARGE, "error/4xx", message("error.tooLarge"),
				true);
	}

	@ExceptionHandler(SubmissionStateException.class)
	ModelAndView submissionState(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		return answer(request, response, locale, HttpStatus.CONFLICT, "error/4xx", message("submission.notNow"), true);
	}

	@ExceptionHandler(SearchIndexMaintenance.RepairRunningException.class)
	ModelAndView repairRunning(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		return answer(request, response, locale, HttpStatus.CONFLICT, "error/4xx", message("admin.repairRunning"),
				true);
	}

	@ExceptionHandler(ExportsBusyException.class)
	ModelAndView exportsBusy(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		response.setHeader("Retry-After", EXPORTS_RETRY_AFTER);
		return answer(request, response, locale, HttpStatus.SERVICE_UNAVAILABLE, "error/503",
				message("opendata.exportsBusy"), true);
	}

	@ExceptionHandler(UploadsBusyException.class)
	ModelAndView uploadsBusy(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		response.setHeader("Retry-After", UPLOADS_RETRY_AFTER);
		return answer(request, response, locale, HttpStatus.SERVICE_UNAVAILABLE, "error/503",
				message("attachment.busy"), true);
	}

	@ExceptionHandler({ DataAccessException.class, TransactionException.class, PersistenceException.class })
	ModelAndView database(RuntimeException ex, HttpServletRequest request, HttpServletResponse response,
			Locale locale) {
		if (this.databaseFailures.isUnavailable(ex)) {
			log.warn("The database cannot be reached: {}", ex.toString());
			response.setHeader("Retry-After", DatabaseFailures.RETRY_AFTER);
			return answer(request, response, locale, HttpStatus.SERVICE_UNAVAILABLE, "error/503",
					message("error.503.text"), false);
		}
		log.error("Database failure", ex);
		return answer(request, response, locale, HttpStatus.INTERNAL_SERVER_ERROR, "error/5xx",
				message("error.5xx.text"), false);
	}

	/**
	 * The answer: a problem for the JSON API, else a page.
	 * @param reason what went wrong, and what to do about it
	 * @param reasonOnPage whether the page shows the reason besides its own text
	 */
	private ModelAndView answer(HttpServletRequest request, HttpServletResponse response, Locale locale,
			HttpStatus status, String page, MessageSourceResolvable reason, boolean reasonOnPage) {
		String detail = this.messages.getMessage(reason, locale);
		response.setStatus(status.value());
		if (answersJson(request)) {
			return new ModelAndView(this.problems.view(Problems.of(status, detail)));
		}
		return new ModelAndView(page, reasonOnPage ? Map.of("reason", detail) : Map.of(), status);
	}

	/**
	 * Whether the request went to the JSON API: its controllers answer JSON, errors too,
	 * and so does any address under {@code /api/}.
	 */
	private static boolean answersJson(HttpServletRequest request) {
		Object handler = request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE);
		if (handler instanceof HandlerMethod method) {
			return AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class)
					|| method.hasMethodAnnotation(ResponseBody.class);
		}
		return Problems.isApi(request, request.getRequestURI());
	}

	private static MessageSourceResolvable message(String key) {
		return new DefaultMessageSourceResolvable(key);
	}

}
