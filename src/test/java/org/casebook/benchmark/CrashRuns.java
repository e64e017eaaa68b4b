package org.casebook.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Kills Casebook with {@code kill -9} at random moments, again and again, and checks
 * after each restart that nothing committed was lost and that the index equals the
 * database, case by case and version by version. The moments fall during the embedded
 * PostgreSQL's start, migrations, demo generation (each run asks for more cases), mass
 * indexing or repair, and while serving: then cases are first changed behind the index's
 * back (as a crash between the database's commit and the index's would leave them), or a
 * repair is running. Run it with {@code ./mvnw -Pcrash verify} (see the README);
 * {@code -Dcrash.runs} and {@code -Dcrash.seed} change it.
 */
public final class CrashRuns {

	private static final String PASSWORD = "crash-runs";

	private final Path data;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private CrashRuns(Path data) {
		this.data = data;
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new LinkedHashMap<>();
		for (String arg : args) {
			String[] parts = arg.replaceFirst("^--", "").split("=", 2);
			options.put(parts[0], (parts.length > 1) ? parts[1] : "true");
		}
		int runs = Integer.parseInt(options.getOrDefault("runs", "20"));
		long seed = Long.parseLong(options.getOrDefault("seed", Long.toString(System.nanoTime())));
		Path data = Path.of("data", "crash-runs").toAbsolutePath();
		deleteRecursively(data);
		System.out.printf("Casebook crash runs: %d kills with kill -9, seed %d, data in %s%n", runs, seed, data);
		new CrashRuns(data).run(runs, new Random(seed));
	}

	private void run(int runs, Random random) throws Exception {
		int cases = 2_000;
		List<String> failures = new ArrayList<>();
		for (int run = 1; run <= runs; run++) {
			cases += 1_000 + random.nextInt(6_000);
			int port = freePort();
			Process casebook = start(port, cases);
			String moment;
			int changed = 0;
			int phase = random.nextInt(3);
			if (phase == 2) {
				// While serving: change cases behind the index's back, or start a repair,
				// then kill.
				awaitReady(port, casebook);
				if (random.nextBoolean()) {
					changed = changeBehindTheIndex(random);
					moment = "serving, " + changed + " cases changed behind the index";
				}
				else {
					repairInBackground(port);
					Thread.sleep(random.nextInt(300));
					moment = "serving, during a repair";
				}
			}
			else {
				// While starting: at any moment, or once PostgreSQL answers (migrations,
				// demo generation, indexing), whatever the machine's speed.
				long started = System.nanoTime();
				if (phase == 1) {
					while (committedCases() < 0 && casebook.isAlive()) {
						Thread.sleep(20);
					}
				}
				long delay = (phase == 1) ? random.nextInt(10_000) : 500 + random.nextInt(15_000);
				long end = System.nanoTime() + delay * 1_000_000;
				while (System.nanoTime() < end && casebook.isAlive()) {
					Thread.sleep(20);
				}
				moment = String.format("%.1f s after start%s (%s)", (System.nanoTime() - started) / 1e9,
						(phase == 1) ? String.format(", %.1f s after PostgreSQL answered", delay / 1000.0) : "",
						ready(port) ? "ready" : "starting");
			}
			casebook.destroyForcibly().waitFor();
			long committed = committedCases();

			Process restarted = start(port, cases);
			try {
				long start = System.nanoTime();
				awaitReady(port, restarted);
				double restartSeconds = (System.nanoTime() - start) / 1e9;
				long present = committedCases();
				String consistency = get(port, "/admin/api/search-index");
				boolean consistent = consistency.contains("\"missing\":0") && consistency.contains("\"stale\":0")
						&& consistency.contains("\"outdated\":0");
				boolean kept = committed < 0 || present >= committed;
				System.out.printf(
						"Run %2d: killed %s; committed %s cases, %,d after restart (%.1f s to ready); index %s%n", run,
						moment, (committed < 0) ? "(database not up)" : String.format("%,d", committed), present,
						restartSeconds, consistency);
				if (!kept || !consistent) {
					failures.add("run " + run + ": " + moment + ", committed " + committed + ", present " + present
							+ ", index " + consistency);
				}
			}
			finally {
				restarted.destroy();
				restarted.waitFor();
			}
		}
		System.out.printf("%d runs, %d failed%n", runs, failures.size());
		failures.forEach((failure) -> System.out.println("  FAILED " + failure));
		if (!failures.isEmpty()) {
			System.exit(1);
		}
	}

	private Process start(int port, int cases) throws IOException {
		Path log = this.data.resolve("casebook.log");
		Files.createDirectories(this.data);
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
				"-cp", System.getProperty("java.class.path"), "org.casebook.CasebookApplication",
				"--server.port=" + port, "--casebook.demo.cases=" + cases,
				"--casebook.embedded-postgres.data-directory=" + this.data.resolve("postgres"),
				"--casebook.index-directory=" + this.data.resolve("index"),
				"--casebook.admin.email=admin@casebook.test", "--casebook.admin.password=" + PASSWORD,
				"--logging.level.org.hibernate.search=warn");
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
	}

	private void awaitReady(int port, Process casebook) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
		while (!ready(port)) {
			if (!casebook.isAlive()) {
				throw new IllegalStateException(
						"Casebook exited with " + casebook.exitValue() + ": see " + this.data.resolve("casebook.log"));
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Casebook was not ready within 10 minutes");
			}
			Thread.sleep(100);
		}
	}

	private boolean ready(int port) {
		try {
			return this.http
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
					.timeout(Duration.ofSeconds(2))
					.build(), HttpResponse.BodyHandlers.discarding())
				.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private String get(int port, String path) throws IOException, InterruptedException {
		return this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Authorization", basic())
				.timeout(Duration.ofMinutes(5))
				.build(), HttpResponse.BodyHandlers.ofString())
			.body();
	}

	private void repairInBackground(int port) {
		this.http
			.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin/api/search-index/repair"))
				.header("Authorization", basic())
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.discarding());
	}

	private static String basic() {
		return "Basic " + java.util.Base64.getEncoder().encodeToString(("admin@casebook.test:" + PASSWORD).getBytes());
	}

	/**
	 * Changes published cases with plain SQL, bumping their version: committed in the
	 * database, unknown to the index, as a crash between the two commits leaves them.
	 */
	private int changeBehindTheIndex(Random random) throws SQLException, IOException {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			return statement.executeUpdate("UPDATE innovation SET title = title || ' (changed)', updated_at = now() "
					+ "WHERE id IN (SELECT id FROM innovation WHERE status = 'PUBLISHED' ORDER BY random() LIMIT "
					+ (1 + random.nextInt(50)) + ")");
		}
	}

	/**
	 * The cases PostgreSQL holds, asked of the server itself (it outlives a killed
	 * Casebook); -1 if it is not running.
	 */
	private long committedCases() {
		try (Connection connection = connect();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT count(*) FROM innovation")) {
			result.next();
			return result.getLong(1);
		}
		catch (SQLException | IOException | RuntimeException ex) {
			return -1;
		}
	}

	private Connection connect() throws SQLException, IOException {
		Path postgres = this.data.resolve("postgres");
		List<String> pid = Files.readAllLines(postgres.resolve("postmaster.pid"));
		String password = Files.readString(postgres.resolve("casebook.password")).strip();
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pid.get(3).strip() + "/postgres",
				"postgres", password);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> files = Files.walk(directory)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(file);
			}
		}
	}

}
