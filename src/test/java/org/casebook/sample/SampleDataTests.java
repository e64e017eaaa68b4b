package org.casebook.sample;

import java.util.List;

import org.casebook.CasebookIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@CasebookIntegrationTest
class SampleDataTests {

	@Autowired
	SampleDataLoader loader;

	@Autowired
	SeedCaseLoader seedCases;

	@Autowired
	DemoProperties demo;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void seedCasesLoadExactlyOnce() throws Exception {
		assertThat(seedCount()).isEqualTo(10);
		assertThat(this.seedCases.loadOnce()).isFalse();
		this.loader.run(new DefaultApplicationArguments());
		assertThat(seedCount()).isEqualTo(10);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM data_load", Integer.class)).isEqualTo(1);
	}

	@Test
	void restartsDoNotGenerateDemoCasesTwice() throws Exception {
		assertThat(demoCount()).isEqualTo(this.demo.casesOn(true));
		this.loader.run(new DefaultApplicationArguments());
		assertThat(demoCount()).isEqualTo(this.demo.casesOn(true));
	}

	@Test
	void seedCasesHoldOnlyWhatTheTextSays() {
		assertThat(this.jdbc.queryForMap(
				"SELECT language, launch_year, level_key, status FROM innovation WHERE slug = 'un-decret-par-tous-un-decret-pour-tous'"))
			.containsEntry("language", "fr")
			.containsEntry("launch_year", 2015)
			.containsEntry("level_key", "regional")
			.containsEntry("status", "PUBLISHED");
		assertThat(countriesOf("un-decret-par-tous-un-decret-pour-tous")).containsExactly("be");
		assertThat(countriesOf("latvia-consultations-future-of-europe")).containsExactly("lv");
		assertThat(countriesOf("european-citizens-consultations")).containsExactly("eu");
		// Nothing in the text says where Les Halles Civiques is, or when it started.
		assertThat(countriesOf("les-halles-civiques")).isEmpty();
		assertThat(this.jdbc.queryForObject("SELECT launch_year FROM innovation WHERE slug = 'les-halles-civiques'",
				Integer.class))
			.isNull();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM innovation WHERE NOT demo AND latitude IS NOT NULL",
				Integer.class))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM innovation WHERE NOT demo AND summary IS NOT NULL AND overview IS NULL",
				Integer.class))
			.isEqualTo(10);
	}

	private int seedCount() {
		return this.jdbc.queryForObject("SELECT count(*) FROM innovation WHERE NOT demo", Integer.class);
	}

	private int demoCount() {
		return this.jdbc.queryForObject("SELECT count(*) FROM innovation WHERE demo", Integer.class);
	}

	private List<String> countriesOf(String slug) {
		return this.jdbc.queryForList(
				"SELECT country_code FROM innovation_country c JOIN innovation i ON i.id = c.innovation_id WHERE i.slug = ?",
				String.class, slug);
	}

}
