package org.casebook.innovation.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.casebook.CasebookWebTest;
import org.casebook.attachment.FakeAttachments;
import org.casebook.innovation.FakeInnovationCatalogue;
import org.casebook.innovation.Innovation;
import org.casebook.innovation.Location;
import org.casebook.innovation.Provenance;
import org.casebook.innovation.Section;
import org.casebook.search.FakeInnovationSearch;
import org.casebook.search.FakeInnovationSearch.Related;
import org.casebook.search.InnovationHit;
import org.casebook.search.SearchLabels;
import org.casebook.taxonomy.FakeTaxonomies;
import org.casebook.taxonomy.Tag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The page of one case in the web layer alone: the case with the related cases the engine
 * found; the 404 page for a case that is not published; the 503 page with
 * {@code Retry-After} while the database is away, and the 500 page, without details, for
 * other database failures. The catalogue is a {@link FakeInnovationCatalogue} (the real
 * one reads PostgreSQL through a repository), the engine a {@link FakeInnovationSearch}.
 */
@CasebookWebTest(InnovationController.class)
@Import({ FakeInnovationCatalogue.class, FakeInnovationSearch.class, FakeAttachments.class, NarrativeHtml.class,
		FakeTaxonomies.class, SearchLabels.class })
class InnovationControllerWebTests {

	static final InnovationHit RELATED = new InnovationHit(7L, "open-school-data", "Open school data",
			"Every school's " + "results, open", List.of("fr"), List.of("France"), 2018, false,
			Instant.parse("2024-02-01T10:00:00Z"), null, null, "en", InnovationHit.TermKeys.NONE, List.of());

	@Autowired
	MockMvc mvc;

	@Autowired
	FakeInnovationCatalogue catalogue;

	@Autowired
	FakeInnovationSearch search;

	@Autowired
	Clock clock;

	@BeforeEach
	void emptyCatalogue() {
		this.catalogue.reset();
		this.search.reset();
	}

