package org.casebook.map;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.casebook.HeadlessChromium;
import org.casebook.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The map view in a real browser: Debian's Chromium, headless, driven by Selenium through
 * its chromedriver ({@code .ci/run} installs both). A tile layer is configured, on
 * Casebook's own host, to see it drawn with its attribution.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "casebook.map.tiles.url=/test-tiles/{z}/{x}/{y}.png",
				"casebook.map.tiles.attribution=Test tiles, with thanks" })
@ActiveProfiles("test")
@Import(TestDatabase.class)
class MapBrowserTests {

	@RegisterExtension
	static final HeadlessChromium chromium = new HeadlessChromium();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theMapShowsCountriesAndClustersAndACountryFiltersMapAndCount() {
		chromium.driver().get(url("/innovations?view=map"));
		WebDriverWait wait = chromium.waiting();
		wait.until((driver) -> "true".equals(driver.findElement(By.id("map")).getDomAttribute("data-loaded")));

		List<WebElement> shapes = chromium.driver().findElements(By.cssSelector("#map path[data-country]"));
		assertThat(shapes).as("country shapes").hasSizeGreaterThan(150);
		List<WebElement> clusters = chromium.driver().findElements(By.cssSelector("#map .marker-cluster"));
		assertThat(clusters).as("clusters").isNotEmpty();
		assertThat(clusters.get(0).getText()).matches("[\\d,]+");
		WebElement france = chromium.driver().findElement(By.cssSelector("#map path[data-country='fr']"));
		assertThat(france.getDomAttribute("aria-label")).startsWith("France — ");
		assertThat(france.getDomAttribute("aria-pressed")).isEqualTo("false");
		// EU-wide cases count for every member: the tooltip says how many came that way,
		// and the legend offers the grouping itself as a filter.
		String euCount = chromium.driver()
			.findElement(By.xpath("//table[@class='map-countries']//a[@data-country='eu']/ancestor::tr/td"))
			.getText();
		assertThat(france.getDomAttribute("aria-label")).endsWith(euCount + " of them through European Union");
		assertThat(
				chromium.driver().findElement(By.cssSelector("#map button.map-grouping[data-country='eu']")).getText())
			.isEqualTo("European Union: " + euCount + " innovations");

		// The table's row for France tells how many results the filter will leave.
		String expected = chromium.driver()
			.findElement(By.xpath("//table[@class='map-countries']//a[@data-country='fr']" + "/ancestor::tr/td"))
			.getText();
		// Keyboard: focus the shape and press Enter.
		france.sendKeys(Keys.ENTER);
		wait.until((driver) -> driver.getCurrentUrl().contains("country=fr"));
		wait.until((driver) -> heading().endsWith(" " + expected));
		wait.until((driver) -> "true".equals(
				driver.findElement(By.cssSelector("#map path[data-country='fr']")).getDomAttribute("aria-pressed")));
		wait.until((driver) -> "true".equals(driver.findElement(By.id("map")).getDomAttribute("data-loaded")));
		assertThat(chromium.driver().findElements(By.cssSelector(".chip")))
			.anyMatch((chip) -> chip.getText().contains("France"));
		assertThat(chromium.driver().findElement(By.id("view-map")).getDomAttribute("aria-current")).isEqualTo("page");

		// The configured tile layer is drawn, with its attribution.
		assertThat(chromium.driver().findElement(By.cssSelector("#map .leaflet-control-attribution")).getText())
			.contains("Test tiles, with thanks");
		assertThat(chromium.driver().findElements(By.cssSelector("#map img.leaflet-tile"))).isNotEmpty();

		// Every request the page made went to Casebook itself.
		@SuppressWarnings("unchecked")
		List<String> requested = (List<String>) chromium.driver()
			.executeScript("return performance.getEntriesByType('resource').map(function (e) { return e.name; });");
		assertThat(requested).isNotEmpty().allMatch((name) -> name.startsWith(url("/")));
	}

