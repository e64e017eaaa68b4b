package org.casebook.web;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL really stops while requests run, then comes back: pages that need it answer
 * a friendly 503 with Retry-After within 3 s, pages served from the index keep working,
 * health says the database is down without hanging, and everything recovers by itself.
 * The test starts its own PostgreSQL (durable, on a fixed port) so that it can stop and
 * restart it under the running application.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "casebook.demo.cases=30")
@ActiveProfiles("test")
class DatabaseOutageTests {

	static Path dataDirectory;

	static int databasePort;

	static EmbeddedPostgres postgres;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) throws IOException {
		dataDirectory = Files.createTempDirectory("casebook-outage");
		try (ServerSocket socket = new ServerSocket(0)) {
			databasePort = socket.getLocalPort();
		}
		postgres = startPostgres();
		registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "postgres");
	}

	private static EmbeddedPostgres startPostgres() throws IOException {
		return EmbeddedPostgres.builder()
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(false)
			.setPort(databasePort)
			.start();
	}

	@AfterAll
	static void stopPostgres() throws IOException {
		if (postgres != null) {
			postgres.close();
		}
	}

	@Test
	void pagesThatNeedTheDatabaseAnswer503WhileItIsDownAndRecoverWhenItIsBack() throws Exception {
		String slug = this.jdbc
			.queryForObject("select slug from innovation where status = 'PUBLISHED' order by id limit 1", String.class);
		String casePage = "/innovations/" + slug;
		assertThat(get(casePage).statusCode()).isEqualTo(200);

		// Searches go on all along, from another client.
		AtomicBoolean searching = new AtomicBoolean(true);
		List<Integer> searchStatuses = new CopyOnWriteArrayList<>();
		CompletableFuture<Void> searches = CompletableFuture.runAsync(() -> {
			while (searching.get()) {
				searchStatuses.add(get("/innovations?q=open&sector=education").statusCode());
			}
		});

		postgres.close();

		HttpResponse<String> page = timed(casePage);
		assertThat(page.statusCode()).isEqualTo(503);
		assertThat(page.headers().firstValue("Retry-After")).isPresent();
		assertThat(page.body()).contains("Casebook is briefly unavailable").doesNotContain("Exception");

		HttpResponse<String> countries = timed("/api/v1/countries");
		assertThat(countries.statusCode()).isEqualTo(503);
		assertThat(countries.headers().firstValue("Retry-After")).isPresent();
		assertThat(countries.body()).contains("\"status\":503").contains("database");

		// An unknown filter value would read the taxonomies again: what was read holds.
		HttpResponse<String> unknownValue = timed("/innovations?country=zz&sector=education");
		assertThat(unknownValue.statusCode()).isEqualTo(200);
		assertThat(unknownValue.body()).contains("There is no Countries value &quot;zz&quot;");

		assertThat(timed("/innovations?view=map").statusCode()).isEqualTo(200);
		assertThat(timed("/api/v1/innovations?q=budget").statusCode()).isEqualTo(200);
		assertThat(timed("/api/v1/map?zoom=2").statusCode()).isEqualTo(200);

		HttpResponse<String> health = timed("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(503);
		assertThat(health.body()).contains("DOWN");
		// Searches still work: a load balancer should keep sending them.
		assertThat(timed("/actuator/health/readiness").statusCode()).isEqualTo(200);

		postgres = startPostgres();
		long back = System.nanoTime();
		while (get(casePage).statusCode() != 200) {
			assertThat(Duration.ofNanos(System.nanoTime() - back)).as("recovery").isLessThan(Duration.ofSeconds(5));
			Thread.sleep(100);
		}
		assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
		assertThat(get("/api/v1/countries").statusCode()).isEqualTo(200);

		searching.set(false);
		searches.get();
		assertThat(searchStatuses).isNotEmpty().containsOnly(200);
	}

	/** A request that must be answered within 3 s, database or not. */
	private HttpResponse<String> timed(String path) {
		long start = System.nanoTime();
		HttpResponse<String> response = get(path);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).as(path).isLessThan(Duration.ofSeconds(3));
		return response;
	}

	private HttpResponse<String> get(String path) {
		try {
			return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.timeout(Duration.ofSeconds(30))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