	@Test
	void aPublishedCaseIsShownWithTheRelatedCasesTheEngineFound() throws Exception {
		Innovation innovation = new Innovation("school-budgets", "Participatory school budgets", "en",
				Instant.parse("2024-01-01T10:00:00Z"));
		innovation.setSummary("Pupils decide how to spend part of their school's budget.");
		innovation.getNarrative().set(Section.LESSONS_LEARNED, "Start with a small budget.");
		innovation.getTags().add(new Tag("open-data", "Open data"));
		innovation.setLocation(new Location("Porto Alegre", -30.0346, -51.2177));
		innovation.publish(Instant.parse("2024-05-01T10:00:00Z"));
		this.catalogue.add(innovation);
		this.search.relates(RELATED);
		String page = this.mvc.perform(get("/innovations/school-budgets"))
			.andExpect(status().isOk())
			.andExpect(content().contentType("text/html;charset=UTF-8"))
			.andExpect(view().name("innovation/detail"))
			.andExpect(model().attribute("innovation", innovation))
			.andExpect(model().attribute("related", List.of(RELATED)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("<h1 lang=\"en\">Participatory school budgets</h1>",
				"<p class=\"lead\" lang=\"en\">Pupils decide how to spend part of their school&#39;s budget.</p>",
				"<h3>Lessons learned</h3>", "<p>Start with a small budget.</p>",
				"<li><a href=\"/innovations?tag=open-data\" aria-label=\"Open data: cases with this tag\">Open data</a></li>",
				"<dd lang=\"en\">Porto Alegre</dd>", "<time datetime=\"2024-05-01\">1 May 2024</time>",
				"Related innovations",
				"<a href=\"/innovations/open-school-data\" data-hx-boost=\"false\">Open school data</a>");
		assertThat(this.search.calls())
			.containsExactly(new Related("school-budgets", InnovationController.RELATED_CASES));
	}

	/**
	 * The page's own words, the names of the case's terms and its dates are in the
	 * reader's language; the case's words stay in its own.
	 */
	@Test
	void aCaseIsShownInTheReadersLanguage() throws Exception {
		Innovation innovation = new Innovation("budgets-participatifs", "Budgets participatifs des écoles", "fr",
				Instant.parse("2024-01-01T10:00:00Z"));
		innovation.setSummary("Les élèves décident d’une partie du budget de leur école.");
		innovation.getTags().add(new Tag("open-data", "Open data"));
		innovation.publish(Instant.parse("2024-05-01T10:00:00Z"));
		this.catalogue.add(innovation);
		String page = this.mvc.perform(get("/innovations/budgets-participatifs").header("Accept-Language", "es"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("<html lang=\"es\">", "<h2 id=\"facts-heading\">Datos clave</h2>",
				"<a href=\"/innovations?tag=open-data\" aria-label=\"Datos abiertos: casos con esta etiqueta\">"
						+ "Datos abiertos</a>",
				"<time datetime=\"2024-05-01\">1 de mayo de 2024</time>",
				"<a href=\"/innovations?language=fr\" aria-label=\"Francés: casos en este idioma\">Francés</a>");
	}

	@Test
	void theNarrativeIsMarkdownAndItsHtmlIsShownAsText() throws Exception {
		Innovation innovation = new Innovation("hostile", "A hostile case", "en",
				Instant.parse("2024-01-01T10:00:00Z"));
		innovation.setSummary("A *summary* stays <b>plain</b>");
		innovation.setOverview("First paragraph.\n\nSecond, with [a link](https://example.org).");
		innovation.getNarrative()
			.set(Section.LESSONS_LEARNED, "<script>alert(1)</script>\n\n- one\n- <img src=x onerror=alert(2)>");
		innovation.getNarrative().set(Section.REPLICATION, "[x](javascript:alert(3)) <iframe src=//evil.example>");
		innovation.publish(Instant.parse("2024-05-01T10:00:00Z"));
		this.catalogue.add(innovation);
		String page = this.mvc.perform(get("/innovations/hostile"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("<p class=\"lead\" lang=\"en\">A *summary* stays &lt;b&gt;plain&lt;/b&gt;</p>",
				"<p>First paragraph.</p>\n<p>Second, with "
						+ "<a href=\"https://example.org\" rel=\"nofollow noopener\">a link</a>.</p>",
				"<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n<ul>\n<li>one</li>",
				"<p>&lt;img src=x onerror=alert(2)&gt;</p>", "<p>x &lt;iframe src=//evil.example&gt;</p>");
		// The site's own scripts and the JSON-LD are in the head; the body has none.
		String body = page.substring(page.indexOf("<body>"));
		assertThat(body).doesNotContain("<script", "<img", "<iframe", "javascript:", "onerror=\"");
		assertThat(page.substring(0, page.indexOf("<body>"))).containsOnlyOnce("application/ld+json");
	}

	@Test
	void theCitationNamesTheTitleTheSourceTheAddressAndTheDayOfReading() throws Exception {
		Innovation innovation = new Innovation("school-budgets", "Participatory school budgets", "en",
				Instant.parse("2024-01-01T10:00:00Z"));
		innovation.publish(Instant.parse("2024-05-01T10:00:00Z"));
		this.catalogue.add(innovation);
		String today = LocalDate.now(this.clock).format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
		assertThat(citation(this.mvc.perform(get("/innovations/school-budgets")))).isEqualTo(
				"<p class=\"citation\">\u201c<span lang=\"en\">Participatory school budgets</span>\u201d, Casebook. "
						+ "http://localhost/innovations/school-budgets (accessed on " + today + ").</p>");
		// The source a case came from, with the date in the reader's language.
		innovation.setProvenance(new Provenance("OPSI", "https://oecd-opsi.org/innovations/x", "CC-BY-4.0"));
		String aujourdhui = LocalDate.now(this.clock).format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH));
		assertThat(citation(this.mvc.perform(get("/innovations/school-budgets").locale(Locale.FRENCH))))
			.contains("«\u00a0<span lang=\"en\">Participatory school budgets</span>\u00a0», OPSI. "
					+ "http://localhost/innovations/school-budgets", "(consulté le " + aujourdhui + ")");
	}

	@Test
	void aCaseThatIsNotPublishedGetsThe404Page() throws Exception {
		this.catalogue.add(new Innovation("a-draft", "A draft", "en", Instant.parse("2024-01-01T10:00:00Z")));
		for (String slug : List.of("no-such-case", "a-draft")) {
			this.mvc.perform(get("/innovations/" + slug).accept(MediaType.TEXT_HTML))
				.andExpect(status().isNotFound())
				.andExpect(content().contentType("text/html;charset=UTF-8"))
				.andExpect(view().name("error/404"))
				.andExpect(
						content().string(containsString("There is no published innovation or page at this address.")));
		}
		assertThat(this.search.calls()).isEmpty();
	}

	@Test
	void whileTheDatabaseIsAwayTheCasePageAsksToComeBackLater() throws Exception {
		this.catalogue.fails(new DataAccessResourceFailureException("Connection refused"));
		MockHttpServletResponse response = this.mvc.perform(get("/innovations/school-budgets"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "5"))
			.andExpect(content().contentType("text/html;charset=UTF-8"))
			.andExpect(view().name("error/503"))
			.andReturn()
			.getResponse();
		assertThat(response.getContentAsString())
			.contains("<h1>Casebook is briefly unavailable</h1>", "Casebook cannot reach its database just now.")
			.doesNotContain("Connection refused", "Exception");
	}

	@Test
	void anotherDatabaseFailureGetsThe500PageWithoutItsDetails() throws Exception {
		this.catalogue.fails(new DataIntegrityViolationException("duplicate key value violates unique constraint"));
		MockHttpServletResponse response = this.mvc.perform(get("/innovations/school-budgets"))
			.andExpect(status().isInternalServerError())
			.andExpect(header().doesNotExist("Retry-After"))
			.andExpect(view().name("error/5xx"))
			.andReturn()
			.getResponse();
		assertThat(response.getContentAsString()).contains("Casebook could not answer this request.")
			.doesNotContain("duplicate key", "Exception");
	}

	private static String citation(ResultActions result) throws Exception {
		String page = result.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		int start = page.indexOf("<p class=\"citation\">");
		assertThat(start).isPositive();
		return page.substring(start, page.indexOf("</p>", start) + "</p>".length());
	}

	@Test
	void theCasePageCarriesTheSecurityHeaders() throws Exception {
		this.mvc.perform(get("/innovations/no-such-case"))
			.andExpect(status().isNotFound())
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")));
	}

}
