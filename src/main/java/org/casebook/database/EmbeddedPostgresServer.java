package org.casebook.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from the binaries on the classpath. In durable mode its
 * data lives in a folder that survives restarts, with fsync on, so that a crash loses
 * nothing.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private final EmbeddedPostgres postgres;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	static EmbeddedPostgresServer start(EmbeddedPostgresProperties properties) throws IOException {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
		Path dataDirectory;
		if (properties.ephemeral()) {
			dataDirectory = Files.createTempDirectory("casebook-postgres");
			builder.setDataDirectory(dataDirectory).setCleanDataDirectory(true);
		}
		else {
			dataDirectory = properties.dataDirectory().toAbsolutePath().normalize();
			Files.createDirectories(dataDirectory);
			PostmasterPidFile.clear(dataDirectory);
			builder.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(false)
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("full_page_writes", "on");
			log.info("Starting embedded PostgreSQL with its data in {}", dataDirectory);
		}
		// Room for the demo generator's large batches and for mass indexing.
		builder.setServerConfig("max_connections", "50").setServerConfig("shared_buffers", "256MB");
		try {
			return new EmbeddedPostgresServer(builder.start());
		}
		catch (IOException | RuntimeException ex) {
			// zonky leaves the server running when its startup check fails.
			PostmasterPidFile.stopServer(dataDirectory);
			throw ex;
		}
	}

	String jdbcUrl() {
		return this.postgres.getJdbcUrl("postgres", "postgres");
	}

	@Override
	public void close() throws IOException {
		this.postgres.close();
	}

}
