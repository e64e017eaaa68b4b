package org.casebook.search.lucene;

import org.casebook.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A query that runs past {@code casebook.search.timeout} is stopped and the search
 * refused with a 400 that says so; nothing of it is remembered. Here every query is past
 * its time at once.
 */
@SpringBootTest(properties = { "casebook.search.timeout=1ns", "casebook.demo.cases=20" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestDatabase.class)
class SearchTimeoutTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aSearchPastItsTimeIsStoppedAndRefused() throws Exception {
		for (int attempt = 0; attempt < 2; attempt++) {
			this.mvc.perform(get("/innovations?q=open"))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("took longer than 0 seconds and was stopped")));
		}
		this.mvc.perform(get("/api/v1/innovations?sector=education"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("was stopped")));
		this.mvc.perform(get("/api/v1/map?zoom=2"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("was stopped")));
		// A case page reads the database, not a search.
		String slug = this.jdbc.queryForObject("select slug from innovation where status = 'PUBLISHED' limit 1",
				String.class);
		this.mvc.perform(get("/innovations/" + slug)).andExpect(status().isOk());
	}

}
