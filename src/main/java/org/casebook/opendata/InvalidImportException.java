package org.casebook.opendata;

import org.springframework.context.MessageSourceResolvable;

/** An import asked for in a way Casebook cannot take, with the message that says why. */
public class InvalidImportException extends RuntimeException implements MessageSourceResolvable {

	private final String messageKey;

	public InvalidImportException(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	@Override
	public String[] getCodes() {
		return new String[] { this.messageKey };
	}

}
