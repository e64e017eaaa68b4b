package org.casebook.search.web;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
 * The items of the JSON API, read from the real index, carry each case's terms as the
 * database holds them.
 */
@CasebookIntegrationTest
class SearchApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void itemsCarryLanguageLevelSectorsStagesTagsAndOrganisationTypes() throws Exception {
		JsonNode answer = this.json.readTree(this.mvc.perform(get("/api/v1/innovations?size=100&sort=title"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		int withTags = 0;
		for (JsonNode item : answer.get("items")) {
			Map<String, Object> row = this.jdbc.queryForMap(
					"SELECT id, language, level_key FROM innovation WHERE slug = ?", item.get("slug").asString());
			long id = ((Number) row.get("id")).longValue();
			String slug = item.get("slug").asString();
			assertThat(item.get("language").asString()).as(slug).isEqualTo(row.get("language"));
			assertThat(item.get("level").isNull() ? null : item.get("level").get("key").asString()).as(slug)
				.isEqualTo(row.get("level_key"));
			assertThat(keys(item, "sectors")).as(slug)
				.isEqualTo(sql("SELECT sector_key FROM innovation_sector WHERE innovation_id = ?", id));
			assertThat(keys(item, "stages")).as(slug)
				.isEqualTo(sql("SELECT stage_key FROM innovation_innovation_stage WHERE innovation_id = ?", id));
			assertThat(keys(item, "tags")).as(slug)
				.isEqualTo(sql("SELECT tag_key FROM innovation_tag WHERE innovation_id = ?", id));
			assertThat(keys(item, "organisationTypes")).as(slug)
				.isEqualTo(sql(
						"SELECT type_key FROM innovation_organisation WHERE innovation_id = ? AND type_key IS NOT NULL",
						id));
			for (JsonNode tag : item.get("tags")) {
				assertThat(tag.get("label").asString()).isEqualTo(this.jdbc
					.queryForObject("SELECT label FROM tag WHERE key = ?", String.class, tag.get("key").asString()));
			}
			withTags += item.get("tags").isEmpty() ? 0 : 1;
		}
		assertThat(withTags).isGreaterThan(10);
	}

	private static Set<String> keys(JsonNode item, String field) {
		Set<String> keys = new HashSet<>();
		item.get(field).forEach((term) -> keys.add(term.get("key").asString()));
		return keys;
	}

	private Set<String> sql(String sql, long id) {
		List<String> keys = this.jdbc.queryForList(sql, String.class, id);
		return keys.stream().collect(Collectors.toSet());
	}

}
