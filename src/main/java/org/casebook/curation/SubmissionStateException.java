package org.casebook.curation;

/**
 * The submission cannot take this step where it stands: a submitted case is not edited by
 * its author, a decided one is not decided again.
 */
public class SubmissionStateException extends RuntimeException {

	SubmissionStateException() {
		super("The submission cannot take this step now");
	}

}
