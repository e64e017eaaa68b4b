package org.casebook.curation;

/**
 * A change of the tags that cannot be made: the field it concerns and the message that
 * says why.
 */
public class InvalidTagException extends RuntimeException {

	private final String field;

	private final String messageKey;

	public InvalidTagException(String field, String messageKey) {
		super(field + ": " + messageKey);
		this.field = field;
		this.messageKey = messageKey;
	}

	public String getField() {
		return this.field;
	}

	public String getMessageKey() {
		return this.messageKey;
	}

}
