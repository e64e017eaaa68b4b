package org.casebook.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedPostgresServerTests {

	@Test
	void durableServerKeepsItsDataAcrossRestarts(@TempDir Path dataDirectory) throws Exception {
		EmbeddedPostgresProperties properties = new EmbeddedPostgresProperties(dataDirectory, false);
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(properties)) {
			execute(server, "CREATE TABLE kept (word text); INSERT INTO kept VALUES ('décret')");
		}
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(properties);
				Connection connection = DriverManager.getConnection(server.jdbcUrl());
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT word, current_setting('fsync') FROM kept")) {
			assertThat(result.next()).isTrue();
			assertThat(result.getString(1)).isEqualTo("décret");
			assertThat(result.getString(2)).isEqualTo("on");
		}
	}

	@Test
	void backsOffWhenADatasourceUrlIsConfigured() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(EmbeddedPostgresAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example:5432/casebook")
			.run((context) -> assertThat(context).doesNotHaveBean(EmbeddedPostgresServer.class)
				.doesNotHaveBean(JdbcConnectionDetails.class));
	}

	@Test
	void backsOffWhenConnectionDetailsAreProvided() {
		JdbcConnectionDetails provided = new JdbcConnectionDetails() {

			@Override
			public String getJdbcUrl() {
				return "jdbc:postgresql://db.example:5432/casebook";
			}

			@Override
			public String getUsername() {
				return "casebook";
			}

			@Override
			public String getPassword() {
				return "secret";
			}

		};
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(EmbeddedPostgresAutoConfiguration.class))
			.withBean(JdbcConnectionDetails.class, () -> provided)
			.run((context) -> assertThat(context).doesNotHaveBean(EmbeddedPostgresServer.class)
				.getBean(JdbcConnectionDetails.class)
				.isSameAs(provided));
	}

	private static void execute(EmbeddedPostgresServer server, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
