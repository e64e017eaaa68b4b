package org.casebook.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the PostgreSQL server that Casebook starts when no datasource is
 * configured.
 *
 * @param dataDirectory where the server keeps its data; survives restarts
 * @param ephemeral a throwaway server in a temporary folder, without fsync (for tests)
 */
@ConfigurationProperties("casebook.embedded-postgres")
public record EmbeddedPostgresProperties(Path dataDirectory, boolean ephemeral) {

	public EmbeddedPostgresProperties {
		if (dataDirectory == null) {
			dataDirectory = Path.of("data", "postgres");
		}
	}

}
