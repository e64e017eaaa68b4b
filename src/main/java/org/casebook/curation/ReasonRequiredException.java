package org.casebook.curation;

/** Returning or declining a submission needs a reason, which its author reads. */
public class ReasonRequiredException extends RuntimeException {

	ReasonRequiredException() {
		super("A reason is required");
	}

}
