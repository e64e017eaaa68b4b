package org.casebook.curation;

/** No submission has this id, or not one the asker may see. */
public class SubmissionNotFoundException extends RuntimeException {

	public SubmissionNotFoundException() {
		super("No such submission");
	}

}
