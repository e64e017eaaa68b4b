package org.casebook.web;

import org.casebook.innovation.InnovationNotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns what went wrong with a page request into a friendly page with the right status:
 * 404 for what does not exist, 400 for an address with invalid parameters. Nothing a user
 * sends ends in a 500 or a stack trace.
 */
@ControllerAdvice(basePackages = { "org.casebook.innovation", "org.casebook.search" })
class ErrorPages {

	@ExceptionHandler({ InnovationNotFoundException.class, NoResourceFoundException.class })
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, HandlerMethodValidationException.class,
			MissingServletRequestParameterException.class })
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String badRequest() {
		return "error/4xx";
	}

}
