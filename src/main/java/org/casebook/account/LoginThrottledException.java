package org.casebook.account;

import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins to this account or from this address, lately. */
public class LoginThrottledException extends AuthenticationException {

	LoginThrottledException() {
		super("Too many failed sign-ins; try again later");
	}

}
