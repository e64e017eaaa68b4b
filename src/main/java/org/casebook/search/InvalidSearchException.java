package org.casebook.search;

import org.springframework.context.MessageSourceResolvable;

/**
 * A search request that cannot be understood, such as a year that is not a number. It is
 * answered with 400 and the message named here.
 */
public class InvalidSearchException extends RuntimeException implements MessageSourceResolvable {

	private final String messageKey;

	private final transient Object[] arguments;

	public InvalidSearchException(String messageKey, Object... arguments) {
		super(messageKey);
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	@Override
	public String[] getCodes() {
		return new String[] { this.messageKey };
	}

	@Override
	public Object[] getArguments() {
		return this.arguments.clone();
	}

}
