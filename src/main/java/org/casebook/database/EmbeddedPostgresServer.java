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
 * nothing; one Casebook at a time may use the folder ({@link DataDirectoryLock}).
 */
final class EmbeddedPostgresServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private final EmbeddedPostgres postgres;

	private final DataDirectoryLock lock;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres, DataDirectoryLock lock) {
		this.postgres = postgres;
		this.lock = lock;
	}

	static EmbeddedPostgresServer start(EmbeddedPostgresProperties properties) throws IOException {
		if (properties.ephemeral()) {
			Path dataDirectory = Files.createTempDirectory("casebook-postgres");
			return start(builder().setDataDirectory(dataDirectory).setCleanDataDirectory(true), dataDirectory, null);
		}
		Path dataDirectory = properties.dataDirectory().toAbsolutePath().normalize();
		Files.createDirectories(dataDirectory);
		DataDirectoryLock lock = DataDirectoryLock.acquire(dataDirectory);
		try {
			PostmasterPidFile.clear(dataDirectory);
			EmbeddedPostgres.Builder builder = builder().setDataDirectory(dataDirectory)
				.setCleanDataDirectory(false)
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("full_page_writes", "on");
			log.info("Starting embedded PostgreSQL with its data in {}", dataDirectory);
			return start(builder, dataDirectory, lock);
		}
		catch (IOException | RuntimeException ex) {
			lock.close();
			throw ex;
		}
	}

	private static EmbeddedPostgres.Builder builder() {
		return EmbeddedPostgres.builder()
			// Room for the demo generator's large batches and for mass indexing.
			.setServerConfig("max_connections", "50")
			.setServerConfig("shared_buffers", "256MB");
	}

	private static EmbeddedPostgresServer start(EmbeddedPostgres.Builder builder, Path dataDirectory,
			DataDirectoryLock lock) throws IOException {
		try {
			return new EmbeddedPostgresServer(builder.start(), lock);
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
		try {
			this.postgres.close();
		}
		finally {
			if (this.lock != null) {
				this.lock.close();
			}
		}
	}

}
