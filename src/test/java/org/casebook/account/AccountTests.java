package org.casebook.account;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import org.casebook.CasebookIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Accounts against a real SMTP server in this JVM (GreenMail): signing up, the link that
 * verifies the address, signing in and out, a forgotten password, throttled guessing,
 * roles granted and revoked, CSRF on every form, sessions in PostgreSQL.
 */
@CasebookIntegrationTest
class AccountTests {

	@RegisterExtension
	static final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
		.withPerMethodLifecycle(false);

	private static final Pattern LINK = Pattern.compile("http://localhost(/[\\w-]+\\?token=[\\w-]+)");

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry properties) {
		properties.add("spring.mail.host", () -> "localhost");
		properties.add("spring.mail.port", () -> mail.getSmtp().getPort());
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void emptyMailboxes() throws Exception {
		mail.purgeEmailFromAllMailboxes();
	}

	@Test
	void signUpVerifyTheAddressSignInAndOut() throws Exception {
		Visitor visitor = new Visitor(this.mvc);
		visitor
			.perform(post("/signup").param("email", " Ada@Example.org ")
				.param("displayName", "Ada Lovelace")
				.param("password", "analytical engine")
				.param("_csrf", visitor.csrf("/signup")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("We sent a link to")));
		MimeMessage message = onlyMailTo("ada@example.org");
		assertThat(message.getSubject()).isEqualTo("Confirm your email address for Casebook");
		String verify = link(message);
		assertThat(verify).startsWith("/verify-email?token=");

		// Not verified yet: the right password is told to confirm first, a wrong one is
		// not.
		signIn("ada@example.org", "wrong password").andExpect(status().isUnauthorized());
		signIn("ada@example.org", "analytical engine").andExpect(status().isForbidden())
			.andExpect(content().string(containsString("Confirm your email address first")));

		Visitor browser = new Visitor(this.mvc);
		browser.perform(get(verify))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Confirm my address")));
		String token = verify.substring(verify.indexOf('=') + 1);
		browser.perform(post("/verify-email").param("token", token).param("_csrf", browser.csrf(verify)))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", endsWith("/login?done=verified")));
		browser.perform(post("/verify-email").param("token", token).param("_csrf", browser.csrf(verify)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("does not work any more")));

		Visitor ada = SignIn.as(this.mvc, "ADA@example.org", "analytical engine");
		ada.perform(get("/account"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ada Lovelace")))
			.andExpect(content().string(containsString("Contributor")));
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM spring_session WHERE principal_name = ?",
				Integer.class, "ada@example.org"))
			.isEqualTo(1);
		ada.perform(post("/logout").param("_csrf", ada.csrf("/account"))).andExpect(status().isFound());
		ada.perform(get("/account"))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", endsWith("/login")));
	}

	/**
	 * A mail is in the language of the request that caused it: the interface language its
	 * sender was reading (Casebook keeps no language per account).
	 */
	@Test
	void mailsAreInTheLanguageTheirSenderWasReading() throws Exception {
		Visitor visitor = new Visitor(this.mvc);
		visitor
			.perform(post("/signup").param("email", "ana@example.org")
				.param("displayName", "Ana")
				.param("password", "una contraseña larga")
				.param("_csrf", visitor.csrf("/signup"))
				.header("Accept-Language", "es-ES,es;q=0.9"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Hemos enviado un enlace a")));
		MimeMessage message = onlyMailTo("ana@example.org");
		assertThat(message.getSubject()).isEqualTo("Confirme su dirección de correo electrónico en Casebook");
		assertThat(text(message)).startsWith("Hola, Ana:").contains("/verify-email?token=");

		mail.purgeEmailFromAllMailboxes();
		visitor
			.perform(post("/forgot-password").param("email", "ana@example.org")
				.param("_csrf", visitor.csrf("/forgot-password"))
				.cookie(new Cookie("casebook-lang", "fr"))
				.header("Accept-Language", "es"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Si ana@example.org correspond à un compte")));
		assertThat(onlyMailTo("ana@example.org").getSubject()).isEqualTo("Choisissez un nouveau mot de passe Casebook");
	}

	@Test
	void aFormThatCannotBeAcceptedComesBackWithWhatWasTyped() throws Exception {
		Visitor visitor = new Visitor(this.mvc);
		visitor
			.perform(post("/signup").param("email", "not an address")
				.param("displayName", "Grace <Hopper>")
				.param("password", "short")
				.param("_csrf", visitor.csrf("/signup")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("2 fields need your attention")))
			.andExpect(content().string(containsString("value=\"Grace &lt;Hopper&gt;\"")))
			.andExpect(content().string(containsString("value=\"not an address\"")))
			.andExpect(content().string(containsString("aria-describedby=\"email-problem\"")))
			.andExpect(content().string(containsString("Enter an email address like name@example.org.")))
			.andExpect(content().string(containsString("Choose a password of at least 10 characters.")))
			.andExpect(content().string(not(containsString("value=\"short\""))));
		assertThat(mail.getReceivedMessages()).isEmpty();
	}

	@Test
	void signingUpWithATakenAddressTellsOnlyItsOwner() throws Exception {
		SignIn.account(this.accounts, this.jdbc, "taken@example.org", Role.CONTRIBUTOR);
		mail.purgeEmailFromAllMailboxes();
		Visitor visitor = new Visitor(this.mvc);
		visitor
			.perform(post("/signup").param("email", "taken@example.org")
				.param("displayName", "Someone else")
				.param("password", "another password")
				.param("_csrf", visitor.csrf("/signup")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("We sent a link to")));
		MimeMessage message = onlyMailTo("taken@example.org");
		assertThat(message.getSubject()).isEqualTo("Your Casebook account");
		assertThat(link(message)).isNull();
		assertThat(text(message)).contains("already has an account", "http://localhost/forgot-password");
		SignIn.as(this.mvc, "taken@example.org", SignIn.PASSWORD);
	}

	@Test
	void aForgottenPasswordIsResetByMail() throws Exception {
		SignIn.account(this.accounts, this.jdbc, "forgetful@example.org", Role.CONTRIBUTOR);
		Visitor before = SignIn.as(this.mvc, "forgetful@example.org", SignIn.PASSWORD);
		mail.purgeEmailFromAllMailboxes();
		Visitor visitor = new Visitor(this.mvc);
		for (String email : new String[] { "forgetful@example.org", "nobody@example.org" }) {
			visitor
				.perform(
						post("/forgot-password").param("email", email).param("_csrf", visitor.csrf("/forgot-password")))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("If " + email + " has an account")));
		}
		String reset = link(onlyMailTo("forgetful@example.org"));
		assertThat(mail.getReceivedMessages()).hasSize(1);
		String token = reset.substring(reset.indexOf('=') + 1);

		visitor
			.perform(post("/reset-password").param("token", token)
				.param("password", "too short")
				.param("_csrf", visitor.csrf(reset)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("at least 10 characters")));
		visitor
			.perform(post("/reset-password").param("token", token)
				.param("password", "a new long password")
				.param("_csrf", visitor.csrf(reset)))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", endsWith("/login?done=reset")));
		visitor
			.perform(post("/reset-password").param("token", token)
				.param("password", "yet another password")
				.param("_csrf", visitor.csrf(reset)))
			.andExpect(status().isBadRequest());

		signIn("forgetful@example.org", SignIn.PASSWORD).andExpect(status().isUnauthorized());
		SignIn.as(this.mvc, "forgetful@example.org", "a new long password");
		// The reset ended the sessions the account had.
		before.perform(get("/account")).andExpect(status().isFound());
	}

	@Test
	void guessingPasswordsIsThrottled() throws Exception {
		SignIn.account(this.accounts, this.jdbc, "guarded@example.org", Role.CONTRIBUTOR);
		for (int i = 0; i < LoginThrottle.ACCOUNT_FAILURES; i++) {
			signIn("guarded@example.org", "guess number " + i).andExpect(status().isUnauthorized());
		}
		signIn("guarded@example.org", SignIn.PASSWORD).andExpect(status().isTooManyRequests())
			.andExpect(content().string(containsString("Too many failed attempts")));
		this.mvc
			.perform(post("/admin/api/imports").header("Authorization",
					"Basic " + java.util.Base64.getEncoder()
						.encodeToString(("guarded@example.org:" + SignIn.PASSWORD).getBytes(StandardCharsets.UTF_8))))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void administratorsGrantAndRevokeRoles() throws Exception {
		long id = SignIn.account(this.accounts, this.jdbc, "future-editor@example.org", Role.CONTRIBUTOR);
		Visitor contributor = SignIn.as(this.mvc, "future-editor@example.org", SignIn.PASSWORD);
		contributor.perform(get("/admin/import")).andExpect(status().isForbidden());
		contributor.perform(get("/admin/accounts")).andExpect(status().isForbidden());

		Visitor admin = SignIn.as(this.mvc, SignIn.ADMIN, SignIn.PASSWORD);
		admin.perform(get("/admin/accounts"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("future-editor@example.org")));
		admin
			.perform(post("/admin/accounts/{id}/roles", id).param("role", "EDITOR")
				.param("granted", "true")
				.param("_csrf", admin.csrf("/admin/accounts")))
			.andExpect(status().isFound());
		// The role takes effect at the next sign-in: the account's sessions ended.
		contributor.perform(get("/account")).andExpect(status().isFound());
		Visitor editor = SignIn.as(this.mvc, "future-editor@example.org", SignIn.PASSWORD);
		editor.perform(get("/admin/import")).andExpect(status().isOk());
		editor.perform(get("/admin/accounts")).andExpect(status().isForbidden());

		long adminId = this.jdbc.queryForObject("SELECT id FROM account WHERE email = ?", Long.class, SignIn.ADMIN);
		admin
			.perform(post("/admin/accounts/{id}/roles", adminId).param("role", "ADMIN")
				.param("granted", "false")
				.param("_csrf", admin.csrf("/admin/accounts")))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Casebook needs an administrator")));
	}

	@Test
	void everyFormNeedsItsCsrfToken() throws Exception {
		this.mvc.perform(post("/signup").param("email", "x@example.org")).andExpect(status().isForbidden());
		this.mvc.perform(post("/login").param("email", SignIn.ADMIN).param("password", SignIn.PASSWORD))
			.andExpect(status().isForbidden());
		Visitor admin = SignIn.as(this.mvc, SignIn.ADMIN, SignIn.PASSWORD);
		admin.perform(post("/logout")).andExpect(status().isForbidden());
		admin.perform(post("/admin/accounts/1/roles").param("role", "EDITOR").param("granted", "true"))
			.andExpect(status().isForbidden());
		admin.perform(post("/admin/import")).andExpect(status().isForbidden());
	}

	@Test
	void readingTheCatalogueMakesNoSession() throws Exception {
		for (String page : new String[] { "/", "/innovations", "/innovations?q=open", "/about", "/statistics",
				"/api/v1/innovations" }) {
			MvcResult result = this.mvc.perform(get(page)).andExpect(status().isOk()).andReturn();
			assertThat(result.getResponse().getHeaders("Set-Cookie")).as(page).isEmpty();
		}
		// Choosing a language keeps it in a cookie of its own, not in a session.
		MvcResult chosen = this.mvc.perform(get("/innovations?lang=fr")).andExpect(status().isOk()).andReturn();
		assertThat(chosen.getResponse().getHeaders("Set-Cookie")).singleElement()
			.satisfies((cookie) -> assertThat(cookie).startsWith("casebook-lang=fr;"));
	}

	private org.springframework.test.web.servlet.ResultActions signIn(String email, String password) throws Exception {
		Visitor session = new Visitor(this.mvc);
		return session.perform(post("/login").param("email", email)
			.param("password", password)
			.param("_csrf", session.csrf("/login")));
	}

	private static MimeMessage onlyMailTo(String address) throws Exception {
		assertThat(mail.waitForIncomingEmail(10_000, 1)).isTrue();
		MimeMessage[] messages = mail.getReceivedMessagesForDomain(address);
		assertThat(messages).hasSize(1);
		return messages[0];
	}

	private static String text(MimeMessage message) throws Exception {
		return message.getContent().toString();
	}

	private static String link(MimeMessage message) throws Exception {
		Matcher matcher = LINK.matcher(text(message));
		return matcher.find() ? matcher.group(1) : null;
	}

}
