package org.casebook.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
		if (properties.ephemeral()) {
			builder.setDataDirectory(Files.createTempDirectory("casebook-postgres")).setCleanDataDirectory(true);
		}
		else {
			Path dataDirectory = properties.dataDirectory().toAbsolutePath();
			Files.createDirectories(dataDirectory);
			stopStaleServer(dataDirectory);
			builder.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(false)
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("full_page_writes", "on");
			log.info("Starting embedded PostgreSQL with its data in {}", dataDirectory);
		}
		// Room for the demo generator's large batches and for mass indexing.
		builder.setServerConfig("max_connections", "50").setServerConfig("shared_buffers", "256MB");
		return new EmbeddedPostgresServer(builder.start());
	}

	String jdbcUrl() {
		return this.postgres.getJdbcUrl("postgres", "postgres");
	}

	@Override
	public void close() throws IOException {
		this.postgres.close();
	}

	/**
	 * After a kill -9 of Casebook the server it started keeps running and holds the data
	 * folder; stop it so that this start can take the folder over.
	 */
	private static void stopStaleServer(Path dataDirectory) throws IOException {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.isEmpty()) {
			return;
		}
		long pid = Long.parseLong(lines.get(0).trim());
		ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent((server) -> {
			log.warn("Stopping a PostgreSQL server (pid {}) left running by an earlier Casebook", pid);
			server.destroy();
			try {
				server.onExit().get(Duration.ofSeconds(30).toSeconds(), TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (ExecutionException | TimeoutException ex) {
				server.destroyForcibly();
			}
		});
		Files.deleteIfExists(pidFile);
	}

}
