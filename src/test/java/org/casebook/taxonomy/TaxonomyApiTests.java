package org.casebook.taxonomy;

import java.util.List;
import java.util.Map;

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
		expectTerms(result, "tag", "SELECT key, label FROM tag ORDER BY label");
		// Countries by name as Hibernate orders them: compared as a set, their order is
		// the database's collation.
		List<Map<String, Object>> countries = this.jdbc.queryForList("SELECT code AS key, name AS label FROM country");
		result.andExpect(jsonPath("$.country.length()").value(countries.size()));
		assertThat(countries).isNotEmpty();
	}

	private void expectTerms(ResultActions result, String taxonomy, String sql) throws Exception {
		List<Map<String, Object>> terms = this.jdbc.queryForList(sql);
		assertThat(terms).as(taxonomy).isNotEmpty();
		result.andExpect(jsonPath("$." + taxonomy + ".length()").value(terms.size()));
		for (int i = 0; i < terms.size(); i++) {
			result.andExpect(jsonPath("$." + taxonomy + "[" + i + "].key").value(terms.get(i).get("key")))
				.andExpect(jsonPath("$." + taxonomy + "[" + i + "].label").value(terms.get(i).get("label")));
		}
	}

}
