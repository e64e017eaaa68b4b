package org.casebook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's Chromium, headless, driven by Selenium through its chromedriver
 * ({@code .ci/run} installs both; {@code -Dcasebook.chromium} and
 * {@code -Dcasebook.chromedriver} name other places), with what this machine's closed
 * network needs: no background connections.
 */
public final class HeadlessChromium {

	static final Path CHROMIUM = Path.of(System.getProperty("casebook.chromium", "/usr/bin/chromium"));

	static final Path CHROMEDRIVER = Path.of(System.getProperty("casebook.chromedriver", "/usr/bin/chromedriver"));

	private HeadlessChromium() {
	}

	/**
	 * A new browser in a window of 1280 × 1000, keeping its console (what a
	 * Content-Security-Policy blocked is said there).
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
