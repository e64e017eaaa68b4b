package org.casebook.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On a start that finds no administrator, makes the one the environment names
 * ({@link AdminProperties}); once there is one, administrators grant the role in Casebook
 * and the environment is no longer read.
 */
@Component
class FirstAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private final AccountService accounts;

	private final AdminProperties admin;

	FirstAdministrator(AccountService accounts, AdminProperties admin) {
		this.accounts = accounts;
		this.admin = admin;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.accounts.hasAdministrator()) {
			return;
		}
		if (!this.admin.given()) {
			log.warn("Casebook has no administrator: set CASEBOOK_ADMIN_EMAIL and CASEBOOK_ADMIN_PASSWORD "
					+ "and start it again to make one");
			return;
		}
		try {
			this.accounts.makeAdministrator(this.admin.email(), this.admin.name(), this.admin.password());
			log.info("Made {} an administrator", this.admin.email());
		}
		catch (InvalidAccountException ex) {
			log.error("CASEBOOK_ADMIN_EMAIL or CASEBOOK_ADMIN_PASSWORD is not acceptable ({}): no administrator made",
					ex.problems().values());
		}
	}

}
