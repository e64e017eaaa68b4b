package org.casebook.account;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks an address and a password, for the sign-in form and for scripts (HTTP Basic)
 * alike, within bounds: the {@link LoginThrottle} first, then at most
 * {@value #CONCURRENT_HASHES} password hashes at once (Argon2 takes 16 MB and tens of
 * milliseconds each: a flood of sign-ins waits, then is turned away, rather than exhaust
 * memory). Whether an account is verified is told only after its password matched, so
 * that a wrong password says nothing about the address.
 */
class ThrottledAuthentication implements AuthenticationProvider {

	static final int CONCURRENT_HASHES = 4;

	private final DaoAuthenticationProvider passwords;

	private final LoginThrottle throttle;

	private final Semaphore hashing = new Semaphore(CONCURRENT_HASHES);

	ThrottledAuthentication(DaoAuthenticationProvider passwords, LoginThrottle throttle) {
		this.passwords = passwords;
		this.passwords.setPreAuthenticationChecks((user) -> {
		});
		this.passwords.setPostAuthenticationChecks((user) -> {
			if (!user.isEnabled()) {
				throw new DisabledException("The address is not verified yet");
			}
		});
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String email = authentication.getName();
		String address = (authentication.getDetails() instanceof WebAuthenticationDetails details)
				? details.getRemoteAddress() : null;
		if (!this.throttle.allows(email, address)) {
			throw new LoginThrottledException();
		}
		acquire();
		try {
			Authentication result = this.passwords.authenticate(authentication);
			this.throttle.succeeded(email);
			return result;
		}
		catch (BadCredentialsException ex) {
			this.throttle.failed(email, address);
			throw ex;
		}
		finally {
			this.hashing.release();
		}
	}

	private void acquire() {
		try {
			if (!this.hashing.tryAcquire(3, TimeUnit.SECONDS)) {
				throw new AuthenticationServiceException("Too many sign-ins at once; try again in a moment");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AuthenticationServiceException("Interrupted", ex);
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
