package org.casebook.search.web;

import java.io.StringReader;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import org.casebook.CasebookIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A search's Atom feed against the real index: its entries are the search's newest
 * results, as the JSON API lists them and as PostgreSQL knows them; the list page links
 * to it, visibly and in its head.
 */
@CasebookIntegrationTest
class SearchFeedTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void eachEntrySaysTheLanguageOfItsCase() throws Exception {
		String atom = this.mvc.perform(get("/innovations.atom?q=citoyenne"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		org.w3c.dom.Document document = javax.xml.parsers.DocumentBuilderFactory.newDefaultNSInstance()
			.newDocumentBuilder()
			.parse(new org.xml.sax.InputSource(new java.io.StringReader(atom)));
		String xml = "http://www.w3.org/XML/1998/namespace";
		assertThat(document.getDocumentElement().getAttributeNS(xml, "lang")).isEqualTo("en");
		org.w3c.dom.NodeList entries = document.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
		assertThat(entries.getLength()).isPositive();
		List<String> languages = new ArrayList<>();
		for (int i = 0; i < entries.getLength(); i++) {
			org.w3c.dom.Element entry = (org.w3c.dom.Element) entries.item(i);
			String url = entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "id").item(0).getTextContent();
			String slug = url.substring(url.lastIndexOf('/') + 1);
			assertThat(entry.getAttributeNS(xml, "lang")).as(slug)
				.isEqualTo(
						this.jdbc.queryForObject("SELECT language FROM innovation WHERE slug = ?", String.class, slug));
			languages.add(entry.getAttributeNS(xml, "lang"));
		}
		assertThat(languages).contains("fr");
	}

	@Test
	void theFeedOfAFilteredSearchListsItsNewestResultsInTheSearchsOrder() throws Exception {
		// The country with the most published cases, and the years most of them fall in.
		String country = this.jdbc.queryForObject("""
				SELECT c.country_code FROM innovation_country c JOIN innovation i ON i.id = c.innovation_id
				WHERE i.status = 'PUBLISHED' GROUP BY c.country_code ORDER BY count(*) DESC, c.country_code LIMIT 1""",
				String.class);
		String filters = "country=" + country + "&yearFrom=1990";
		SyndFeed feed = feed("/innovations.atom?" + filters + "&sort=title&size=10&page=2");

		JsonNode search = this.json
			.readTree(this.mvc.perform(get("/api/v1/innovations?" + filters + "&sort=published&size=50"))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());
		List<String> searched = new ArrayList<>();
		search.get("items").forEach((item) -> searched.add("http://localhost" + item.get("url").asString()));
		assertThat(feed.getEntries()).extracting(SyndEntry::getLink).containsExactlyElementsOf(searched);
		assertThat(feed.getEntries()).extracting(SyndEntry::getUri).containsExactlyElementsOf(searched);

		List<String> expected = this.jdbc.queryForList("""
				SELECT 'http://localhost/innovations/' || i.slug FROM innovation i
				JOIN innovation_country c ON c.innovation_id = i.id AND c.country_code = ?
				WHERE i.status = 'PUBLISHED' AND i.launch_year >= 1990""", String.class, country);
		assertThat(expected).isNotEmpty();
		assertThat(feed.getEntries()).hasSize(Math.min(expected.size(), SearchFeedController.ENTRIES));
		assertThat(expected).containsAll(searched);
		Timestamp newest = this.jdbc.queryForObject("""
				SELECT max(i.published_at) FROM innovation i
				JOIN innovation_country c ON c.innovation_id = i.id AND c.country_code = ?
				WHERE i.status = 'PUBLISHED' AND i.launch_year >= 1990""", Timestamp.class, country);
		assertThat(feed.getEntries().get(0).getPublishedDate().toInstant()).isEqualTo(newest.toInstant());
		for (int i = 1; i < feed.getEntries().size(); i++) {
			assertThat(feed.getEntries().get(i).getPublishedDate())
				.isBeforeOrEqualTo(feed.getEntries().get(i - 1).getPublishedDate());
		}
		assertThat(feed.getEntries()).allSatisfy((entry) -> assertThat(entry.getCategories())
			.anySatisfy((category) -> assertThat(category.getName()).isEqualTo(country)));
		String label = this.jdbc.queryForObject("SELECT name FROM country WHERE code = ?", String.class, country);
		assertThat(feed.getTitle())
			.isEqualTo("Casebook — innovations matching Countries: " + label + "; Year of launch: 1990–…");
	}

	@Test
	void theFeedOfEverythingHasTheFiftyNewestCases() throws Exception {
		SyndFeed feed = feed("/innovations.atom");
		List<String> newest = this.jdbc.queryForList(
				"SELECT 'http://localhost/innovations/' || slug FROM innovation WHERE status = 'PUBLISHED' ORDER BY published_at DESC LIMIT 60",
				String.class);
		assertThat(feed.getEntries()).hasSize(SearchFeedController.ENTRIES);
		// Cases published at the same moment may come in either order at the edge.
		assertThat(newest).containsAll(feed.getEntries().stream().map(SyndEntry::getLink).toList());
		assertThat(feed.getTitle()).isEqualTo("Casebook — newest innovations");
	}

	@Test
	void theListPageLinksToTheFeedOfItsSearch() throws Exception {
		String page = this.mvc.perform(get("/innovations?country=FR,de&sort=title&page=1&show=tag"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(
				"<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/innovations.atom?country=fr,de\" title=\"Subscribe to these results (Atom)\">",
				"<a href=\"/innovations.atom?country=fr,de\" type=\"application/atom+xml\" data-hx-boost=\"false\">Subscribe to these results (Atom)</a>");
		// The link follows the search when htmx replaces the results.
		assertThat(this.mvc.perform(get("/innovations?country=pl").header("HX-Request", "true"))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("href=\"/innovations.atom?country=pl\"");
		this.mvc.perform(get("/innovations.atom?yearFrom=abc")).andExpect(status().isBadRequest());
	}

	private SyndFeed feed(String url) throws Exception {
		String xml = this.mvc.perform(get(url))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return new SyndFeedInput().build(new StringReader(xml));
	}

}
