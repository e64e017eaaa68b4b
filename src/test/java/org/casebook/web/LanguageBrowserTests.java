package org.casebook.web;

import java.util.List;
import java.util.regex.Pattern;

import org.casebook.HeadlessChromium;
import org.casebook.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
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
 * A reader switches the interface to French, then to Spanish, with the switcher of the
 * page, in Debian's Chromium (configured as the other browser tests, to share their
 * application): the page's words, a facet's label, a date and the map's texts follow, the
 * choice is kept from page to page, the search shown stays the same, and the cases keep
 * their own language. Accessibility and valid HTML in every language are
 * {@link AccessibilityBrowserTests}'.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "casebook.map.tiles.url=/test-tiles/{z}/{x}/{y}.png",
				"casebook.map.tiles.attribution=Test tiles, with thanks" })
@ActiveProfiles("test")
@Import(TestDatabase.class)
class LanguageBrowserTests {

	/** A day written in French, as a case page gives its publication date. */
	static final Pattern FRENCH_DATE = Pattern.compile(
			"\\d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \\d{4}");

	/** A day written in Spanish. */
	static final Pattern SPANISH_DATE = Pattern.compile("\\d{1,2} de (enero|febrero|marzo|abril|mayo|junio|julio|"
			+ "agosto|septiembre|octubre|noviembre|diciembre) de \\d{4}");

	@RegisterExtension
	static final HeadlessChromium chromium = new HeadlessChromium();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theSwitcherTurnsThePagesIntoFrenchThenSpanish() {
		WebDriverWait wait = chromium.waiting();
		chromium.driver().get(url("/innovations"));
		assertThat(language()).isEqualTo("en");
		assertThat(chromium.driver().findElement(By.cssSelector("#facet-sector legend")).getText()).isEqualTo("Sector");

		// French, by the switcher's link.
		chromium.driver().findElement(By.cssSelector(".languages a[data-language='fr']")).click();
		wait.until((driver) -> "fr".equals(language()));
		assertThat(chromium.driver().findElement(By.cssSelector("#search-form button[type='submit']")).getText())
			.isEqualTo("Rechercher");
		assertThat(chromium.driver().findElement(By.cssSelector("#facet-sector legend")).getText())
			.isEqualTo("Secteur");
		assertThat(chromium.driver().findElement(By.cssSelector("#facet-language legend")).getText())
			.isEqualTo("Langue du cas");
		assertThat(
				chromium.driver().findElements(By.cssSelector("#facet-sector label")).stream().map(WebElement::getText))
			.anySatisfy((label) -> assertThat(label).startsWith("Éducation"));
		assertThat(chromium.driver().findElement(By.cssSelector(".languages a[aria-current]")).getText())
			.isEqualTo("Français");

		// The choice is kept: a page reached by a plain link is French too.
		chromium.driver().get(url("/about"));
		assertThat(language()).isEqualTo("fr");
		assertThat(chromium.driver().findElement(By.tagName("h1")).getText()).isEqualTo("À propos de Casebook");

		// A case's date, in French; its words in its own language.
		String slug = this.jdbc.queryForObject("SELECT slug FROM innovation WHERE status = 'PUBLISHED' "
				+ "AND language = 'en' AND demo ORDER BY id LIMIT 1", String.class);
		chromium.driver().get(url("/innovations/" + slug));
		assertThat(language()).isEqualTo("fr");
		assertThat(chromium.driver().findElement(By.cssSelector(".case-facts time")).getText()).matches(FRENCH_DATE);
		assertThat(chromium.driver().findElement(By.tagName("h1")).getDomAttribute("lang")).isEqualTo("en");

		// The list, filtered in place (htmx) by the language of the case: the cards are
		// French cases, on a French page.
		chromium.driver().get(url("/innovations"));
		WebElement french = chromium.driver().findElement(By.id("language-fr"));
		french.click();
		wait.until((driver) -> driver.getCurrentUrl().contains("language=fr") && settled());
		List<WebElement> titles = chromium.driver().findElements(By.cssSelector(".card-title"));
		assertThat(titles).isNotEmpty()
			.allSatisfy((title) -> assertThat(title.getDomAttribute("lang")).isEqualTo("fr"));

		// Spanish, by the switcher: the same search, kept in the link as htmx changed it.
		chromium.driver().findElement(By.cssSelector(".languages a[data-language='es']")).click();
		wait.until((driver) -> "es".equals(language()));
		assertThat(chromium.driver().getCurrentUrl()).contains("language=fr", "lang=es");
		assertThat(chromium.driver().findElement(By.id("language-fr")).isSelected()).isTrue();
		assertThat(chromium.driver().findElement(By.cssSelector("#facet-language legend")).getText())
			.isEqualTo("Idioma del caso");
		assertThat(chromium.driver().findElement(By.cssSelector("label[for='language-fr']")).getText())
			.startsWith("Francés");
		assertThat(chromium.driver().findElements(By.cssSelector(".card-title"))).isNotEmpty()
			.allSatisfy((title) -> assertThat(title.getDomAttribute("lang")).isEqualTo("fr"));
		assertThat(chromium.driver().findElements(By.cssSelector(".chip")).stream().map(WebElement::getText))
			.anySatisfy((chip) -> assertThat(chip).contains("Idioma del caso", "Francés"));

		// A date in Spanish, and the map's own texts, written by its script.
		chromium.driver().get(url("/innovations/" + slug));
		assertThat(chromium.driver().findElement(By.cssSelector(".case-facts time")).getText()).matches(SPANISH_DATE);
		chromium.driver().get(url("/innovations?view=map"));
		wait.until((driver) -> "true".equals(driver.findElement(By.id("map")).getDomAttribute("data-loaded")));
		assertThat(language()).isEqualTo("es");
		assertThat(chromium.driver().findElement(By.id("map-status")).getText())
			.contains("tienen una ubicación precisa");
		assertThat(chromium.driver().findElement(By.cssSelector("#map .map-legend-title")).getText())
			.isEqualTo("Innovaciones por país");

		// And back to English.
		chromium.driver().findElement(By.cssSelector(".languages a[data-language='en']")).click();
		wait.until((driver) -> "en".equals(language()));
	}

	private static String language() {
		return chromium.driver().findElement(By.tagName("html")).getDomAttribute("lang");
	}

	/** No htmx request under way. */
	private static boolean settled() {
		return Boolean.TRUE.equals(chromium.driver()
			.executeScript("return document.readyState === 'complete' && !document.querySelector('.htmx-request');"));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
