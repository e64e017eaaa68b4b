package org.casebook.web;

import java.util.Locale;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a request's interface language is chosen: its {@code lang} parameter, else the
 * cookie of an earlier choice, else the browser's first choice among English, French and
 * Spanish, else English; and the addresses of a page in each language.
 */
class InterfaceLanguageTests {

	@ParameterizedTest(name = "Accept-Language: {0} gives {1}")
	@CsvSource(delimiter = '|', nullValues = "none", textBlock = """
			fr-FR,fr;q=0.9,en;q=0.8       | fr
			es-419                        | es
			de-DE,de;q=0.9,es;q=0.5,fr;q=0.4 | es
			fr;q=0, es;q=0.1              | es
			pt-BR,pt;q=0.9                | en
			de                            | en
			*                             | en
			fr;q=abc                      | en
			none                          | en
			""")
	void theBrowsersFirstChoiceAmongTheThreeElseEnglish(String header, String expected) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/innovations");
		if (header != null) {
			request.addHeader("Accept-Language", header);
		}
		assertThat(InterfaceLanguage.of(request).getLanguage()).isEqualTo(expected);
	}

	@Test
	void theCookieOfAnEarlierChoiceComesBeforeTheBrowsersAndTheParameterBeforeBoth() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/innovations");
		request.addHeader("Accept-Language", "fr");
		request.setCookies(new Cookie(InterfaceLanguage.COOKIE, "es"));
		assertThat(InterfaceLanguage.of(request)).isEqualTo(Locale.forLanguageTag("es"));
		request.setQueryString("q=open&lang=en");
		assertThat(InterfaceLanguage.of(request)).isEqualTo(Locale.ENGLISH);
	}

	@Test
	void aLanguageCasebookDoesNotHaveIsNoChoice() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/innovations");
		request.addHeader("Accept-Language", "fr");
		request.setCookies(new Cookie(InterfaceLanguage.COOKIE, "de"));
		request.setQueryString("lang=pt&lang=%zz&%zz=es");
		assertThat(InterfaceLanguage.of(request)).isEqualTo(Locale.FRENCH);
	}

	@Test
	void aPageInEachLanguageIsItsAddressWithLangSetAndEveryOtherParameterKept() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/innovations");
		request.setQueryString("q=caf%C3%A9&lang=fr&country=fr,de&lang=xx");
		assertThat(LanguageLinks.pageWithoutLanguage(request)).isEqualTo("/innovations?q=caf%C3%A9&country=fr,de");
		assertThat(LanguageLinks.withLanguage("/innovations?q=open#map=2/0/0", "es"))
			.isEqualTo("/innovations?q=open&lang=es#map=2/0/0");
		assertThat(LanguageLinks.withLanguage("/about", "fr")).isEqualTo("/about?lang=fr");
	}

	@Test
	void anErrorPageLinksToThePageAskedForAndAFormsAnswerToTheForm() {
		MockHttpServletRequest error = new MockHttpServletRequest("GET", "/error");
		error.setDispatcherType(DispatcherType.ERROR);
		error.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/innovations/no-such-case");
		error.setAttribute(RequestDispatcher.ERROR_QUERY_STRING, "lang=es&x=1");
		assertThat(LanguageLinks.pageWithoutLanguage(error)).isEqualTo("/innovations/no-such-case?x=1");
		MockHttpServletRequest form = new MockHttpServletRequest("POST", "/signup");
		form.setQueryString("next=1");
		assertThat(LanguageLinks.pageWithoutLanguage(form)).isEqualTo("/signup");
	}

}
