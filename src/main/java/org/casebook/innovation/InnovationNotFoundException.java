package org.casebook.innovation;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No published case has this slug. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class InnovationNotFoundException extends RuntimeException {

	public InnovationNotFoundException(String slug) {
		super("No published innovation with slug '" + slug + "'");
	}

}
