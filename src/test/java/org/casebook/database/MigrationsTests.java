package org.casebook.database;

import org.casebook.CasebookIntegrationTest;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@CasebookIntegrationTest
class MigrationsTests {

	@Autowired
	Flyway flyway;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void everyMigrationAppliedToTheEmptyDatabase() {
		MigrationInfo[] applied = this.flyway.info().applied();
		assertThat(applied).isNotEmpty()
			.allSatisfy((migration) -> assertThat(migration.getState()).isEqualTo(MigrationState.SUCCESS));
		assertThat(this.flyway.info().pending()).isEmpty();
	}

	@Test
	void taxonomiesAreLoaded() {
		assertThat(count("organisation_type")).isEqualTo(6);
		assertThat(count("government_level")).isEqualTo(4);
		assertThat(count("sector")).isEqualTo(13);
		assertThat(count("innovation_stage")).isEqualTo(6);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM tag WHERE curated", Integer.class))
			.isGreaterThanOrEqualTo(12);
	}

	@Test
	void everyCountryHasAnIsoCodeANameAndAPointOnTheMap() {
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM country WHERE NOT grouping", Integer.class))
			.isEqualTo(250);
		assertThat(this.jdbc.queryForObject("SELECT name FROM country WHERE code = 'pl'", String.class))
			.isEqualTo("Poland");
		assertThat(this.jdbc.queryForObject("SELECT iso_numeric FROM country WHERE code = 'fr'", String.class))
			.isEqualTo("250");
		Double latitude = this.jdbc.queryForObject("SELECT latitude FROM country WHERE code = 'br'", Double.class);
		assertThat(latitude).isBetween(-34.0, 5.0);
		assertThat(this.jdbc.queryForList("SELECT member_code FROM country_grouping_member WHERE grouping_code = 'eu'",
				String.class))
			.hasSize(27)
			.contains("pl", "fr", "lv", "be");
	}

	private int count(String table) {
		return this.jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
	}

}
