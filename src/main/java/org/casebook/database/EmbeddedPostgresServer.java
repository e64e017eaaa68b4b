package org.casebook.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Properties;
import java.util.Set;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from the binaries on the classpath. In durable mode its
 * data lives in a folder that survives restarts, with fsync on, so that a crash loses
 * nothing; one Casebook at a time may use the folder ({@link DataDirectoryLock}).
 * <p>
 * The server listens on 127.0.0.1 only and asks every connection for the password of its
 * superuser {@code postgres}, a random one kept in the data folder
 * ({@value #PASSWORD_FILE}, readable by its owner only). zonky's initdb trusts everyone,
 * and its startup check connects over TCP as {@code postgres}: so a folder without a
 * password yet (new, or made by a Casebook that predates passwords) starts with a single
 * trusted entry, {@code postgres} from 127.0.0.1, that is replaced by password
 * authentication as soon as the server is up and the password set.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	static final String USERNAME = "postgres";

	static final String PASSWORD_FILE = "casebook.password";

	private static final String LISTEN_ADDRESS = "127.0.0.1";

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private static final SecureRandom random = new SecureRandom();

	private final EmbeddedPostgres postgres;

	private final String password;

	private final DataDirectoryLock lock;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres, String password, DataDirectoryLock lock) {
		this.postgres = postgres;
		this.password = password;
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
			// PostgreSQL's default, "localhost", is whatever the hosts file says it is.
			.setServerConfig("listen_addresses", LISTEN_ADDRESS)
			// Room for the demo generator's large batches and for mass indexing.
			.setServerConfig("max_connections", "50")
			.setServerConfig("shared_buffers", "256MB");
	}

	private static EmbeddedPostgresServer start(EmbeddedPostgres.Builder builder, Path dataDirectory,
			DataDirectoryLock lock) throws IOException {
		Path passwordFile = dataDirectory.resolve(PASSWORD_FILE);
		String password = readPassword(passwordFile);
		boolean hasPassword = password != null;
		// Called after initdb and before the server starts, at every start: an old
		// folder's
		// trust-everyone file is replaced before anyone can use it.
		builder.setDataDirectoryCustomizer((directory) -> writeHba(directory.toPath(), hasPassword));
		if (hasPassword) {
			// For zonky's startup check.
			builder.setConnectConfig("password", password);
		}
		EmbeddedPostgres postgres;
		try {
			postgres = builder.start();
		}
		catch (IOException | RuntimeException ex) {
			// zonky leaves the server running when its startup check fails.
			PostmasterPidFile.stopServer(dataDirectory);
			throw ex;
		}
		try {
			if (!hasPassword) {
				password = setPassword(postgres.getPort(), dataDirectory, passwordFile);
			}
			return new EmbeddedPostgresServer(postgres, password, lock);
		}
		catch (IOException | RuntimeException ex) {
			postgres.close();
			throw ex;
		}
	}

	static String jdbcUrl(int port) {
		return "jdbc:postgresql://" + LISTEN_ADDRESS + ":" + port + "/postgres";
	}

	String jdbcUrl() {
		return jdbcUrl(this.postgres.getPort());
	}

	String username() {
		return USERNAME;
	}

	String password() {
		return this.password;
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

	/**
	 * Gives {@code postgres} a new random password over the one trusted connection, keeps
	 * it, turns on password authentication, and checks that a connection without it is
	 * refused before anything else connects.
	 */
	private static String setPassword(int port, Path dataDirectory, Path passwordFile) throws IOException {
		String password = newPassword();
		String url = jdbcUrl(port);
		Properties withoutPassword = new Properties();
		withoutPassword.setProperty("user", USERNAME);
		try (Connection connection = DriverManager.getConnection(url, withoutPassword)) {
			// The driver hashes it (SCRAM): the password itself never reaches the server.
			connection.unwrap(PGConnection.class).alterUserPassword(USERNAME, password.toCharArray(), "scram-sha-256");
			writePassword(passwordFile, password);
			writeHba(dataDirectory, true);
			try (Statement statement = connection.createStatement()) {
				statement.execute("SELECT pg_reload_conf()");
			}
		}
		catch (SQLException ex) {
			throw new IOException("Could not set the password of the embedded PostgreSQL", ex);
		}
		awaitPasswordRequired(url, withoutPassword);
		log.info("The embedded PostgreSQL now asks for a password, kept in {}", passwordFile);
		return password;
	}

	/**
	 * A reload is asynchronous: wait until the server has applied the new pg_hba.conf.
	 */
	private static void awaitPasswordRequired(String url, Properties withoutPassword) throws IOException {
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (true) {
			try (Connection connection = DriverManager.getConnection(url, withoutPassword)) {
				if (System.nanoTime() > deadline) {
					throw new IOException("The embedded PostgreSQL still accepts connections without a password");
				}
			}
			catch (SQLException ex) {
				// 08004: the driver was asked for a password it does not have; 28xxx:
				// refused.
				String state = String.valueOf(ex.getSQLState());
				if (state.equals("08004") || state.startsWith("28")) {
					return;
				}
				throw new IOException("Could not check the password authentication of the embedded PostgreSQL", ex);
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException("Interrupted while waiting for PostgreSQL to reload its configuration", ex);
			}
		}
	}

	private static String newPassword() {
		byte[] bytes = new byte[24];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String readPassword(Path passwordFile) throws IOException {
		if (!Files.isRegularFile(passwordFile)) {
			return null;
		}
		if (isPosix()) {
			// A copied or restored folder may have lost the permissions.
			Files.setPosixFilePermissions(passwordFile, OWNER_ONLY);
		}
		String password = Files.readString(passwordFile, StandardCharsets.UTF_8).trim();
		return password.isEmpty() ? null : password;
	}

	/**
	 * Created owner-only from the start, then moved into place, so never half-written.
	 */
	private static void writePassword(Path passwordFile, String password) throws IOException {
		Path temporary = passwordFile.resolveSibling(PASSWORD_FILE + ".new");
		Files.deleteIfExists(temporary);
		if (isPosix()) {
			Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
		}
		Files.writeString(temporary, password + "\n", StandardCharsets.UTF_8);
		Files.move(temporary, passwordFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	private static boolean isPosix() {
		return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
	}

	private static void writeHba(Path dataDirectory, boolean passwordSet) {
		String header = """
				# Written by Casebook at every start (EmbeddedPostgresServer): edits are lost.
				# TYPE  DATABASE  USER      ADDRESS       METHOD
				""";
		String entries = passwordSet ? """
				local   all       all                     scram-sha-256
				host    all       all       127.0.0.1/32  scram-sha-256
				""" : """
				# Until Casebook has set the password of postgres (the first start of a folder).
				host    postgres  postgres  127.0.0.1/32  trust
				""";
		try {
			Files.writeString(dataDirectory.resolve("pg_hba.conf"), header + entries, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
