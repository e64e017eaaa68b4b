package org.casebook.account;

/** Casebook keeps at least one administrator: the last one's role cannot be revoked. */
public class LastAdministratorException extends RuntimeException {

	LastAdministratorException() {
		super("The last administrator keeps the role");
	}

}
