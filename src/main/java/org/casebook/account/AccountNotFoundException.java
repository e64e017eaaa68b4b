package org.casebook.account;

/** No account has this id. */
public class AccountNotFoundException extends RuntimeException {

	AccountNotFoundException() {
		super("No such account");
	}

}
