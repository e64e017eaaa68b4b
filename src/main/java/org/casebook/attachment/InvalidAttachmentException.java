package org.casebook.attachment;

import org.springframework.context.MessageSourceResolvable;

/**
 * An upload or a description that Casebook does not take, with what to change: a message
 * of the bundle and its arguments, for the field it concerns.
 */
public class InvalidAttachmentException extends RuntimeException implements MessageSourceResolvable {

	private final String field;

	private final String code;

	private final Object[] arguments;

	public InvalidAttachmentException(String field, String code, Object... arguments) {
		super(code, null, false, false);
		this.field = field;
		this.code = code;
		this.arguments = arguments;
	}

	/** The form field it concerns: {@code file}, {@code description}, or another's. */
	public String getField() {
		return this.field;
	}

	@Override
	public String[] getCodes() {
		return new String[] { this.code };
	}

	@Override
	public Object[] getArguments() {
		return this.arguments;
	}

}
