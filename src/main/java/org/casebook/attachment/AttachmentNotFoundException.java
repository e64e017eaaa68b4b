package org.casebook.attachment;

/**
 * No such file here: not one of this case's (or draft's), or not published.
 */
public class AttachmentNotFoundException extends RuntimeException {

	public AttachmentNotFoundException() {
		super("No such file", null, false, false);
	}

}
