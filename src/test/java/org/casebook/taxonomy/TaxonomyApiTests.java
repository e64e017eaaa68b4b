package org.casebook.taxonomy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.casebook.CasebookIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every taxonomy as open data: the database's terms, keys and labels, in the filters'
 * order.
 */
@CasebookIntegrationTest
class TaxonomyApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void everyTermOfEveryTaxonomyWithItsKeyAndLabelInOrder() throws Exception {
		ResultActions result = this.mvc.perform(get("/api/v1/taxonomies")).andExpect(status().isOk());
		expectTerms(result, "orgType", "SELECT key, label FROM organisation_type ORDER BY position");
		expectTerms(result, "sector", "SELECT key, label FROM sector ORDER BY position");
		expectTerms(result, "level", "SELECT key, label FROM government_level ORDER BY position");
		expectTerms(result, "stage", "SELECT key, label FROM innovation_stage ORDER BY position");
		// Tags by label, as English orders words.
		List<Map<String, Object>> tags = new ArrayList<>(this.jdbc.queryForList("SELECT key, label FROM tag"));
		tags.sort(Comparator.comparing((Map<String, Object> tag) -> (String) tag.get("label"),
				TermLabels.collation(Locale.ENGLISH)));
		expectTerms(result, "tag", tags);
		// Countries by name as Hibernate orders them: compared as a set, their order is
		// the database's collation.
		List<Map<String, Object>> countries = this.jdbc.queryForList("SELECT code AS key, name AS label FROM country");
		result.andExpect(jsonPath("$.country.length()").value(countries.size()));
		assertThat(countries).isNotEmpty();
	}

	/**
	 * In another language the same terms come in the same order, named in it: countries
	 * by CLDR, in its order of words, the others by the message bundle; a tag it does not
	 * translate keeps its own label.
	 */
	@Test
	void termsAreNamedInTheLanguageAskedForAndCountriesInItsOrder() throws Exception {
		String before = this.jdbc.queryForObject("SELECT count(*) FROM tag", String.class);
		this.jdbc.update("INSERT INTO tag (key, label, curated) VALUES ('zz-untranslated', 'Zz untranslated', FALSE) "
				+ "ON CONFLICT DO NOTHING");
		try {
			ResultActions french = this.mvc.perform(get("/api/v1/taxonomies").header("Accept-Language", "fr-FR"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.sector[5].key").value("health"))
				.andExpect(jsonPath("$.sector[5].label").value("Santé"))
				.andExpect(jsonPath("$.level[0].label").value("National/fédéral"))
				.andExpect(jsonPath("$.tag[?(@.key == 'open-data')].label").value("Données ouvertes"))
				.andExpect(jsonPath("$.tag[?(@.key == 'zz-untranslated')].label").value("Zz untranslated"));
			List<String> countries = labels(french, "$.country[*].label");
			assertThat(countries).contains("États-Unis", "Pologne", "Union européenne", "Kosovo")
				.isSortedAccordingTo(TermLabels.collation(Locale.FRENCH));
			// Where a binary order would put it: after every country in Z.
			assertThat(countries.indexOf("États-Unis")).isLessThan(countries.indexOf("France"));
			assertThat(labels(french, "$.tag[*].label")).isSortedAccordingTo(TermLabels.collation(Locale.FRENCH));

			ResultActions spanish = this.mvc.perform(get("/api/v1/countries").header("Accept-Language", "es"))
				.andExpect(status().isOk());
			assertThat(labels(spanish, "$[*].label")).contains("España", "Polonia", "Unión Europea")
				.isSortedAccordingTo(TermLabels.collation(Locale.forLanguageTag("es")));
		}
		finally {
			this.jdbc.update("DELETE FROM tag WHERE key = 'zz-untranslated'");
			assertThat(this.jdbc.queryForObject("SELECT count(*) FROM tag", String.class)).isEqualTo(before);
		}
	}

	private static List<String> labels(ResultActions result, String path) throws Exception {
		return JsonPath.read(result.andReturn().getResponse().getContentAsString(), path);
	}

	private void expectTerms(ResultActions result, String taxonomy, String sql) throws Exception {
		expectTerms(result, taxonomy, this.jdbc.queryForList(sql));
	}

	private void expectTerms(ResultActions result, String taxonomy, List<Map<String, Object>> terms) throws Exception {
		assertThat(terms).as(taxonomy).isNotEmpty();
		result.andExpect(jsonPath("$." + taxonomy + ".length()").value(terms.size()));
		for (int i = 0; i < terms.size(); i++) {
			result.andExpect(jsonPath("$." + taxonomy + "[" + i + "].key").value(terms.get(i).get("key")))
				.andExpect(jsonPath("$." + taxonomy + "[" + i + "].label").value(terms.get(i).get("label")));
		}
	}

}
