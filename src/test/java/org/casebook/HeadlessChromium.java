package org.casebook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's Chromium, headless, driven by Selenium through its chromedriver
 * ({@code .ci/run} installs both; {@code -Dcasebook.chromium} and
 * {@code -Dcasebook.chromedriver} name other places), with what this machine's closed
 * network needs: no background connections.
 * <p>
 * A test class shares one browser among its tests:
 * {@code @RegisterExtension static final HeadlessChromium chromium = new HeadlessChromium();}
 * starts it before the first and quits it after the last.
 */
public final class HeadlessChromium implements BeforeAllCallback, AfterAllCallback {

	static final Path CHROMIUM = Path.of(System.getProperty("casebook.chromium", "/usr/bin/chromium"));

	static final Path CHROMEDRIVER = Path.of(System.getProperty("casebook.chromedriver", "/usr/bin/chromedriver"));

	private ChromeDriver driver;

	@Override
	public void beforeAll(ExtensionContext context) throws IOException {
		this.driver = start();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.driver != null) {
			this.driver.quit();
			this.driver = null;
		}
	}

	/** The class's browser. */
	public ChromeDriver driver() {
		assertThat(this.driver).as("the browser, started before the class's first test").isNotNull();
		return this.driver;
	}

	/**
	 * Waits up to 30 s, looking again when the page has just replaced what it looked at
	 * (elements read from a page being replaced by the next one are stale).
	 */
	public WebDriverWait waiting() {
		WebDriverWait wait = new WebDriverWait(driver(), Duration.ofSeconds(30));
		wait.ignoring(StaleElementReferenceException.class);
		return wait;
	}

	/**
	 * A new browser in a window of 1280 × 1000, keeping its console (what a
	 * Content-Security-Policy blocked is said there); whoever starts it quits it.
	 */
	public static ChromeDriver start() throws IOException {
		assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
			.as("Browser tests need Chromium and its driver: apt-get install chromium chromium-driver")
			.isTrue();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1280,1000",
				"--user-data-dir=" + Files.createTempDirectory("casebook-chromium"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		return new ChromeDriver(service, options);
	}

}
