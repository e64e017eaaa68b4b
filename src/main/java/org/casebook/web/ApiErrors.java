package org.casebook.web;

import java.util.Locale;

import jakarta.persistence.PersistenceException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.casebook.search.InvalidSearchException;
import org.casebook.search.SearchIndexMaintenance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What went wrong with a JSON API request, as JSON: {@code {"status", "error"}} with a
 * message that says what to change, 503 with a Retry-After while the database cannot be
 * reached. Comes before {@link ErrorPages}, for the API's controllers only.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

	private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

	private final MessageSource messages;

	private final DatabaseFailures databaseFailures;

	ApiErrors(MessageSource messages, DatabaseFailures databaseFailures) {
		this.messages = messages;
		this.databaseFailures = databaseFailures;
	}

	@ExceptionHandler(InvalidSearchException.class)
	ResponseEntity<ApiError> invalidSearch(InvalidSearchException ex, Locale locale) {
		return error(HttpStatus.BAD_REQUEST, this.messages.getMessage(ex, locale));
	}

	@ExceptionHandler(SearchIndexMaintenance.RepairRunningException.class)
	ResponseEntity<ApiError> repairRunning(Locale locale) {
		return error(HttpStatus.CONFLICT, this.messages.getMessage("admin.repairRunning", null, locale));
	}

	@ExceptionHandler(InvalidParameterException.class)
	ResponseEntity<ApiError> undecodable(Locale locale) {
		return error(HttpStatus.BAD_REQUEST, this.messages.getMessage("error.undecodable", null, locale));
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, HandlerMethodValidationException.class,
			MissingServletRequestParameterException.class })
	ResponseEntity<ApiError> badRequest(Locale locale) {
		return error(HttpStatus.BAD_REQUEST, this.messages.getMessage("error.4xx.text", null, locale));
	}

	@ExceptionHandler({ DataAccessException.class, TransactionException.class, PersistenceException.class })
	ResponseEntity<ApiError> database(RuntimeException ex, Locale locale) {
		if (this.databaseFailures.isUnavailable(ex)) {
			log.warn("The database cannot be reached: {}", ex.toString());
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header("Retry-After", DatabaseFailures.RETRY_AFTER)
				.body(new ApiError(503, this.messages.getMessage("error.503.text", null, locale)));
		}
		log.error("Database failure", ex);
		return error(HttpStatus.INTERNAL_SERVER_ERROR, this.messages.getMessage("error.5xx.text", null, locale));
	}

	private static ResponseEntity<ApiError> error(HttpStatus status, String message) {
		return ResponseEntity.status(status).body(new ApiError(status.value(), message));
	}

	/**
	 * An API error.
	 *
	 * @param status the HTTP status
	 * @param error what went wrong, and what to do about it
	 */
	record ApiError(int status, String error) {
	}

}
