package org.casebook.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.casebook.HeadlessChromium;
import org.casebook.TestDatabase;
import org.casebook.attachment.TestFiles;
import org.casebook.web.PageTypes.PageType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every page type in Debian's Chromium, headless (as {@code MapBrowserTests}), in each
 * interface language: no axe-core violation of WCAG 2.2 A and AA, valid HTML by the Nu
 * Html Checker; and a search made with the keyboard alone, and the filters of a
 * phone-sized screen. The application is configured as for the map's browser tests, so
 * that both share it (and its start-up). Pages come with Casebook's own
 * Content-Security-Policy, without 'unsafe-inline': what the browser blocks fails the
 * tests too.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "casebook.map.tiles.url=/test-tiles/{z}/{x}/{y}.png",
				"casebook.map.tiles.attribution=Test tiles, with thanks" })
@ActiveProfiles("test")
@Import(TestDatabase.class)
class AccessibilityBrowserTests {

	/** Every interface language: each is checked as the others. */
	static final List<String> LANGUAGES = List.of("en", "fr", "es");

	/** WCAG 2.0, 2.1 and 2.2, levels A and AA, as axe-core tags its rules. */
	static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

	@RegisterExtension
	static final HeadlessChromium chromium = new HeadlessChromium();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void wideScreenAgain() {
		chromium.driver().executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		// The language chosen (a cookie) is not the next test's.
		chromium.driver().manage().deleteAllCookies();
	}

	@Test
	void everyPageTypeHasNoAxeViolationOfWcag22AA() {
		StringBuilder report = new StringBuilder();
		for (String language : LANGUAGES) {
			for (PageType page : PageTypes.all(this.jdbc)) {
				report.append(axe(page + " in " + language, in(page.path(), language)));
			}
		}
		// The filters folded behind their control, as a phone shows them.
		phone();
		for (String language : LANGUAGES) {
			report.append(axe("list on a phone in " + language, in("/innovations?country=fr&yearFrom=2000", language)));
		}
		assertThat(report).as("axe-core violations, and what the Content-Security-Policy blocked").isEmpty();
	}

