package org.casebook.search.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.casebook.CasebookIntegrationTest;
import org.casebook.search.RandomSearches;
import org.casebook.search.SearchQuery;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A search finds the same cases, in the same order, with the same counts, whatever the
 * language its reader reads: only the words around them change. Random searches over the
 * real index, each asked in English, French and Spanish, of the JSON API and of the list
 * page.
 */
@CasebookIntegrationTest
class SearchInEveryLanguageTests {

	static final int SEARCHES = 20;

	static final List<String> LANGUAGES = List.of("en", "fr", "es");

	/** A card's link on the list page. */
	private static final Pattern CARD = Pattern.compile("<h2 class=\"card-title\"[^>]*><a href=\"([^\"]+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	NamedParameterJdbcTemplate jdbc;

	@Test
	void theResultsAndTheirCountsAreTheSameInEveryLanguage() throws Exception {
		Random random = new Random(20260501);
		var used = RandomSearches.usedValues(this.jdbc);
		for (int i = 0; i < SEARCHES; i++) {
			SearchQuery query = RandomSearches.query(random, used);
			String api = query.toUrl("/api/v1/innovations");
			Map<String, Object> english = found(api, "en");
			assertThat(english.get("slugs")).as(api).isNotNull();
			List<String> englishCards = cards(query.toUrl("/innovations"), "en");
			for (String language : LANGUAGES.subList(1, LANGUAGES.size())) {
				assertThat(found(api, language)).as(api + " in " + language).isEqualTo(english);
				assertThat(cards(query.toUrl("/innovations"), language))
					.as(query.toUrl("/innovations") + " in " + language)
					.isEqualTo(englishCards);
			}
		}
	}

	/** What a search found, as the API says it: totals, cases in order, counts by key. */
	private Map<String, Object> found(String url, String language) throws Exception {
		String json = this.mvc.perform(get(url).header("Accept-Language", language).accept(MediaType.APPLICATION_JSON))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Map<String, Object> found = new LinkedHashMap<>();
		found.put("total", JsonPath.read(json, "$.total"));
		found.put("slugs", JsonPath.read(json, "$.items[*].slug"));
		Map<String, Object> facets = JsonPath.read(json, "$.facets");
		for (String facet : facets.keySet()) {
			List<String> keys = JsonPath.read(json, "$.facets." + facet + "[*].key");
			List<Number> counts = JsonPath.read(json, "$.facets." + facet + "[*].count");
			Map<String, Long> byKey = new TreeMap<>();
			for (int i = 0; i < keys.size(); i++) {
				byKey.put(keys.get(i), counts.get(i).longValue());
			}
			found.put(facet, byKey);
		}
		return found;
	}

	private List<String> cards(String url, String language) throws Exception {
		String page = this.mvc.perform(get(url).header("Accept-Language", language))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> cards = new ArrayList<>();
		Matcher matcher = CARD.matcher(page);
		while (matcher.find()) {
			cards.add(matcher.group(1));
		}
		return cards;
	}

}
