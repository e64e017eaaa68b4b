package org.casebook.web;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Before Casebook says it is ready, it asks itself for what first visitors ask for: the
 * list, searches of every kind, the JSON API and the map's data. The first of each costs
 * far more than the next (templates parsed, classes loaded, code compiled): 1.2 s for the
 * first list page against 60 ms at 100,000 cases. These requests pass the
 * {@link StartupGate} with a key that only this process knows, so nobody else gets a page
 * before it is ready.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class FirstRequests implements ApplicationRunner {

	/** The header that carries the key. */
	static final String HEADER = "X-Casebook-First-Request";

	/**
	 * Every kind of search once: each order, filters, a year range, a later page,
	 * phrases, typos and prefixes, the statistics, the JSON, the map at two zooms. Any
	 * published catalogue answers them, the empty one too.
	 */
	static final List<String> PATHS = List.of("/", "/innovations?q=digital+services&sort=title",
			"/innovations?q=%22open+data%22+-pilot&sort=newest",
			"/innovations?q=consultaton+partic&country=fr,de&sector=health",
			"/innovations?level=local&stage=implementation&yearFrom=2010&yearTo=2020&sort=oldest&page=2",
			"/innovations?tag=open-data&orgType=government&sort=published&size=50", "/innovations?view=map&q=school",
			"/statistics?sector=education&yearFrom=2000", "/api/v1/innovations?q=open&sort=relevance",
			"/api/v1/map?zoom=2", "/api/v1/map?zoom=6&bbox=-10,35,20,55&q=health");

	private static final Logger log = LoggerFactory.getLogger(FirstRequests.class);

	private final String key = UUID.randomUUID().toString();

	private final ApplicationContext context;

	private volatile int answered;

	FirstRequests(ApplicationContext context) {
		this.context = context;
	}

	/** The key these requests carry. */
	String key() {
		return this.key;
	}

	/** How many of these requests were answered with 200. */
	int answered() {
		return this.answered;
	}

	/** Whether a request is one of these, let through before Casebook is ready. */
	boolean isFirstRequest(HttpServletRequest request) {
		return this.key.equals(request.getHeader(HEADER));
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!(this.context instanceof WebServerApplicationContext web) || web.getWebServer() == null
				|| web.getWebServer().getPort() <= 0 || sslEnabled()) {
			return;
		}
		long start = System.nanoTime();
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		try {
			String base = "http://" + host() + ":" + web.getWebServer().getPort();
			for (String path : PATHS) {
				HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
					.header(HEADER, this.key)
					.timeout(Duration.ofSeconds(30))
					.build();
				if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					this.answered++;
				}
			}
			log.info("Pages prepared for the first visitors in {} ms", (System.nanoTime() - start) / 1_000_000);
		}
		catch (IOException | RuntimeException ex) {
			// A help, not a condition: the first visitors then wait a little longer.
			log.warn("Could not prepare the pages for the first visitors: {}", ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Where Casebook listens: the configured address, or the loopback one when it listens
	 * on every address or none is set.
	 */
	String host() throws UnknownHostException {
		String address = this.context.getEnvironment().getProperty("server.address");
		InetAddress listening = (address != null) ? InetAddress.getByName(address) : null;
		InetAddress host = (listening == null || listening.isAnyLocalAddress()) ? InetAddress.getLoopbackAddress()
				: listening;
		return (host instanceof Inet6Address) ? "[" + host.getHostAddress() + "]" : host.getHostAddress();
	}

	/**
	 * With TLS, these requests would need the server's certificate: they are left out.
	 */
	private boolean sslEnabled() {
		Environment environment = this.context.getEnvironment();
		return environment.containsProperty("server.ssl.bundle") || environment.containsProperty("server.ssl.key-store")
				|| environment.containsProperty("server.ssl.certificate");
	}

}
