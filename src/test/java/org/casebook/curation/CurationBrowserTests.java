package org.casebook.curation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.casebook.HeadlessChromium;
import org.casebook.TestDatabase;
import org.casebook.attachment.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The way in for a case, in a real browser (Debian's Chromium, headless) against a real
 * SMTP server (GreenMail): someone signs up, confirms their address from the mail, writes
 * a case through every step of the form and submits it; the administrator publishes it
 * from the review queue and it is found by search; its author then proposes a change to
 * it, which is reviewed and published too.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestDatabase.class)
class CurationBrowserTests {

	@RegisterExtension
	static final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
		.withPerMethodLifecycle(false);

	private static final Pattern LINK = Pattern.compile("http://localhost:\\d+(/verify-email\\?token=[\\w-]+)");

	@RegisterExtension
	static final HeadlessChromium chromium = new HeadlessChromium();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry properties) {
		properties.add("spring.mail.host", () -> "localhost");
		properties.add("spring.mail.port", () -> mail.getSmtp().getPort());
	}

	@Test
	void signUpSubmitPublishFindAndChange() throws Exception {
		// Sign up, and confirm the address from the mail.
		open("/");
		click(By.linkText("Sign up"));
		type("email", "grace@example.org");
		type("displayName", "Grace Hopper");
		type("password", "a ship in harbour is safe");
		submit("form[action$='/signup']");
		waitForText("We sent a link to grace@example.org");
		assertThat(mail.waitForIncomingEmail(10_000, 1)).isTrue();
		MimeMessage message = mail.getReceivedMessages()[0];
		Matcher link = LINK.matcher(message.getContent().toString());
		assertThat(link.find()).as(message.getContent().toString()).isTrue();
		open(link.group(1));
		submit("form[action$='/verify-email']");
		waitForText("Your email address is confirmed");

		// Sign in and write a case, step by step.
		signIn("grace@example.org", "a ship in harbour is safe");
		click(By.linkText("Submit a case"));
		submit("form[action$='/contribute']");
		waitFor((driver) -> driver.getCurrentUrl().endsWith("/basics"));
		type("title", "Compiler clinics of Echidna Bay");
		type("summary", "Volunteers teach council staff to automate their paperwork.");
		Select countries = new Select(chromium.driver().findElement(By.id("countries")));
		countries.selectByValue("au");
		countries.selectByValue("nz");
		new Select(chromium.driver().findElement(By.id("level"))).selectByValue("local");
		type("organisations-0-name", "Echidna Bay Council");
		chromium.driver().findElement(By.cssSelector("input[name='sectors'][value='health']")).click();
		click(By.cssSelector("button[value='next']"));
		waitFor((driver) -> driver.getCurrentUrl().contains("/description"));
		type("overview", "Every Friday, a clinic.\n\nStaff bring a chore; they leave with a script.");
		type("sections-WHAT_MAKES_IT_INNOVATIVE", "Quokkaphonic automation by the people who do the work.");
		click(By.cssSelector("button[value='next']"));
		waitFor((driver) -> driver.getCurrentUrl().contains("/story"));
		type("sections-LESSONS_LEARNED", "Start with the most boring task.");
		click(By.cssSelector("button[value='next']"));
		waitFor((driver) -> driver.getCurrentUrl().contains("/files"));
		// A real upload from the browser: a multipart form whose CSRF token is a field of
		// it.
		Path picture = Files.createTempFile("clinic-", ".png");
		Files.write(picture, TestFiles.image(320, 240, "png"));
		chromium.driver().findElement(By.id("file")).sendKeys(picture.toString());
		type("description", "Council staff and volunteers at a Friday clinic");
		click(By.cssSelector("button[value='save']"));
		waitForText("clinic-");
		assertThat(chromium.driver().findElement(By.cssSelector("ul.attached img")).getDomProperty("naturalWidth"))
			.isEqualTo("320");
		Files.delete(picture);
		click(By.cssSelector("button[value='next']"));
		waitFor((driver) -> driver.getCurrentUrl().contains("/check"));
		waitForText("ready to submit");
		submit("form[action$='/submit']");
		waitForText("Waiting for review");
		signOut();

		// The administrator (every role) publishes it from the queue.
		signIn("admin@casebook.test", "test-secret");
		click(By.linkText("Review"));
		click(By.linkText("Compiler clinics of Echidna Bay"));
		waitForText("Quokkaphonic automation");
		submit("form[action$='/publish']");
		waitFor((driver) -> driver.getCurrentUrl().endsWith("/innovations/compiler-clinics-of-echidna-bay"));
		waitForText("Staff bring a chore; they leave with a script.");
		WebElement thumbnail = chromium.driver()
			.findElement(By.cssSelector(".case-files img[alt='Council staff and volunteers at a Friday clinic']"));
		waitFor((driver) -> !"0".equals(thumbnail.getDomProperty("naturalWidth")));
		signOut();

		// Found by search at once.
		open("/innovations?q=quokkaphonic");
		waitFor((driver) -> !driver.findElements(By.linkText("Compiler clinics of Echidna Bay")).isEmpty());

		// Its author proposes a change; it is reviewed and published.
		signIn("grace@example.org", "a ship in harbour is safe");
		open("/innovations/compiler-clinics-of-echidna-bay");
		submit("form[action$='/contribute/change/compiler-clinics-of-echidna-bay']");
		waitFor((driver) -> driver.getCurrentUrl().endsWith("/basics"));
		WebElement title = chromium.driver().findElement(By.id("title"));
		assertThat(title.getDomProperty("value")).isEqualTo("Compiler clinics of Echidna Bay");
		title.clear();
		title.sendKeys("Compiler clinics of Echidna Bay and beyond");
		click(By.cssSelector("button[value='next']"));
		waitFor((driver) -> driver.getCurrentUrl().contains("/description"));
		open(path(chromium.driver().getCurrentUrl()).replace("/description", "/check"));
		submit("form[action$='/submit']");
		waitForText("Waiting for review");
		signOut();
		signIn("admin@casebook.test", "test-secret");
		open("/review?kind=change");
		waitForText("Change to a published case");
		click(By.linkText("Compiler clinics of Echidna Bay and beyond"));
		waitForText("A proposed change to the published case");
		submit("form[action$='/publish']");
		waitForText("Compiler clinics of Echidna Bay and beyond");
		assertThat(chromium.driver().getCurrentUrl()).endsWith("/innovations/compiler-clinics-of-echidna-bay");
		signOut();
	}

	private void signIn(String email, String password) {
		open("/login");
		type("email", email);
		type("password", password);
		submit("form[action$='/login']");
		waitFor((driver) -> !driver.getCurrentUrl().contains("/login"));
	}

	private void signOut() {
		submit("form.sign-out");
		waitFor((driver) -> !driver.findElements(By.linkText("Sign in")).isEmpty());
	}

	private void open(String path) {
		chromium.driver().get("http://localhost:" + this.port + path);
	}

	private static void click(By by) {
		waitFor((driver) -> !driver.findElements(by).isEmpty());
		chromium.driver().findElement(by).click();
	}

	private static void type(String id, String text) {
		WebElement field = chromium.driver().findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	private static void submit(String formSelector) {
		waitFor((driver) -> !driver.findElements(By.cssSelector(formSelector)).isEmpty());
		chromium.driver().findElement(By.cssSelector(formSelector + " button[type='submit']")).click();
	}

	private static void waitForText(String text) {
		waitFor((driver) -> driver.findElement(By.tagName("body")).getText().contains(text));
	}

	private static void waitFor(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
		chromium.waiting().until(condition::apply);
	}

	private static String path(String url) {
		return java.net.URI.create(url).getPath();
	}

}