	@Test
	void aClusterZoomsInAndASingleCaseOpensItsPopup() {
		chromium.driver().get(url("/innovations?view=map"));
		WebDriverWait wait = chromium.waiting();
		wait.until((driver) -> "true".equals(driver.findElement(By.id("map")).getDomAttribute("data-loaded")));
		String zoomBefore = zoom();
		WebElement cluster = chromium.driver().findElements(By.cssSelector("#map .marker-cluster")).get(0);
		cluster.sendKeys(Keys.ENTER);
		wait.until((driver) -> !zoom().equals(zoomBefore));
		// Zooming in further, clusters split until single cases show as pins with popups.
		wait.until((driver) -> {
			List<WebElement> pins = driver.findElements(By.cssSelector("#map img.leaflet-marker-icon"));
			if (!pins.isEmpty()) {
				return true;
			}
			List<WebElement> more = driver.findElements(By.cssSelector("#map .marker-cluster"));
			if (!more.isEmpty()) {
				more.get(0).sendKeys(Keys.ENTER);
			}
			return false;
		});
		// Pins are drawn again when the map settles: pick one and press it in one go.
		String title = wait.until((driver) -> {
			List<WebElement> pins = driver.findElements(By.cssSelector("#map img.leaflet-marker-icon"));
			if (pins.isEmpty()) {
				return null;
			}
			String alt = pins.get(0).getDomAttribute("alt");
			pins.get(0).sendKeys(Keys.ENTER);
			return alt;
		});
		assertThat(title).isNotBlank();
		// Read in one go: the popup may be drawn again while the map settles.
		List<String> link = wait.until((driver) -> {
			WebElement a = driver.findElement(By.cssSelector(".leaflet-popup .map-popup h3 a"));
			return List.of(a.getDomProperty("textContent"), a.getDomAttribute("href"));
		});
		assertThat(link.get(0)).isEqualTo(title);
		assertThat(link.get(1)).startsWith("/innovations/");
	}

	@Test
	void casesAtTheSameSpotSpreadOutWhenTheirClusterIsActivated() {
		Map<String, Object> spot = this.jdbc.queryForMap("""
				SELECT latitude, longitude, count(*) AS cases FROM innovation
				WHERE status = 'PUBLISHED' AND latitude IS NOT NULL
				GROUP BY latitude, longitude HAVING count(*) BETWEEN 2 AND 8 ORDER BY count(*) DESC, 1, 2 LIMIT 1
				""");
		long cases = ((Number) spot.get("cases")).longValue();
		chromium.driver()
			.get(url("/innovations?view=map#map=15/" + spot.get("latitude") + "/" + spot.get("longitude")));
		WebDriverWait wait = chromium.waiting();
		wait.until((driver) -> "true".equals(driver.findElement(By.id("map")).getDomAttribute("data-loaded")));
		WebElement cluster = chromium.driver().findElement(By.cssSelector("#map .marker-cluster"));
		assertThat(cluster.getDomAttribute("aria-label")).startsWith(cases + " innovations at this place");
		cluster.sendKeys(Keys.ENTER);
		List<WebElement> pins = wait.until((driver) -> {
			List<WebElement> shown = driver.findElements(By.cssSelector("#map img.leaflet-marker-icon"));
			return (shown.size() == cases) ? shown : null;
		});
		// Spread out: every pin somewhere else on the screen, none hidden under another.
		Set<String> positions = new HashSet<>();
		pins.forEach((pin) -> positions.add(pin.getLocation().toString()));
		assertThat(positions).hasSize((int) cases);
		pins.forEach((pin) -> assertThat(pin.getDomAttribute("alt")).isNotBlank());
	}

	private String zoom() {
		return chromium.driver().findElement(By.id("map")).getDomAttribute("data-zoom");
	}

	private String heading() {
		return chromium.driver().findElement(By.id("results-heading")).getText().strip();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
