package org.casebook.search;

import org.springframework.context.MessageSourceResolvable;

/**
 * Something about a request worth telling its user, such as an unknown filter value that
 * was left out. Resolved against the message bundle, arguments included.
 */
public record Notice(String messageKey, Object... arguments) implements MessageSourceResolvable {

	@Override
	public String[] getCodes() {
		return new String[] { this.messageKey };
	}

	@Override
	public Object[] getArguments() {
		return this.arguments.clone();
	}

}
