package org.casebook.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.casebook.CasebookIntegrationTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@CasebookIntegrationTest
class PagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void listShowsThePublishedCasesNewestFirst() throws Exception {
		int published = this.jdbc.queryForObject("SELECT count(*) FROM innovation WHERE status = 'PUBLISHED'",
				Integer.class);
		String newest = this.jdbc.queryForObject(
				"SELECT title FROM innovation WHERE status = 'PUBLISHED' ORDER BY published_at DESC, lower(title) LIMIT 1",
				String.class);
		this.mvc.perform(get("/innovations"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Innovations:")))
			.andExpect(content().string(containsString(">" + published + "<")))
			.andExpect(content().string(containsString(escape(newest))));
		this.mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(escape(newest))));
		// First on the page: a case published last (several may share the moment).
		Matcher card = Pattern.compile("<h2 class=\"card-title\"[^>]*><a href=\"/innovations/([^\"]+)\"")
			.matcher(html("/innovations"));
		assertThat(card.find()).isTrue();
		Boolean publishedLast = this.jdbc.queryForObject("""
				SELECT published_at = (SELECT max(published_at) FROM innovation WHERE status = 'PUBLISHED')
				FROM innovation WHERE slug = ?""", Boolean.class, card.group(1));
		assertThat(publishedLast).as(card.group(1)).isTrue();
	}

	@Test
	void cardsShowSummaryCountriesAndYear() throws Exception {
		// The seed cases are published last, so they fill the first page. The facets and
		// the year histogram name countries and years too: look inside the case's card.
		String card = card(html("/innovations"), "/innovations/un-decret-par-tous-un-decret-pour-tous");
		assertThat(card).contains("Un décret par tous, un décret pour tous", "En 2015, le Parlement de Wallonie",
				"<span>Belgium</span>", "<span>2015</span>");
	}

	@Test
	void demoCasesAreMarkedOnScreen() throws Exception {
		int pages = (this.jdbc.queryForObject("SELECT count(*) FROM innovation WHERE status = 'PUBLISHED'",
				Integer.class) + 19) / 20;
		this.mvc.perform(get("/innovations").param("page", Integer.toString(pages)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Demo data")));
		String slug = this.jdbc.queryForObject(
				"SELECT slug FROM innovation WHERE demo AND status = 'PUBLISHED' ORDER BY id LIMIT 1", String.class);
		this.mvc.perform(get("/innovations/" + slug))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This case is demo data")));
	}

	@Test
	void detailShowsEveryPresentSectionAndLeavesOutEmptyOnes() throws Exception {
		var row = this.jdbc.queryForMap("""
				SELECT slug, title, overview, lessons_learned FROM innovation
				WHERE demo AND status = 'PUBLISHED' AND lessons_learned IS NOT NULL AND replication IS NULL
				ORDER BY id LIMIT 1""");
		String page = this.mvc.perform(get("/innovations/" + row.get("slug")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(escape((String) row.get("title")))))
			.andExpect(content().string(containsString("Innovation Overview")))
			.andExpect(content().string(containsString("Lessons learned")))
			.andExpect(content().string(not(containsString("Replication"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		// The narrative is Markdown, written by its own renderer: compare the text that
		// a reader sees, not one way of escaping it.
		String shown = Jsoup.parse(page).text();
		assertThat(shown).contains((String) row.get("overview"), (String) row.get("lessons_learned"));
	}

	@Test
	void detailShowsTheFactsInASidePanel() throws Exception {
		String page = this.mvc.perform(get("/innovations/anonymous-foi-requests-brazil"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Innovation Overview"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String facts = page.substring(page.indexOf("<aside class=\"case-facts\""), page.indexOf("</aside>"));
		assertThat(facts).contains("Brazil", "National/Federal", "Comptroller General of the Union (CGU)",
				">Government</a>)", "Transparency", "Public administration modernisation and reform", "Implementation");
		// The text names no year of launch, so the panel has none.
		assertThat(facts).doesNotContain("Year of launch");
		// Each fact leads to the list of the cases that share it.
		assertThat(factLinks(facts)).containsExactlyInAnyOrder("/innovations?country=br", "/innovations?level=national",
				"/innovations?orgType=government", "/innovations?sector=public-administration",
				"/innovations?stage=implementation", "/innovations?tag=transparency", "/innovations?language=en");
	}

	@Test
	void everyFactLinksToAListThatHoldsTheCase() throws Exception {
		String withYear = this.jdbc.queryForObject("""
				SELECT slug FROM innovation WHERE demo AND status = 'PUBLISHED' AND launch_year IS NOT NULL
				ORDER BY id LIMIT 1""", String.class);
		for (String slug : new String[] { "anonymous-foi-requests-brazil", withYear }) {
			String page = html("/innovations/" + slug);
			List<String> links = factLinks(
					page.substring(page.indexOf("<aside class=\"case-facts\""), page.indexOf("</aside>")));
			assertThat(links).as(slug).isNotEmpty();
			if (slug.equals(withYear)) {
				int year = this.jdbc.queryForObject("SELECT launch_year FROM innovation WHERE slug = ?", Integer.class,
						slug);
				assertThat(links).contains("/innovations?yearFrom=" + year + "&yearTo=" + year);
			}
			for (String link : links) {
				assertThat(listHolds(link, "/innovations/" + slug)).as(link).isTrue();
			}
		}
	}

	@Test
	void unknownSlugGetsAFriendly404() throws Exception {
		this.mvc.perform(get("/innovations/no-such-case").accept(MediaType.TEXT_HTML))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("There is no published innovation or page at this address")))
			.andExpect(content().string(containsString("href=\"/innovations\"")));
	}

	@Test
	void unpublishedCasesAreNotShown() throws Exception {
		String draft = this.jdbc.queryForObject("SELECT slug FROM innovation WHERE status <> 'PUBLISHED' LIMIT 1",
				String.class);
		this.mvc.perform(get("/innovations/" + draft)).andExpect(status().isNotFound());
	}

	@Test
	void badPageNumbersGet400AndPagesPastTheEndAreEmpty() throws Exception {
		this.mvc.perform(get("/innovations").param("page", "abc"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Part of the address is not valid")));
		this.mvc.perform(get("/innovations").param("page", "0")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/innovations").param("page", "99999999999")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/innovations").param("page", "400"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No innovations to show.")));
	}

	@Test
	void everyScriptAndStylesheetOfTheLayoutIsServedByCasebookItself() throws Exception {
		String page = this.mvc.perform(get("/innovations")).andReturn().getResponse().getContentAsString();
		Matcher assets = Pattern.compile("(?:src|href)=\"(/[^\"]+\\.(?:js|css))\"").matcher(page);
		int found = 0;
		while (assets.find()) {
			this.mvc.perform(get(assets.group(1))).andExpect(status().isOk());
			found++;
		}
		assertThat(found).isGreaterThanOrEqualTo(3);
		// Links to other pages may be absolute (the canonical address is); what a page
		// loads may not.
		assertThat(page).doesNotContainPattern("src=\"(?:https?:)?//")
			.doesNotContainPattern("<link rel=\"stylesheet\" href=\"(?:https?:)?//");
	}

	@Test
	void healthIsUp() throws Exception {
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("UP")));
	}

	private String html(String url) throws Exception {
		return this.mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	/** The links of a case's facts to lists, their {@code &amp;} read. */
	private static List<String> factLinks(String facts) {
		Matcher link = Pattern.compile("<a href=\"(/innovations\\?[^\"]+)\"").matcher(facts);
		List<String> links = new ArrayList<>();
		while (link.find()) {
			links.add(HtmlUtils.htmlUnescape(link.group(1)));
		}
		return links;
	}

	/** Whether a list, on any of its pages, has a card that links to this address. */
	private boolean listHolds(String list, String href) throws Exception {
		for (int page = 1;; page++) {
			String html = html(list + "&size=100&page=" + page);
			if (html.contains("<a href=\"" + href + "\"")) {
				return true;
			}
			if (!html.contains("<h2 class=\"card-title\"")) {
				return false;
			}
		}
	}

	/** The card on a page that links to a case. */
	private static String card(String page, String href) {
		int link = page.indexOf("<a href=\"" + href + "\"");
		assertThat(link).as(href).isPositive();
		return page.substring(page.lastIndexOf("<article class=\"card\"", link), page.indexOf("</article>", link));
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
