package org.casebook.web;

import java.util.Locale;

import jakarta.persistence.PersistenceException;
import jakarta.servlet.http.HttpServletResponse;
import org.casebook.innovation.InnovationNotFoundException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.casebook.search.InvalidSearchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.TransactionException;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns what went wrong with a page request into a friendly page with the right status:
 * 404 for what does not exist, 400 for an address with invalid parameters (saying what is
 * wrong), 503 while the database cannot be reached. Nothing a user sends ends in a 500 or
 * a stack trace. The JSON API has its own answers ({@link ApiErrors}).
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ErrorPages {

	private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

	private final MessageSource messages;

	private final DatabaseFailures databaseFailures;

	ErrorPages(MessageSource messages, DatabaseFailures databaseFailures) {
		this.messages = messages;
		this.databaseFailures = databaseFailures;
	}

	@ExceptionHandler({ InnovationNotFoundException.class, NoResourceFoundException.class })
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

	@ExceptionHandler(InvalidSearchException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String invalidSearch(InvalidSearchException ex, Locale locale, Model model) {
		model.addAttribute("reason", this.messages.getMessage(ex, locale));
		return "error/4xx";
	}

	/** Tomcat cannot decode a parameter (a stray {@code %}, bytes that are not UTF-8). */
	@ExceptionHandler(InvalidParameterException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String undecodable(Locale locale, Model model) {
		model.addAttribute("reason", this.messages.getMessage("error.undecodable", null, locale));
		return "error/4xx";
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, HandlerMethodValidationException.class,
			MissingServletRequestParameterException.class })
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String badRequest() {
		return "error/4xx";
	}

	@ExceptionHandler({ DataAccessException.class, TransactionException.class, PersistenceException.class })
	String database(RuntimeException ex, HttpServletResponse response) {
		if (this.databaseFailures.isUnavailable(ex)) {
			log.warn("The database cannot be reached: {}", ex.toString());
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			response.setHeader("Retry-After", DatabaseFailures.RETRY_AFTER);
			return "error/503";
		}
		log.error("Database failure", ex);
		response.setStatus(HttpStatus.INTERNAL_SERVER_ERROR.value());
		return "error/5xx";
	}

}
