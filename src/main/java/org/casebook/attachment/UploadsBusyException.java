package org.casebook.attachment;

/**
 * As many uploads as Casebook checks at once are being checked, and this one waited its
 * time: the client should try again shortly.
 */
public class UploadsBusyException extends RuntimeException {

	public UploadsBusyException() {
		super("Every upload slot is in use", null, false, false);
	}

}
