package org.casebook.opendata.web;

import java.util.List;
import java.util.Map;

import org.casebook.CasebookIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A whole case as open data, as the database holds it, published ones only. */
@CasebookIntegrationTest
class CaseApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aPublishedCaseIsGivenWholeWithItsSectionsAndTermsByKeyAndLabel() throws Exception {
		Map<String, Object> row = this.jdbc.queryForMap("""
				SELECT id, slug, title, summary, overview, language, launch_year, lessons_learned FROM innovation
				WHERE status = 'PUBLISHED' AND lessons_learned IS NOT NULL AND replication IS NULL
				AND launch_year IS NOT NULL ORDER BY id LIMIT 1""");
		long id = ((Number) row.get("id")).longValue();
		List<Map<String, Object>> countries = this.jdbc.queryForList("""
				SELECT c.code, c.name FROM innovation_country ic JOIN country c ON c.code = ic.country_code
				WHERE ic.innovation_id = ?""", id);
		String slug = (String) row.get("slug");

		var result = this.mvc.perform(get("/api/v1/innovations/" + slug))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(header().exists("ETag"))
			.andExpect(jsonPath("$.slug").value(slug))
			.andExpect(jsonPath("$.url").value("/innovations/" + slug))
			.andExpect(jsonPath("$.title").value((String) row.get("title")))
			.andExpect(jsonPath("$.summary").value((String) row.get("summary")))
			.andExpect(jsonPath("$.language").value((String) row.get("language")))
			.andExpect(jsonPath("$.launchYear").value(((Number) row.get("launch_year")).intValue()))
			.andExpect(jsonPath("$.sections.lessons_learned").value((String) row.get("lessons_learned")))
			.andExpect(jsonPath("$.sections", not(hasKey("replication"))))
			.andExpect(jsonPath("$.countries.length()").value(countries.size()))
			.andExpect(jsonPath("$.publishedAt").isString());
		for (Map<String, Object> country : countries) {
			result.andExpect(jsonPath("$.countries[?(@.key == '" + country.get("code") + "')].label")
				.value(hasItem(country.get("name"))));
		}
	}

	@Test
	void everySectionWithATextIsThereAndOnlyThose() throws Exception {
		Map<String, Object> row = this.jdbc.queryForMap("""
				SELECT slug, what_makes_it_innovative, current_status, collaborations, users_and_stakeholders,
				results_and_impacts, challenges_and_failures, conditions_for_success, replication,
				lessons_learned, anything_else FROM innovation
				WHERE status = 'PUBLISHED' AND replication IS NULL AND current_status IS NOT NULL
				ORDER BY id LIMIT 1""");
		String slug = (String) row.remove("slug");
		row.values().removeIf((text) -> text == null || text.toString().isBlank());
		var result = this.mvc.perform(get("/api/v1/innovations/" + slug))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sections", aMapWithSize(row.size())))
			.andExpect(jsonPath("$.sections", not(hasKey("replication"))));
		for (Map.Entry<String, Object> section : row.entrySet()) {
			result.andExpect(jsonPath("$.sections." + section.getKey()).value(section.getValue()));
		}
	}

	@Test
	void anUnknownOrUnpublishedCaseIsA404Problem() throws Exception {
		String draft = this.jdbc.queryForObject("SELECT slug FROM innovation WHERE status <> 'PUBLISHED' LIMIT 1",
				String.class);
		for (String slug : List.of("no-such-case", draft)) {
			this.mvc.perform(get("/api/v1/innovations/" + slug))
				.andExpect(status().isNotFound())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.status").value(404))
				.andExpect(jsonPath("$.detail").value(containsString("no published innovation")));
		}
	}

	@Test
	void everyCaseSaysWhereItComesFromAndUnderWhichLicence() throws Exception {
		// A seed case: an excerpt of OPSI's list page, which states no licence.
		this.mvc.perform(get("/api/v1/innovations/les-halles-civiques"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.source.name").value(containsString("Observatory of Public Sector Innovation")))
			.andExpect(jsonPath("$.source.url").value("https://oecd-opsi.org/case-study-library/"))
			.andExpect(jsonPath("$.source.licence").value(nullValue()));
		this.mvc.perform(get("/innovations/les-halles-civiques"))
			.andExpect(content().string(containsString("href=\"https://oecd-opsi.org/case-study-library/\"")))
			.andExpect(content().string(containsString("None stated by the source")));
		String demo = this.jdbc.queryForObject(
				"SELECT slug FROM innovation WHERE demo AND status = 'PUBLISHED' ORDER BY id LIMIT 1", String.class);
		this.mvc.perform(get("/api/v1/innovations/" + demo))
			.andExpect(jsonPath("$.source.name").value("Casebook demo data"))
			.andExpect(jsonPath("$.source.licence").value("CC0-1.0"));
		this.mvc.perform(get("/innovations/" + demo)).andExpect(content().string(containsString("<dd>CC0-1.0</dd>")));
	}

}