	@Test
	void everyPageTypeIsValidHtml() throws Exception {
		HtmlChecker checker = new HtmlChecker();
		HttpClient http = HttpClient.newHttpClient();
		StringBuilder report = new StringBuilder();
		for (String language : LANGUAGES) {
			for (PageType page : PageTypes.all(this.jdbc)) {
				HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url(page.path())))
					.header("Accept", "text/html")
					.header("Accept-Language", language)
					.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(response.statusCode()).as(page.toString()).isEqualTo(page.status());
				assertThat(response.body()).as(page.toString()).contains("<html lang=\"" + language + "\"");
				List<String> errors = checker.errors(response.body());
				if (!errors.isEmpty()) {
					report.append(page).append(" in ").append(language).append('\n');
					errors.forEach((error) -> report.append("  ").append(error).append('\n'));
				}
			}
		}
		assertThat(report).as("Nu Html Checker errors").isEmpty();
	}

	/**
	 * The pages of people who sign in: the submission form at each step, their cases, the
	 * review queue and a submission under review, the tags, accounts, imports. The
	 * browser signs in as the administrator (who holds every role) through the form.
	 */
	@Test
	void signedInPagesHaveNoAxeViolationAndAreValidHtml() throws Exception {
		chromium.driver().get(url("/login"));
		chromium.driver().findElement(By.id("email")).sendKeys("admin@casebook.test");
		chromium.driver().findElement(By.id("password")).sendKeys("test-secret");
		chromium.driver().findElement(By.cssSelector("form[action$='/login'] button")).click();
		chromium.waiting().until((driver) -> !driver.getCurrentUrl().contains("/login"));
		chromium.driver().get(url("/contribute"));
		chromium.driver().findElement(By.cssSelector("form[action$='/contribute'] button")).click();
		chromium.waiting().until((driver) -> driver.getCurrentUrl().endsWith("/basics"));
		String draft = URI.create(chromium.driver().getCurrentUrl()).getPath().replace("/basics", "");
		// A draft like a seed case, so that its check step lists similar cases.
		chromium.driver().findElement(By.id("title")).sendKeys("GovTech Poland: challenge-based public procurement");
		chromium.driver()
			.findElement(By.id("summary"))
			.sendKeys("Public bodies in Poland buy innovation through challenges.");
		chromium.driver().findElement(By.cssSelector("button[value='save']")).click();
		// Saved with its problems (no country yet): the same step comes back, saying so.
		chromium.waiting().until((driver) -> !driver.findElements(By.cssSelector("p.notice")).isEmpty());
		// An image and a document, uploaded through the form, on the draft, its review
		// and a
		// published case.
		chromium.driver().get(url(draft + "/files"));
		upload("chart-", ".png", TestFiles.image(480, 320, "png"), "A bar chart of procurement challenges per year");
		upload("report-", ".pdf", TestFiles.pdf("Report"), "Evaluation report");
		long submission = Long.parseLong(draft.substring(draft.lastIndexOf('/') + 1));
		String published = this.jdbc.queryForObject(
				"SELECT slug FROM innovation WHERE demo AND status = 'PUBLISHED' ORDER BY id DESC LIMIT 1",
				String.class);
		this.jdbc.update("""
				INSERT INTO attachment (id, innovation_id, kind, media_type, file_name, size, sha256, description,
				                        width, height, position, created_at)
				SELECT gen_random_uuid(), (SELECT id FROM innovation WHERE slug = ?), kind, media_type, file_name,
				       size, sha256, description, width, height, position, created_at
				FROM attachment WHERE submission_id = ?""", published, submission);
		List<String> pages = List.of("/account", "/account/cases", "/contribute", draft + "/basics",
				draft + "/description", draft + "/story", draft + "/files", draft + "/check", "/review",
				"/review/" + submission, "/review/tags", "/admin/accounts", "/admin/import",
				PageTypes.SEED_CASE + "/history", "/innovations/" + published);
		StringBuilder report = new StringBuilder();
		for (String language : LANGUAGES) {
			for (String page : pages) {
				report.append(axe(page + " in " + language, in(page, language)));
			}
		}
		String session = "SESSION=" + chromium.driver().manage().getCookieNamed("SESSION").getValue();
		HtmlChecker checker = new HtmlChecker();
		HttpClient http = HttpClient.newHttpClient();
		for (String language : LANGUAGES) {
			for (String page : pages) {
				HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url(page)))
					.header("Accept", "text/html")
					.header("Accept-Language", language)
					.header("Cookie", session)
					.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(response.statusCode()).as(page).isEqualTo(200);
				checker.errors(response.body())
					.forEach((error) -> report.append(page)
						.append(" in ")
						.append(language)
						.append(": ")
						.append(error)
						.append('\n'));
			}
		}
		chromium.driver().manage().deleteAllCookies();
		this.jdbc.update("DELETE FROM attachment WHERE innovation_id = (SELECT id FROM innovation WHERE slug = ?)",
				published);
		assertThat(report).as("axe-core violations and Nu Html Checker errors of signed-in pages").isEmpty();
	}

	private static void upload(String prefix, String suffix, byte[] bytes, String description) throws Exception {
		Path file = Files.createTempFile(prefix, suffix);
		try {
			Files.write(file, bytes);
			chromium.driver().findElement(By.id("file")).sendKeys(file.toString());
			chromium.driver().findElement(By.id("description")).sendKeys(description);
			chromium.driver().findElement(By.cssSelector("button[value='save']")).click();
			chromium.waiting()
				.until((driver) -> driver.findElement(By.tagName("body"))
					.getText()
					.contains(file.getFileName().toString().replaceAll("\\.[a-z]+$", "")));
		}
		finally {
			Files.delete(file);
		}
	}

	@Test
	void theCheckerFindsErrors() throws Exception {
		assertThat(new HtmlChecker().errors("""
				<!DOCTYPE html><html lang="en"><head><title>t</title></head>
				<body><p hx-get="/x"><time datetime="2024-05-01T10:00:00.123456789Z">x</time></p></body></html>
				""")).hasSize(2);
	}

	@Test
	void aSearchCanBeMadeAndACaseOpenedWithTheKeyboardAlone() {
		chromium.driver().get(url("/innovations"));
		WebDriverWait wait = chromium.waiting();
		tabForward((element) -> "q".equals(element.getDomAttribute("id")), 10);
		String all = heading();
		new Actions(chromium.driver()).sendKeys("digital").sendKeys(Keys.ENTER).perform();
		wait.until((driver) -> driver.getCurrentUrl().contains("q=digital") && settled() && !heading().equals(all));
		long found = total();

		// A filter value that leaves fewer results: Space ticks it, and htmx keeps it
		// focused.
		WebElement checkbox = tabForward((element) -> isCheckbox(element) && count(element) < found, 150);
		String id = checkbox.getDomAttribute("id");
		long expected = count(checkbox);
		new Actions(chromium.driver()).sendKeys(Keys.SPACE).perform();
		wait.until((driver) -> settled() && total() == expected
				&& id.equals(driver.switchTo().activeElement().getDomAttribute("id")));
		assertThat(chromium.driver().findElement(By.id(id)).isSelected()).isTrue();
		tabForward((element) -> element.getDomAttribute("class") != null
				&& element.getDomAttribute("class").contains("apply"), 150);
		new Actions(chromium.driver()).sendKeys(Keys.ENTER).perform();
		wait.until((driver) -> settled() && driver.getCurrentUrl().contains("q=digital")
				&& driver.getCurrentUrl().contains(checkbox(id)));
		assertThat(total()).isEqualTo(expected).isLessThan(found);

		// Back up to the last result, and open it.
		WebElement link = tab((element) -> "a".equals(element.getTagName())
				&& element.findElements(By.xpath("parent::h2[contains(concat(' ', @class, ' '), ' card-title ')]"))
					.size() == 1,
				300, Keys.chord(Keys.SHIFT, Keys.TAB));
		String title = link.getText();
		String href = link.getDomAttribute("href");
		new Actions(chromium.driver()).sendKeys(Keys.ENTER).perform();
		wait.until((driver) -> driver.getCurrentUrl().endsWith(href) && settled());
		assertThat(chromium.driver().findElement(By.tagName("h1")).getText()).isEqualTo(title);
		assertThat(chromium.driver().findElements(By.id("search-form"))).as("the case page alone, not inside the list")
			.isEmpty();

		// The map's table of countries is reached past the map.
		chromium.driver().get(url("/innovations?view=map"));
		wait.until((driver) -> "true".equals(driver.findElement(By.id("map")).getDomAttribute("data-loaded")));
		tabForward((element) -> element.getDomAttribute("class") != null
				&& element.getDomAttribute("class").contains("skip-map"), 20);
		new Actions(chromium.driver()).sendKeys(Keys.ENTER).perform();
		WebElement country = tabForward((element) -> true, 1);
		assertThat(country.getTagName()).isEqualTo("a");
		assertThat(country.findElements(By.xpath("ancestor::table[@id='map-countries']"))).hasSize(1);
		String countryHref = country.getDomAttribute("href");
		new Actions(chromium.driver()).sendKeys(Keys.ENTER).perform();
		wait.until((driver) -> driver.getCurrentUrl().endsWith(countryHref));
		assertThat(blockedByThePolicy()).as("blocked by the Content-Security-Policy").isEmpty();
	}

	@Test
	void onAPhoneTheResultsComeFirstAndTheFiltersFoldBehindTheirControl() {
		phone();
		chromium.driver().get(url("/innovations?country=fr&sector=education&yearFrom=2000"));
		WebDriverWait wait = chromium.waiting();
		WebElement firstCard = chromium.driver().findElement(By.cssSelector(".cards .card"));
		WebElement filters = chromium.driver().findElement(By.id("filters"));
		assertThat(firstCard.getRect().getY()).isLessThan(filters.getRect().getY());
		WebElement control = filters.findElement(By.tagName("summary"));
		assertThat(control.getText()).isEqualTo("Filters (3 selected)");
		WebElement france = chromium.driver().findElement(By.id("country-fr"));
		assertThat(filters.getDomProperty("open")).isEqualTo("false");
		assertThat(france.isDisplayed()).isFalse();

		control.click();
		wait.until((driver) -> france.isDisplayed());
		// Ticking a value updates the page in place: the filters stay open, and count it.
		WebElement other = chromium.driver()
			.findElement(By.cssSelector("#facet-sector input[type='checkbox']:not(:checked), "
					+ "#facet-country input[type='checkbox']:not(:checked)"));
		other.click();
		wait.until((driver) -> settled()
				&& driver.findElement(By.cssSelector("#filters summary")).getText().equals("Filters (4 selected)"));
		assertThat(chromium.driver().findElement(By.id("filters")).getDomProperty("open")).isEqualTo("true");

		chromium.driver().findElement(By.cssSelector("#filters summary")).click();
		wait.until((driver) -> !driver.findElement(By.id("country-fr")).isDisplayed());
		assertThat(chromium.driver().findElement(By.id("filters")).getDomProperty("open")).isEqualTo("false");
		assertThat(blockedByThePolicy()).as("blocked by the Content-Security-Policy").isEmpty();
	}

	@Test
	void onAWideScreenTheFiltersAreOpenWithoutTheirControl() {
		chromium.driver().get(url("/innovations?country=fr"));
		WebElement filters = chromium.driver().findElement(By.id("filters"));
		assertThat(filters.getDomProperty("open")).isEqualTo("true");
		assertThat(filters.findElement(By.tagName("summary")).isDisplayed()).isFalse();
		WebElement firstCard = chromium.driver().findElement(By.cssSelector(".cards .card"));
		assertThat(filters.getRect().getX()).isLessThan(firstCard.getRect().getX());
		// Every bar of the year histogram is a target of 24 by 24 pixels at least.
		List<WebElement> bars = chromium.driver().findElements(By.cssSelector(".histogram a"));
		assertThat(bars).isNotEmpty()
			.allSatisfy((bar) -> assertThat(bar.getRect().getWidth()).isGreaterThanOrEqualTo(24))
			.allSatisfy((bar) -> assertThat(bar.getRect().getHeight()).isGreaterThanOrEqualTo(24));
	}

	/** The axe-core violations of a page, readably, or nothing. */
	private String axe(String name, String path) {
		chromium.driver().get(url(path));
		WebDriverWait wait = chromium.waiting();
		wait.until((driver) -> settled());
		if (!chromium.driver().findElements(By.id("map")).isEmpty()) {
			wait.until((driver) -> "true".equals(driver.findElement(By.id("map")).getDomAttribute("data-loaded")));
		}
		String blocked = blockedByThePolicy();
		Results results = new AxeBuilder().withTags(WCAG_TAGS).analyze(chromium.driver());
		assertThat(results.isErrored()).as(name + ": " + results.getErrorMessage()).isFalse();
		StringBuilder report = new StringBuilder();
		if (!blocked.isEmpty()) {
			report.append(name).append(": blocked by the Content-Security-Policy:\n").append(blocked);
		}
		for (Rule rule : results.getViolations()) {
			report.append(name)
				.append(": ")
				.append(rule.getId())
				.append(" (")
				.append(rule.getImpact())
				.append(") ")
				.append(rule.getHelp())
				.append(", ")
				.append(rule.getNodes().size())
				.append(" element(s), ")
				.append(rule.getHelpUrl())
				.append('\n');
			for (CheckedNode node : rule.getNodes().stream().limit(5).toList()) {
				report.append("  ")
					.append(node.getTarget())
					.append(": ")
					.append(node.getFailureSummary().replace("\n", " "))
					.append('\n');
			}
		}
		return report.toString();
	}

	/**
	 * What the Content-Security-Policy blocked since the last look, one line each, as the
	 * browser's console says it.
	 */
	private static String blockedByThePolicy() {
		return chromium.driver()
			.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.map(LogEntry::getMessage)
			.filter((message) -> message.contains("Content Security Policy"))
			.map((message) -> "  " + message + "\n")
			.collect(Collectors.joining());
	}

	@Test
	void theBrowserReportsWhatThePolicyBlocks() {
		chromium.driver().get(url("/innovations"));
		blockedByThePolicy();
		chromium.driver()
			.executeScript(
					"var style = document.createElement('style'); style.textContent = 'p {}'; document.head.appendChild(style);");
		chromium.waiting().until((driver) -> !blockedByThePolicy().isEmpty());
	}

	/** A phone's screen: 390 CSS pixels wide, as an iPhone 12 to 15. */
	private static void phone() {
		chromium.driver()
			.executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", 390, "height", 844, "deviceScaleFactor", 3, "mobile", true));
	}

	private static WebElement tabForward(Predicate<WebElement> wanted, int most) {
		return tab(wanted, most, Keys.TAB);
	}

	/** Presses a key until the focused element is the one wanted. */
	private static WebElement tab(Predicate<WebElement> wanted, int most, CharSequence key) {
		for (int i = 0; i < most; i++) {
			new Actions(chromium.driver()).sendKeys(key).perform();
			WebElement focused = chromium.driver().switchTo().activeElement();
			if (wanted.test(focused)) {
				return focused;
			}
		}
		return fail("Not reached in " + most + " key presses; at "
				+ chromium.driver().switchTo().activeElement().getAccessibleName());
	}

	private static boolean isCheckbox(WebElement element) {
		return "input".equals(element.getTagName()) && "checkbox".equals(element.getDomAttribute("type"));
	}

	/** The count shown beside a facet value. */
	private static long count(WebElement checkbox) {
		String id = checkbox.getDomAttribute("id");
		return number(chromium.driver().findElement(By.cssSelector("label[for='" + id + "'] .count")).getText());
	}

	/**
	 * A facet value's checkbox as the URL names it: {@code country-fr} is
	 * {@code country=fr}.
	 */
	private static String checkbox(String id) {
		return id.replaceFirst("-", "=");
	}

	/** No htmx request under way. */
	private static boolean settled() {
		return Boolean.TRUE.equals(chromium.driver()
			.executeScript("return document.readyState === 'complete' && !document.querySelector('.htmx-request');"));
	}

	private static long total() {
		return number(heading().replaceAll(".*:", ""));
	}

	private static long number(String text) {
		return Long.parseLong(text.replaceAll("[^0-9]", ""));
	}

	private static String heading() {
		return chromium.driver().findElement(By.id("results-heading")).getText().strip();
	}

	/** A page in a language, as its switcher links to it. */
	private static String in(String path, String language) {
		return LanguageLinks.withLanguage(path, language);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
