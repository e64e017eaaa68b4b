package org.casebook.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.casebook.CasebookIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What every answer says about itself: a content security policy without inline code, no
 * framing, no referrer beyond the origin, no powerful features; static files under
 * content-versioned URLs kept for a year; pages and API answers with an ETag and 304.
 */
@CasebookIntegrationTest
class HeadersTests {

	@Autowired
	MockMvc mvc;

	@Test
	void anySiteMayReadTheJsonApiButNothingElse() throws Exception {
		String elsewhere = "https://research.example.org";
		MockHttpServletResponse api = this.mvc.perform(get("/api/v1/taxonomies").header(HttpHeaders.ORIGIN, elsewhere))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(api.getHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).isEqualTo("*");
		assertThat(api.getHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS)).isNull();

		MockHttpServletResponse preflight = this.mvc
			.perform(options("/api/v1/innovations").header(HttpHeaders.ORIGIN, elsewhere)
				.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(preflight.getHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS)).contains("GET")
			.doesNotContain("POST");

		this.mvc
			.perform(options("/api/v1/innovations").header(HttpHeaders.ORIGIN, elsewhere)
				.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST"))
			.andExpect(status().isForbidden());
		MockHttpServletResponse page = this.mvc.perform(get("/innovations").header(HttpHeaders.ORIGIN, elsewhere))
			.andReturn()
			.getResponse();
		assertThat(page.getHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).isNull();
	}

	@Test
	void pagesCarryTheSecurityHeaders() throws Exception {
		for (String path : new String[] { "/innovations", "/innovations?view=map", "/api/v1/innovations",
				"/innovations/no-such-case" }) {
			MockHttpServletResponse response = this.mvc.perform(get(path)).andReturn().getResponse();
			String csp = response.getHeader("Content-Security-Policy");
			assertThat(csp).as(path)
				.contains("default-src 'self'", "script-src 'self';", "style-src 'self';", "frame-ancestors 'none'",
						"object-src 'none'")
				.doesNotContain("unsafe-inline", "unsafe-eval");
			assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
			assertThat(response.getHeader("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
			assertThat(response.getHeader("Permissions-Policy")).contains("camera=()", "geolocation=()");
		}
	}

	@Test
	void behindATlsProxyPagesAskForHttpsOnly() throws Exception {
		MockHttpServletResponse plain = this.mvc.perform(get("/innovations")).andReturn().getResponse();
		assertThat(plain.getHeader("Strict-Transport-Security")).isNull();
		MockHttpServletResponse secure = this.mvc.perform(get("/innovations").secure(true)).andReturn().getResponse();
		assertThat(secure.getHeader("Strict-Transport-Security")).contains("max-age=");
	}

	@Test
	void staticFilesAreLinkedByContentAndKeptForAYear() throws Exception {
		String page = this.mvc.perform(get("/innovations?view=map")).andReturn().getResponse().getContentAsString();
		Matcher css = Pattern.compile("href=\"(/css/casebook-[0-9a-f]{32}\\.css)\"").matcher(page);
		assertThat(css.find()).as("a versioned stylesheet link in " + page).isTrue();
		Matcher shapes = Pattern.compile("(/vendor/world-atlas/countries-50m-[0-9a-f]{32}\\.json)").matcher(page);
		assertThat(shapes.find()).as("versioned country shapes").isTrue();
		Matcher htmx = Pattern.compile("src=\"(/webjars/htmx\\.org/[^\"]+-[0-9a-f]{32}\\.js)\"").matcher(page);
		assertThat(htmx.find()).as("a versioned htmx").isTrue();
		for (String url : new String[] { css.group(1), shapes.group(1), htmx.group(1) }) {
			MockHttpServletResponse response = this.mvc.perform(get(url))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse();
			assertThat(response.getHeader("Cache-Control")).as(url)
				.contains("max-age=31536000", "public", "immutable")
				.doesNotContain("no-store");
		}
	}

	@Test
	void pagesAndApiAnswersAreRevalidatedWithAnEtag() throws Exception {
		for (String path : new String[] { "/innovations?q=open", "/api/v1/innovations?sector=education",
				"/api/v1/map?zoom=2", "/api/v1/countries", "/innovations.atom?country=fr", "/about" }) {
			MockHttpServletResponse first = this.mvc.perform(get(path))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse();
			String etag = first.getHeader("ETag");
			assertThat(etag).as(path).isNotBlank();
			MockHttpServletResponse again = this.mvc.perform(get(path).header("If-None-Match", etag))
				.andReturn()
				.getResponse();
			assertThat(again.getStatus()).as(path).isEqualTo(304);
			assertThat(again.getContentAsByteArray()).isEmpty();
		}
		MockHttpServletResponse page = this.mvc.perform(get("/innovations")).andReturn().getResponse();
		assertThat(page.getHeader("Cache-Control")).isEqualTo("no-cache");
		assertThat(page.getHeaders("Vary")).contains("HX-Request", "Accept-Language", "Cookie");
	}

	/**
	 * A page in one language is not a page in another: a cache keeps them apart (they
	 * vary by the language's cookie and Accept-Language), and the ETag of one does not
	 * stand for the other.
	 */
	@Test
	void pagesAndApiAnswersInAnotherLanguageAreOtherAnswers() throws Exception {
		for (String path : new String[] { "/innovations?q=open", "/api/v1/innovations?sector=education",
				"/api/v1/taxonomies", "/api/v1/countries", "/about" }) {
			MockHttpServletResponse english = this.mvc.perform(get(path).header("Accept-Language", "en"))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse();
			assertThat(english.getHeaders("Vary")).as(path).contains("Accept-Language", "Cookie");
			MockHttpServletResponse french = this.mvc
				.perform(get(path).header("Accept-Language", "fr").header("If-None-Match", english.getHeader("ETag")))
				.andReturn()
				.getResponse();
			assertThat(french.getStatus()).as(path).isEqualTo(200);
			assertThat(french.getHeader("Content-Language")).as(path).isEqualTo("fr");
		}
	}

}
