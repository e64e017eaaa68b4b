package org.casebook.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.casebook.account.AccountToken.Purpose;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accounts' lives: sign-up, the address verified by a link, a password reset by a link,
 * roles granted and revoked. Mail leaves after the change is committed, outside any
 * transaction. Nothing here tells a stranger whether an address has an account: sign-up
 * and reset answer alike either way, and the mail says the rest to the address's owner.
 */
@Service
public class AccountService {

	static final Duration VERIFY_LINK_LIFE = Duration.ofDays(2);

	static final Duration RESET_LINK_LIFE = Duration.ofHours(1);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final AccountRepository accounts;

	private final AccountTokenRepository tokens;

	private final PasswordEncoder passwords;

	private final AccountMail mail;

	private final TransactionTemplate transactions;

	private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;

	private final Clock clock;

	AccountService(AccountRepository accounts, AccountTokenRepository tokens, PasswordEncoder passwords,
			AccountMail mail, TransactionTemplate transactions,
			ObjectProvider<FindByIndexNameSessionRepository<?>> sessions) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.passwords = passwords;
		this.mail = mail;
		this.transactions = transactions;
		this.sessions = sessions;
		this.clock = Clock.systemUTC();
	}

	/**
	 * Makes a contributor's account, not verified yet, and mails the link that verifies
	 * it. An address that has an account already gets a mail that says so (with the way
	 * to reset the password) and the account is left as it is.
	 * @param siteUrl Casebook's address, for the link
	 * @throws InvalidAccountException if a field is not acceptable
	 */
	public void signUp(String email, String displayName, String password, String siteUrl, Locale locale) {
		AccountRules.check(email, displayName, password);
		String address = AccountRules.normalise(email);
		String hash = this.passwords.encode(password);
		Link link = this.transactions.execute((status) -> {
			Optional<Account> existing = this.accounts.findByEmail(address);
			if (existing.isPresent()) {
				return new Link("signUpAgain", existing.get(), siteUrl + "/forgot-password");
			}
			Account account = this.accounts.save(new Account(address, displayName.strip(), hash, this.clock.instant()));
			return new Link("verify", account, siteUrl + "/verify-email?token=" + issue(account, Purpose.VERIFY_EMAIL));
		});
		this.mail.send(link.kind(), link.account(), link.url(), locale);
	}

	/**
	 * Mails a new verification link to an address that has an account not verified yet.
	 */
	public void resendVerification(String email, String siteUrl, Locale locale) {
		Link link = this.transactions.execute((status) -> this.accounts.findByEmail(AccountRules.normalise(email))
			.filter((account) -> !account.isEmailVerified())
			.map((account) -> new Link("verify", account,
					siteUrl + "/verify-email?token=" + issue(account, Purpose.VERIFY_EMAIL)))
			.orElse(null));
		if (link != null) {
			this.mail.send(link.kind(), link.account(), link.url(), locale);
		}
	}

	/**
	 * Verifies the address of the link's account; false if the link is unknown, used or
	 * old.
	 */
	public boolean verifyEmail(String token) {
		return Boolean.TRUE
			.equals(this.transactions.execute((status) -> redeem(token, Purpose.VERIFY_EMAIL).map((account) -> {
				account.verifyEmail(this.clock.instant());
				return true;
			}).orElse(false)));
	}

	/** Mails a link to choose a new password, if the address has an account. */
	public void requestPasswordReset(String email, String siteUrl, Locale locale) {
		Link link = this.transactions.execute((status) -> this.accounts.findByEmail(AccountRules.normalise(email))
			.map((account) -> new Link("reset", account,
					siteUrl + "/reset-password?token=" + issue(account, Purpose.RESET_PASSWORD)))
			.orElse(null));
		if (link != null) {
			this.mail.send(link.kind(), link.account(), link.url(), locale);
		}
	}

	/**
	 * Sets the password of the link's account, verifies its address (the link came to it)
	 * and ends every session it had.
	 * @return false if the link is unknown, used or old
	 * @throws InvalidAccountException if the password is not acceptable (the link still
	 * serves)
	 */
	public boolean resetPassword(String token, String password) {
		Optional<String> email = this.transactions.execute((status) -> {
			Optional<Account> account = find(token, Purpose.RESET_PASSWORD);
			if (account.isEmpty()) {
				return Optional.<String>empty();
			}
			AccountRules.checkPassword(password, account.get().getEmail());
			redeem(token, Purpose.RESET_PASSWORD);
			account.get().setPasswordHash(this.passwords.encode(password));
			account.get().verifyEmail(this.clock.instant());
			return Optional.of(account.get().getEmail());
		});
		email.ifPresent(this::endSessions);
		return email.isPresent();
	}

	/**
	 * Changes the password of a signed-in account that proved it knows the current one.
	 */
	public void changePassword(String email, String current, String replacement) {
		this.transactions.executeWithoutResult((status) -> {
			Account account = this.accounts.findByEmail(email).orElseThrow();
			if (!this.passwords.matches(current, account.getPasswordHash())) {
				throw new InvalidAccountException(java.util.Map.of("current", "account.problem.password.wrong"));
			}
			AccountRules.checkPassword(replacement, email);
			account.setPasswordHash(this.passwords.encode(replacement));
		});
	}

	/** Every account, oldest first. */
	public List<Account> all() {
		return this.accounts.findAllByOrderByCreatedAtAscIdAsc();
	}

	public Optional<Account> find(String email) {
		return this.accounts.findByEmail(AccountRules.normalise(email));
	}

	/** Gives a role; the account signs in again to use it (its sessions end). */
	public void grant(long accountId, Role role) {
		String email = this.transactions.execute((status) -> {
			Account account = this.accounts.findById(accountId).orElseThrow(AccountNotFoundException::new);
			account.grant(role);
			return account.getEmail();
		});
		endSessions(email);
	}

	/**
	 * Takes a role back, and ends the account's sessions at once.
	 * @throws LastAdministratorException if it is the last administrator's
	 */
	public void revoke(long accountId, Role role) {
		String email = this.transactions.execute((status) -> {
			Account account = this.accounts.findById(accountId).orElseThrow(AccountNotFoundException::new);
			if (role == Role.ADMIN && account.getRoles().contains(Role.ADMIN)
					&& this.accounts.countByRole(Role.ADMIN) <= 1) {
				throw new LastAdministratorException();
			}
			account.revoke(role);
			return account.getEmail();
		});
		endSessions(email);
	}

	/**
	 * Makes this address an administrator's with this password, verified, creating the
	 * account if needed: how the first administrator comes to be.
	 */
	void makeAdministrator(String email, String displayName, String password) {
		AccountRules.check(email, displayName, password);
		String address = AccountRules.normalise(email);
		String hash = this.passwords.encode(password);
		this.transactions.executeWithoutResult((status) -> {
			Account account = this.accounts.findByEmail(address)
				.orElseGet(() -> this.accounts.save(new Account(address, displayName, hash, this.clock.instant())));
			account.setPasswordHash(hash);
			account.verifyEmail(this.clock.instant());
			account.grant(Role.ADMIN);
		});
		endSessions(address);
	}

	boolean hasAdministrator() {
		return this.accounts.countByRole(Role.ADMIN) > 0;
	}

	/** Forgets links that expired a day ago or more, every hour. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	void forgetOldLinks() {
		this.transactions.executeWithoutResult(
				(status) -> this.tokens.deleteExpiredBefore(this.clock.instant().minus(Duration.ofDays(1))));
	}

	private String issue(Account account, Purpose purpose) {
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		Duration life = (purpose == Purpose.VERIFY_EMAIL) ? VERIFY_LINK_LIFE : RESET_LINK_LIFE;
		this.tokens.save(new AccountToken(hash(token), account, purpose, this.clock.instant().plus(life)));
		return token;
	}

	private Optional<Account> find(String token, Purpose purpose) {
		Instant now = this.clock.instant();
		return lookUp(token).filter((stored) -> stored.usable(purpose, now)).map(AccountToken::getAccount);
	}

	private Optional<Account> redeem(String token, Purpose purpose) {
		Instant now = this.clock.instant();
		return lookUp(token).filter((stored) -> stored.use(purpose, now)).map(AccountToken::getAccount);
	}

	private Optional<AccountToken> lookUp(String token) {
		if (token == null || token.isEmpty() || token.length() > 100) {
			return Optional.empty();
		}
		return this.tokens.findById(hash(token));
	}

	private void endSessions(String email) {
		FindByIndexNameSessionRepository<?> repository = this.sessions.getIfAvailable();
		if (repository != null) {
			repository.findByPrincipalName(email).keySet().forEach(repository::deleteById);
		}
	}

	static String hash(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java has SHA-256", ex);
		}
	}

	private record Link(String kind, Account account, String url) {
	}

}
