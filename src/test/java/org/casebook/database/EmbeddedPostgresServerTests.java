package org.casebook.database;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedPostgresServerTests {

	@Test
	void durableServerKeepsItsDataAndPasswordAcrossRestarts(@TempDir Path folder) throws Exception {
		EmbeddedPostgresProperties properties = durable(folder);
		String password;
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(properties)) {
			execute(server, "CREATE TABLE kept (word text); INSERT INTO kept VALUES ('décret')");
			password = server.password();
		}
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(properties)) {
			assertThat(server.password()).isEqualTo(password);
			assertThat(query(server, "SELECT word || ' ' || current_setting('fsync') FROM kept"))
				.isEqualTo("décret on");
		}
	}

	@Test
	void asksForThePasswordKeptInAFileOnlyItsOwnerCanRead(@TempDir Path folder) throws Exception {
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(durable(folder))) {
			Path passwordFile = folder.resolve("postgres").resolve(EmbeddedPostgresServer.PASSWORD_FILE);
			assertThat(Files.readString(passwordFile).trim()).isEqualTo(server.password()).hasSizeGreaterThan(20);
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
				.isEqualTo("rw-------");
			assertThat(query(server, server.password(), "SELECT current_user")).isEqualTo("postgres");
			assertRefused(server, null);
			assertRefused(server, "postgres");
			assertRefused(server, server.password() + "x");
			assertThat(Files.readString(folder.resolve("postgres").resolve("pg_hba.conf"))).doesNotContain("trust");
		}
	}

	@Test
	void asksForAPasswordOnAFolderOfTheVersionThatTrustedEveryone(@TempDir Path folder) throws Exception {
		Path dataDirectory = folder.resolve("postgres");
		try (EmbeddedPostgres old = EmbeddedPostgres.builder()
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(false)
			.start(); Connection connection = old.getPostgresDatabase().getConnection()) {
			connection.createStatement().execute("CREATE TABLE kept (word text); INSERT INTO kept VALUES ('kept')");
		}
		assertThat(Files.readString(dataDirectory.resolve("pg_hba.conf"))).containsPattern("(?m)^host.*trust");
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(durable(folder))) {
			assertRefused(server, null);
			assertThat(query(server, "SELECT word FROM kept")).isEqualTo("kept");
		}
	}

	@Test
	void listensOnTheLoopbackAddressOnly(@TempDir Path folder) throws Exception {
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(durable(folder))) {
			assertThat(query(server, "SHOW listen_addresses")).isEqualTo("127.0.0.1");
			int port = Integer.parseInt(query(server, "SHOW port"));
			Optional<InetAddress> outside = NetworkInterface.networkInterfaces()
				.flatMap(NetworkInterface::inetAddresses)
				.filter((address) -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
				.findFirst();
			if (outside.isPresent()) {
				assertThatExceptionOfType(IOException.class).as("a connection to %s", outside.get()).isThrownBy(() -> {
					try (Socket socket = new Socket()) {
						socket.connect(new InetSocketAddress(outside.get(), port), 2000);
					}
				});
			}
		}
	}

	@Test
	void ephemeralServerAsksForAPasswordToo() throws Exception {
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(new EmbeddedPostgresProperties(null, true))) {
			assertRefused(server, null);
			assertThat(query(server, "SELECT 1")).isEqualTo("1");
		}
	}

	@Test
	void givesTheServersPasswordAsConnectionDetails() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(EmbeddedPostgresAutoConfiguration.class))
			.withPropertyValues("casebook.embedded-postgres.ephemeral=true")
			.run((context) -> {
				JdbcConnectionDetails details = context.getBean(JdbcConnectionDetails.class);
				EmbeddedPostgresServer server = context.getBean(EmbeddedPostgresServer.class);
				assertThat(details.getUsername()).isEqualTo("postgres");
				assertThat(details.getPassword()).isEqualTo(server.password()).isNotEqualTo("postgres");
				try (Connection connection = DriverManager.getConnection(details.getJdbcUrl(), details.getUsername(),
						details.getPassword())) {
					assertThat(connection.isValid(5)).isTrue();
				}
			});
	}

	@Test
	void leavesAloneAnotherProcessThatThePidFileNames(@TempDir Path folder) throws Exception {
		EmbeddedPostgresProperties properties = durable(folder);
		Path dataDirectory = folder.resolve("postgres");
		EmbeddedPostgresServer.start(properties).close();
		// As after a reboot: the pid of the server that was is now another program's.
		Process unrelated = new ProcessBuilder("sleep", "60").start();
		try {
			writePidFile(dataDirectory,
					unrelated.pid() + "\n" + dataDirectory + "\n1764480000\n5432\n/tmp\n127.0.0.1\n");
			try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(properties)) {
				assertThat(query(server, "SELECT 1")).isEqualTo("1");
				assertThat(unrelated.isAlive()).isTrue();
			}
			assertThat(unrelated.waitFor(1, TimeUnit.SECONDS)).as("sleep ended").isFalse();
		}
		finally {
			unrelated.destroyForcibly();
		}
	}

	@Test
	void leavesAloneTheServerOfAnotherFolderWhosePidFileWasCopiedHere(@TempDir Path folder) throws Exception {
		EmbeddedPostgresProperties copy = durable(folder.resolve("copy"));
		EmbeddedPostgresServer.start(copy).close();
		try (EmbeddedPostgresServer original = EmbeddedPostgresServer.start(durable(folder.resolve("original")))) {
			Files.copy(folder.resolve("original/postgres/postmaster.pid"),
					folder.resolve("copy/postgres/postmaster.pid"));
			try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(copy)) {
				assertThat(query(server, "SELECT 1")).isEqualTo("1");
			}
			assertThat(query(original, "SELECT 1")).isEqualTo("1");
		}
	}

	@Test
	void startsDespiteAGarbledPidFile(@TempDir Path folder) throws Exception {
		EmbeddedPostgresProperties properties = durable(folder);
		Path dataDirectory = folder.resolve("postgres");
		EmbeddedPostgresServer.start(properties).close();
		long self = ProcessHandle.current().pid();
		List<String> garbled = List.of("", "\n\n", "postgres\n", "-" + self + "\n" + dataDirectory + "\n", "0\n", "1\n",
				"99999999999999999999999999\n", Long.MAX_VALUE + "\n", self + "\n" + dataDirectory + "\n",
				"\u00ff\u00fe\u0000\u0007 12");
		for (String content : garbled) {
			writePidFile(dataDirectory, content);
			try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(properties)) {
				assertThat(query(server, "SELECT 1")).as("with a pid file of %s", content).isEqualTo("1");
			}
		}
	}

	@Test
	void refusesASecondStartOnTheSameFolderAndTheFirstKeepsRunning(@TempDir Path folder) throws Exception {
		EmbeddedPostgresProperties properties = durable(folder);
		try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(properties)) {
			assertThatThrownBy(() -> EmbeddedPostgresServer.start(properties)).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("in use by another Casebook")
				.hasMessageContaining(folder.resolve("postgres").toString());
			assertThat(query(first, "SELECT 1")).isEqualTo("1");
		}
		try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(properties)) {
			assertThat(query(again, "SELECT 1")).as("a start once the first has stopped").isEqualTo("1");
		}
	}

	@Test
	void refusesAStartWhileAnotherProcessHoldsTheFolder(@TempDir Path folder) throws Exception {
		Path dataDirectory = folder.resolve("postgres");
		Path marker = folder.resolve("started");
		Process other = startCasebook(dataDirectory, marker, folder.resolve("other.log"));
		try {
			assertThatThrownBy(() -> EmbeddedPostgresServer.start(durable(folder)))
				.hasMessageContaining("in use by another Casebook (pid " + other.pid() + ")")
				.hasMessageContaining(dataDirectory.toString());
			long pid = PostmasterPidFile.parsePid(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0))
				.orElseThrow();
			assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as("the other Casebook's server")
				.contains(true);
		}
		finally {
			other.destroy();
			other.waitFor(60, TimeUnit.SECONDS);
		}
	}

	@Test
	void takesOverTheFolderFromTheServerOfACasebookThatWasKilled(@TempDir Path folder) throws Exception {
		Path dataDirectory = folder.resolve("postgres");
		Path marker = folder.resolve("started");
		Process killed = startCasebook(dataDirectory, marker, folder.resolve("killed.log"));
		killed.destroyForcibly();
		killed.waitFor(30, TimeUnit.SECONDS);
		long pid = PostmasterPidFile.parsePid(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0))
			.orElseThrow();
		ProcessHandle orphan = ProcessHandle.of(pid).orElseThrow();
		try {
			assertThat(orphan.isAlive()).as("the server outlives its Casebook").isTrue();
			try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(durable(folder))) {
				assertThat(query(server, "SELECT word FROM kept")).isEqualTo("written before the kill");
				assertThat(orphan.isAlive()).isFalse();
			}
		}
		finally {
			orphan.destroyForcibly();
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

	/** The data folder in a folder of its own: its lock file goes beside it. */
	private static EmbeddedPostgresProperties durable(Path folder) {
		return new EmbeddedPostgresProperties(folder.resolve("postgres"), false);
	}

	private static void writePidFile(Path dataDirectory, String content) throws IOException {
		Files.writeString(dataDirectory.resolve("postmaster.pid"), content, StandardCharsets.ISO_8859_1);
	}

	/**
	 * Another JVM running the embedded server on the folder, with a row in it, as a
	 * Casebook would; returns once the server is up.
	 */
	private static Process startCasebook(Path dataDirectory, Path marker, Path log) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				OtherCasebook.class.getName(), dataDirectory.toString(), marker.toString())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		while (!Files.exists(marker)) {
			if (!process.isAlive() || System.nanoTime() > deadline) {
				process.destroyForcibly();
				throw new AssertionError("The other Casebook did not start:\n" + Files.readString(log));
			}
			Thread.sleep(100);
		}
		return process;
	}

	private static void assertRefused(EmbeddedPostgresServer server, String password) {
		Properties properties = new Properties();
		properties.setProperty("user", server.username());
		if (password != null) {
			properties.setProperty("password", password);
		}
		assertThatExceptionOfType(SQLException.class).as("a connection with the password %s", password)
			.isThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), properties).close())
			.satisfies((ex) -> assertThat(ex.getSQLState()).isIn("08004", "28P01"));
	}

	private static String query(EmbeddedPostgresServer server, String sql) throws SQLException {
		return query(server, server.password(), sql);
	}

	private static String query(EmbeddedPostgresServer server, String password, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), password);
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			assertThat(result.next()).isTrue();
			return result.getString(1);
		}
	}

	private static void execute(EmbeddedPostgresServer server, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(),
				server.password()); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	/**
	 * A Casebook in another JVM: starts the server on a folder, writes a row, then waits.
	 */
	static final class OtherCasebook {

		public static void main(String[] args) throws Exception {
			EmbeddedPostgresServer server = EmbeddedPostgresServer
				.start(new EmbeddedPostgresProperties(Path.of(args[0]), false));
			execute(server, "CREATE TABLE kept (word text); INSERT INTO kept VALUES ('written before the kill')");
			Files.createFile(Path.of(args[1]));
			Thread.sleep(Long.MAX_VALUE);
		}

	}

}
