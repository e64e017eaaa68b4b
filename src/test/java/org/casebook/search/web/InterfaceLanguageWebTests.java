package org.casebook.search.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.casebook.CasebookWebTest;
import org.casebook.search.Facet;
import org.casebook.search.FacetValue;
import org.casebook.search.FakeInnovationSearch;
import org.casebook.search.InnovationHit;
import org.casebook.search.SearchLabels;
import org.casebook.search.SearchQueryParser;
import org.casebook.taxonomy.FakeTaxonomies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import jakarta.servlet.http.Cookie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The interface language of the list page, its error page and the JSON API: from the
 * {@code lang} parameter (kept in a cookie for pages), the cookie, the browser's
 * {@code Accept-Language}, or English; declared as the page's {@code lang}, with a link
 * to the same page in each language and the {@code hreflang} alternates.
 */
@CasebookWebTest({ SearchController.class, SearchApiController.class })
@Import({ SearchQueryParser.class, FakeTaxonomies.class, FakeInnovationSearch.class, SearchLabels.class })
class InterfaceLanguageWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	FakeInnovationSearch search;

	@BeforeEach
	void forgetEarlierSearches() {
		this.search.reset();
	}

	@Test
	void theBrowsersLanguageIsThePagesAndEveryPageLinksToItselfInEachLanguage() throws Exception {
		MockHttpServletResponse response = answer(get(URI.create("/innovations?q=caf%C3%A9&country=br"))
			.header("Accept-Language", "fr-CA,fr;q=0.9,en;q=0.5"));
		assertThat(response.getHeader("Content-Language")).isEqualTo("fr");
		assertThat(response.getHeader("Set-Cookie")).as("nothing chosen, nothing kept").isNull();
		String page = response.getContentAsString();
		assertThat(page)
			.contains("<html lang=\"fr\">", "<button type=\"submit\">Rechercher</button>",
					"<span>Innovations\u00a0:</span>", "Aller au contenu")
			.contains("<a href=\"/innovations?q=caf%C3%A9&amp;country=br&amp;lang=en\" lang=\"en\" hreflang=\"en\" "
					+ "data-language=\"en\">English</a>")
			.contains("<a href=\"/innovations?q=caf%C3%A9&amp;country=br&amp;lang=fr\" lang=\"fr\" hreflang=\"fr\" "
					+ "aria-current=\"true\" data-language=\"fr\">Français</a>")
			.contains("<a href=\"/innovations?q=caf%C3%A9&amp;country=br&amp;lang=es\" lang=\"es\" hreflang=\"es\" "
					+ "data-language=\"es\">Español</a>")
			.contains("<link rel=\"alternate\" hreflang=\"es\" "
					+ "href=\"http://localhost/innovations?q=caf%C3%A9&amp;country=br&amp;lang=es\">")
			.contains("<link rel=\"alternate\" hreflang=\"x-default\" "
					+ "href=\"http://localhost/innovations?q=caf%C3%A9&amp;country=br\">");
	}

	@Test
	void aLanguageChosenByLinkIsKeptInACookieAndIsThePagesOwnAddress() throws Exception {
		MockHttpServletResponse response = answer(
				get("/innovations?q=open&lang=es").header("Accept-Language", "fr").cookie(kept("fr")));
		assertThat(response.getHeader("Set-Cookie")).isEqualTo("casebook-lang=es; Path=/; Max-Age=31536000; Expires="
				+ expires(response) + "; HttpOnly; SameSite=Lax");
		assertThat(response.getContentAsString()).contains("<html lang=\"es\">", "Buscar innovaciones")
			.contains("<link rel=\"canonical\" href=\"http://localhost/innovations?q=open&amp;lang=es\">")
			.contains(
					"<link rel=\"alternate\" hreflang=\"en\" href=\"http://localhost/innovations?q=open&amp;lang=en\">")
			.doesNotContain("lang=es&amp;lang");
		assertThat(this.search.calls()).as("the parameter is not a filter").hasSize(1);
	}

	@Test
	void theCookieOfAnEarlierChoiceComesBeforeTheBrowsersLanguage() throws Exception {
		MockHttpServletResponse response = answer(
				get("/innovations").header("Accept-Language", "fr").cookie(kept("es")));
		assertThat(response.getContentAsString()).contains("<html lang=\"es\">")
			.contains("<link rel=\"canonical\" href=\"http://localhost/innovations\">");
		assertThat(response.getHeader("Set-Cookie")).isNull();
	}

	@Test
	void aLanguageCasebookDoesNotHaveGetsEnglish() throws Exception {
		MockHttpServletResponse response = answer(get("/innovations?lang=de").header("Accept-Language", "de, pt"));
		assertThat(response.getContentAsString()).contains("<html lang=\"en\">");
		assertThat(response.getHeader("Content-Language")).isEqualTo("en");
		assertThat(response.getHeader("Set-Cookie")).isNull();
	}

	/**
	 * English is the default bundle, not a bundle of its own: a server whose JVM speaks
	 * French must not answer an English reader from the French one
	 * ({@code spring.messages.fallback-to-system-locale=false}).
	 */
	@Test
	void aServerInAnotherLanguageStillAnswersEnglishReadersInEnglish() throws Exception {
		Locale before = Locale.getDefault();
		Locale.setDefault(Locale.FRENCH);
		try {
			assertThat(html(get("/innovations"), "en")).contains("<html lang=\"en\">",
					"<button type=\"submit\">Search</button>");
		}
		finally {
			Locale.setDefault(before);
		}
	}

	@Test
	void anErrorPageIsInTheLanguageOfThePageAskedForAndLinksToItInEachLanguage() throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(get("/innovations?yearFrom=abc").accept(MediaType.TEXT_HTML).cookie(kept("es")))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentAsString()).contains("<html lang=\"es\">")
			.contains("No se ha podido entender esta solicitud",
					"El año «abc» no es válido: indique un año entre 1900 y 2100.")
			.contains("href=\"/innovations?yearFrom=abc&amp;lang=fr\"");
	}

	@Test
	void theApiAnswersInTheLanguageAskedForAndKeepsNothing() throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(get("/api/v1/innovations?lang=fr").accept(MediaType.APPLICATION_JSON))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getHeader("Content-Language")).isEqualTo("fr");
		assertThat(response.getHeader("Set-Cookie")).isNull();
	}

	/**
	 * Facet values, chips and cards name their terms in the reader's language (countries
	 * as CLDR names them, the other terms as the bundle does), and facet values of equal
	 * counts follow its order of words; counts are written as it writes numbers. The
	 * engine is asked the same search whatever the language.
	 */
	@Test
	void termsAreNamedAndOrderedAndNumbersWrittenInTheReadersLanguage() throws Exception {
		InnovationHit elsewhere = new InnovationHit(3L, "nile-data", "Nile data", null, List.of("us", "eg"),
				List.of("United States", "Egypt"), 2020, false, Instant.parse("2024-03-01T10:00:00Z"), null, null, "en",
				InnovationHit.TermKeys.NONE, List.of());
		this.search.finds(elsewhere)
			.totals(12345)
			.counts(Facet.COUNTRY, new FacetValue("br", "Brazil", 9, false), new FacetValue("de", "Germany", 5, false),
					new FacetValue("eg", "Egypt", 5, false), new FacetValue("fr", "France", 5, true),
					new FacetValue("us", "United States", 5, false))
			.counts(Facet.SECTOR, new FacetValue("education", "Education", 3, false),
					new FacetValue("health", "Health", 3, false));
		String english = html(get("/innovations?country=fr"), "en");
		assertInOrder(english, "Brazil", "Egypt", "France", "Germany", "United States");
		assertThat(english).contains("<span>12,345</span>", "<span>United States, Egypt</span>");

		String french = html(get("/innovations?country=fr"), "fr");
		// Not "France, Mexique, Égypte, États-Unis", as the letters' code points are.
		assertInOrder(french, "Brésil", "Allemagne", "Égypte", "États-Unis", "France");
		assertThat(french).contains("<span>12\u202f345</span>", "<span>États-Unis, Égypte</span>",
				"<span>Éducation</span>", "<span>Santé</span>", "<span class=\"chip-kind\">Pays\u00a0:</span>",
				"aria-label=\"Retirer Pays\u00a0: France\"");

		String spanish = html(get("/innovations?country=fr"), "es");
		assertInOrder(spanish, "Brasil", "Alemania", "Egipto", "Estados Unidos", "Francia");
		assertThat(spanish).contains("<span>12.345</span>", "<span>Estados Unidos, Egipto</span>",
				"<span>Educación</span>", "<span>Salud</span>");

		assertThat(this.search.calls()).as("one search, the same in every language")
			.hasSize(3)
			.containsOnly(this.search.calls().get(0));
	}

	@Test
	void theApiNamesTermsInTheLanguageAskedFor() throws Exception {
		this.search.counts(Facet.COUNTRY, new FacetValue("us", "United States", 2, false),
				new FacetValue("eg", "Egypt", 2, false));
		String json = this.mvc
			.perform(get("/api/v1/innovations").header("Accept-Language", "fr").accept(MediaType.APPLICATION_JSON))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(json).contains("{\"key\":\"eg\",\"label\":\"Égypte\",\"count\":2,\"selected\":false},"
				+ "{\"key\":\"us\",\"label\":\"États-Unis\",\"count\":2,\"selected\":false}");
	}

	private String html(MockHttpServletRequestBuilder request, String language) throws Exception {
		return answer(request.header("Accept-Language", language)).getContentAsString();
	}

	/** The texts are in the page in this order, within the facet of countries. */
	private static void assertInOrder(String page, String... texts) {
		String facet = page.substring(page.indexOf("id=\"facet-country\""));
		int at = 0;
		for (String text : texts) {
			int next = facet.indexOf("<span>" + text + "</span>");
			assertThat(next).as(text + " after the one before").isGreaterThan(at);
			at = next;
		}
	}

	private MockHttpServletResponse answer(RequestBuilder request) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response;
	}

	private static Cookie kept(String language) {
		return new Cookie("casebook-lang", language);
	}

	private static String expires(MockHttpServletResponse response) {
		String cookie = response.getHeader("Set-Cookie");
		int at = cookie.indexOf("Expires=") + "Expires=".length();
		return cookie.substring(at, cookie.indexOf(';', at));
	}

}
