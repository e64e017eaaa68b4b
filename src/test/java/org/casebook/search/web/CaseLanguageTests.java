package org.casebook.search.web;

import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.casebook.CasebookIntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every piece of a case's own words carries the case's language, whatever the page's:
 * cards, the case page's title, summary and narrative, related cases, and the JSON that
 * the map's popups and other sites read. The page's own words are in the reader's
 * language, declared on the page.
 */
@CasebookIntegrationTest
class CaseLanguageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void everyCardsTitleAndSummaryCarryItsCasesLanguage() throws Exception {
		Document page = page("/innovations?size=100", "es");
		assertThat(page.selectFirst("html").attr("lang")).isEqualTo("es");
		List<Element> cards = page.select("article.card");
		assertThat(cards).hasSize(100);
		Map<String, String> languages = languages();
		assertThat(cards.stream().map((card) -> card.selectFirst(".card-title").attr("lang")).distinct())
			.as("cases in several languages")
			.hasSizeGreaterThan(1);
		for (Element card : cards) {
			String slug = slug(card.selectFirst(".card-title a").attr("href"));
			assertThat(card.selectFirst(".card-title").attr("lang")).as(slug).isEqualTo(languages.get(slug));
			Element summary = card.selectFirst(".card-summary");
			if (summary != null) {
				assertThat(summary.attr("lang")).as(slug).isEqualTo(languages.get(slug));
			}
			assertThat(card.attr("lang")).as("the card's facts are the page's").isEmpty();
		}
	}

	@Test
	void aCasePageDeclaresItsWordsInTheirLanguageAndItsOwnInTheReaders() throws Exception {
		String slug = this.jdbc.queryForObject("SELECT slug FROM innovation WHERE language = 'fr' "
				+ "AND status = 'PUBLISHED' AND overview IS NOT NULL ORDER BY id LIMIT 1", String.class);
		Document page = page("/innovations/" + slug, "en");
		assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
		assertThat(page.selectFirst("article.case").attr("lang")).isEmpty();
		assertThat(page.selectFirst("h1").attr("lang")).isEqualTo("fr");
		assertThat(page.select(".narrative")).isNotEmpty()
			.allSatisfy((text) -> assertThat(text.attr("lang")).isEqualTo("fr"));
		assertThat(page.selectFirst(".citation span").attr("lang")).isEqualTo("fr");
		assertThat(page.selectFirst("#facts-heading").attr("lang")).isEmpty();
		Map<String, String> languages = languages();
		assertThat(page.select(".related .card-title")).isNotEmpty()
			.allSatisfy((title) -> assertThat(title.attr("lang"))
				.isEqualTo(languages.get(slug(title.selectFirst("a").attr("href")))));
	}

	@Test
	void theApiAndTheMapsPopupsSayEachCasesLanguage() throws Exception {
		Map<String, String> languages = languages();
		String search = json("/api/v1/innovations?size=100");
		List<String> slugs = JsonPath.read(search, "$.items[*].slug");
		List<String> itemLanguages = JsonPath.read(search, "$.items[*].language");
		for (int i = 0; i < slugs.size(); i++) {
			assertThat(itemLanguages.get(i)).as(slugs.get(i)).isEqualTo(languages.get(slugs.get(i)));
		}
		String map = json("/api/v1/map?zoom=5");
		List<Map<String, Object>> single = JsonPath.read(map, "$.clusters[?(@.count == 1)]");
		assertThat(single).isNotEmpty()
			.allSatisfy((cluster) -> assertThat(cluster.get("language")).isEqualTo(languages.get(cluster.get("slug"))));
		List<Map<String, Object>> several = JsonPath.read(map, "$.clusters[?(@.count > 1)]");
		assertThat(several).allSatisfy((cluster) -> assertThat(cluster).doesNotContainKey("language"));
	}

	/**
	 * "Language of the case" is a facet as the others are: its values counted, named in
	 * the reader's language, a selection that keeps the cases written in it.
	 */
	@Test
	void theLanguageOfTheCaseIsAFacet() throws Exception {
		long french = this.jdbc.queryForObject(
				"SELECT count(*) FROM innovation WHERE status = 'PUBLISHED' AND language = 'fr'", Long.class);
		assertThat(french).isPositive();
		String json = json("/api/v1/innovations?language=fr&size=100");
		assertThat(((Number) JsonPath.read(json, "$.total")).longValue()).isEqualTo(french);
		List<String> itemLanguages = JsonPath.read(json, "$.items[*].language");
		assertThat(itemLanguages).isNotEmpty().containsOnly("fr");
		List<Number> selected = JsonPath.read(json, "$.facets.language[?(@.key == 'fr' && @.selected == true)].count");
		assertThat(selected).singleElement().satisfies((count) -> assertThat(count.longValue()).isEqualTo(french));

		Document page = page("/innovations?language=fr", "es");
		Element facet = page.selectFirst("#facet-language");
		assertThat(facet.selectFirst("legend").text()).isEqualTo("Idioma del caso");
		assertThat(facet.select("label").eachText()).anySatisfy((label) -> assertThat(label).startsWith("Francés"))
			.anySatisfy((label) -> assertThat(label).startsWith("Inglés"));
		assertThat(facet.selectFirst("#language-fr").hasAttr("checked")).isTrue();
		assertThat(page.select(".chip").eachText())
			.anySatisfy((chip) -> assertThat(chip).contains("Idioma del caso", "Francés"));
		assertThat(page.select(".card-title")).isNotEmpty()
			.allSatisfy((title) -> assertThat(title.attr("lang")).isEqualTo("fr"));
	}

	private Map<String, String> languages() {
		return this.jdbc.query("SELECT slug, language FROM innovation WHERE status = 'PUBLISHED'", (ResultSet rows) -> {
			Map<String, String> languages = new HashMap<>();
			while (rows.next()) {
				languages.put(rows.getString(1), rows.getString(2));
			}
			return languages;
		});
	}

	private Document page(String path, String language) throws Exception {
		return Jsoup.parse(this.mvc.perform(get(path).header("Accept-Language", language))
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private String json(String path) throws Exception {
		return this.mvc.perform(get(path)).andReturn().getResponse().getContentAsString();
	}

	private static String slug(String href) {
		return href.substring(href.lastIndexOf('/') + 1);
	}

}
