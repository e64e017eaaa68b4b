package org.casebook.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Parameter;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.casebook.TestDatabase;
import org.casebook.search.Facet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of generated requests over every route the application maps (read from its
 * own handler mappings, so a new route is fuzzed without anyone listing it) and every
 * parameter: huge, negative, NaN, empty, repeated, Unicode, null bytes, Lucene and SQL
 * syntax, markup, very long values, broken percent-encoding. Sent as raw HTTP over a
 * socket, so that Tomcat sees what a hostile client would send. No answer may be a 5xx;
 * every 4xx says what is wrong (a page or JSON); no input comes back as markup.
 * {@code -Dfuzz.seed} replays a run ({@code random} for a new one),
 * {@code -Dfuzz.requests} changes its length.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestDatabase.class)
class FuzzTests {

	/**
	 * The same requests at every run of the suite, so that CI is repeatable;
	 * {@code -Dfuzz.seed=random} explores new ones.
	 */
	static final long SEED = "random".equals(System.getProperty("fuzz.seed")) ? System.nanoTime()
			: Long.getLong("fuzz.seed", 20261130L);

	static final int REQUESTS = Integer.getInteger("fuzz.requests", 5000);

	/** What the search parameters are called: the routes take them as one map. */
	static final List<String> SEARCH_PARAMETERS = Stream
		.concat(Stream.of(Facet.values()).map(Facet::parameter),
				Stream.of("q", "yearFrom", "yearTo", "sort", "page", "size", "show", "view", "zoom", "bbox"))
		.toList();

	/** Inserted in values; must never come back as markup. */
	static final String MARKUP = "<x-fuzz-tag data-x=\"1\">";

	static final List<String> VALUES = List.of("", " ", "0", "1", "-1", "7", "2015", "1899", "2101", "-2147483649",
			"2147483648", "99999999999999999999", "1e309", "-1e309", "NaN", "Infinity", "-0", "0x1F", "1.5", "true",
			"null", "[]", "{}", "décret", "日本語の事例", "🙂🙂", "\u202Eevil", "\uFEFF", "e\u0301\u0301\u0301", "a\u0000b",
			"\u0000", "title:foo", "*:*", "a AND b OR c NOT d", "(", ")", "[a TO z]", "{* TO *}", "foo~2", "foo^30",
			"\"unterminated", "\\", "/re.*gex/", "?", "*", "-", "--x", "+", "!", "&&", "||", "' OR '1'='1",
			"1; DROP TABLE innovation;--", "%' --", "\"; SELECT pg_sleep(10);--", MARKUP, "\">" + MARKUP,
			"javascript:alert(1)", "../../etc/passwd", "\r\nX-Injected: yes", "pl", "fr", "eu", "education",
			"citizen-engagement", "pl,fr,de", ",,,", "relevance", "title", "map", "list", "country", "-180,-90,180,90",
			"170,-10,-170,10", "1,2,3", "a,b,c,d", "NaN,0,1,1", "1e308,0,1,1", "0,0,0,0", "-999,-999,999,999",
			"10,60,0,50", "18", "19", "13", "0,0,1e-300,1e-300");

	/** Sent as they are, not encoded: Tomcat must turn them away politely. */
	static final List<String> RAW = List.of("%", "%zz", "%00", "%C3", "%FF%FE", "%2e%2e%2f", "%u0041", "%%", "a%",
			"%E2%80%AE", "%0d%0aX-Injected:%20yes", "a b", "\t", "\"", "<", "{", "|", "^", "`", "\\", "#frag");

	final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void noRequestGetsA5xxAndEvery4xxSaysWhatIsWrong() throws Exception {
		Random random = new Random(SEED);
		List<Route> routes = routes();
		assertThat(routes).extracting(Route::pattern)
			.contains("/innovations", "/innovations/{slug}", "/api/v1/innovations", "/api/v1/map", "/api/v1/countries",
					"/admin/api/search-index/repair", "/actuator/health");
		Map<Integer, Integer> statuses = new TreeMap<>();
		List<String> failures = new ArrayList<>();
		for (int i = 0; i < REQUESTS && failures.size() < 20; i++) {
			Route route = routes.get(random.nextInt(routes.size()));
			String method = (random.nextInt(10) == 0) ? randomMethod(random) : route.method();
			String target = target(route, random);
			Response response = send(method, target);
			statuses.merge(response.status(), 1, Integer::sum);
			String problem = problem(response);
			if (problem != null) {
				failures.add(method + " " + target + " -> " + response.status() + ": " + problem + "\n"
						+ response.head() + "\n" + abbreviated(response.body()));
			}
		}
		System.out.printf("Fuzz: %d requests over %d routes (seed %d): statuses %s%n", REQUESTS, routes.size(), SEED,
				statuses);
		assertThat(failures).as("requests that failed (replay with -Dfuzz.seed=" + SEED + ")").isEmpty();
		assertThat(statuses.keySet()).as("the fuzz reached both good and bad answers").contains(200, 400);
	}

	/** Every route of every request mapping, with the parameters it reads. */
	private List<Route> routes() {
		List<Route> routes = new ArrayList<>();
		for (RequestMappingInfoHandlerMapping mapping : this.context
			.getBeansOfType(RequestMappingInfoHandlerMapping.class)
			.values()) {
			mapping.getHandlerMethods().forEach((info, handler) -> {
				Set<String> parameters = new LinkedHashSet<>();
				for (Parameter parameter : handler.getMethod().getParameters()) {
					RequestParam requestParam = parameter.getAnnotation(RequestParam.class);
					if (requestParam != null) {
						if (Map.class.isAssignableFrom(parameter.getType())) {
							parameters.addAll(SEARCH_PARAMETERS);
						}
						else {
							parameters.add(requestParam.name().isEmpty() ? parameter.getName() : requestParam.name());
						}
					}
				}
				for (String pattern : patterns(info)) {
					Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
					String method = methods.isEmpty() ? "GET" : methods.iterator().next().name();
					routes.add(new Route(method, pattern, List.copyOf(parameters)));
				}
			});
		}
		// Static files, which resource handlers serve.
		routes.add(new Route("GET", "/css/{file}", List.of()));
		routes.add(new Route("GET", "/webjars/htmx.org/{file}", List.of()));
		return routes;
	}

	private static Set<String> patterns(RequestMappingInfo info) {
		return (info.getPathPatternsCondition() != null) ? info.getPathPatternsCondition().getPatternValues()
				: info.getPatternValues();
	}

	private static String target(Route route, Random random) {
		StringBuilder target = new StringBuilder();
		for (String segment : route.pattern().split("/", -1)) {
			if (target.length() > 0 || !segment.isEmpty()) {
				target.append('/');
			}
			if (segment.startsWith("{") || segment.equals("**")) {
				target.append(random.nextBoolean() ? "some-case" : value(random, true));
			}
			else {
				target.append(segment);
			}
		}
		if (target.length() == 0) {
			target.append('/');
		}
		List<String> names = new ArrayList<>(route.parameters());
		names.add("unknown");
		names.add("_");
		int count = random.nextInt(5);
		if (random.nextInt(40) == 0) {
			count = 1500;
		}
		String separator = "?";
		for (int i = 0; i < count; i++) {
			String name = names.get(random.nextInt(names.size()));
			target.append(separator).append(name).append('=').append(value(random, false));
			separator = "&";
		}
		return target.toString();
	}

	/** A value: mostly encoded as a browser would, sometimes raw garbage, or huge. */
	private static String value(Random random, boolean inPath) {
		int kind = random.nextInt(20);
		if (kind == 0) {
			return RAW.get(random.nextInt(RAW.size()));
		}
		String value = VALUES.get(random.nextInt(VALUES.size()));
		if (kind == 1) {
			value = value.repeat(1 + random.nextInt(2000));
		}
		else if (kind == 2) {
			value = value + VALUES.get(random.nextInt(VALUES.size()));
		}
		String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
		return inPath ? encoded.replace("+", "%20") : encoded;
	}

	private static String randomMethod(Random random) {
		return List.of("POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "FOO").get(random.nextInt(8));
	}

	/** What is wrong with an answer, or null if it is fine. */
	private String problem(Response response) {
		int status = response.status();
		if (status <= 0) {
			return "no answer";
		}
		if (status >= 500) {
			return "a server error";
		}
		if (response.headers().containsKey("x-injected")) {
			return "a header was injected";
		}
		String type = response.headers().getOrDefault("content-type", "");
		if (type.startsWith("text/html") && response.body().contains(MARKUP)) {
			return "input reflected as markup";
		}
		if (status >= 400 && !response.method().equals("HEAD")) {
			return explained(response, type);
		}
		return null;
	}

	/** Whether a 4xx says what is wrong: a page, JSON with an error, or a sentence. */
	private String explained(Response response, String type) {
		String body = response.body();
		if (response.status() == 401 && response.headers().containsKey("www-authenticate")) {
			return null;
		}
		if (type.startsWith("text/html")) {
			return (body.contains("class=\"error-page\"") || body.contains("<h1>HTTP Status " + response.status()))
					? null : "an error page without an explanation";
		}
		if (type.contains("json")) {
			try {
				JsonNode node = this.json.readTree(body);
				// A problem (RFC 9457) from Casebook's controllers, or Spring Boot's own
				// error for what never reached one (a method not allowed).
				String field = node.has("detail") ? "detail" : "error";
				return (node.hasNonNull(field) && !node.get(field).asString().isBlank()) ? null
						: "JSON without an error";
			}
			catch (RuntimeException ex) {
				return "invalid JSON";
			}
		}
		if (type.startsWith("text/plain")) {
			return body.isBlank() ? "an empty message" : null;
		}
		return "a " + response.status() + " of type '" + type + "'";
	}

	private Response send(String method, String target) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			try {
				out.write((method + " " + target + " HTTP/1.1\r\nHost: localhost:" + this.port
						+ "\r\nAccept: text/html,application/json;q=0.9\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.UTF_8));
				out.flush();
			}
			catch (IOException ex) {
				// Tomcat answers an oversized request before reading all of it, then
				// closes: the answer is there to read.
			}
			return Response.read(method, socket.getInputStream());
		}
	}

	private static String abbreviated(String text) {
		return (text.length() > 600) ? text.substring(0, 600) + "…" : text;
	}

	record Route(String method, String pattern, List<String> parameters) {
	}

	record Response(String method, int status, String head, Map<String, String> headers, String body) {

		static Response read(String method, InputStream in) throws IOException {
			ByteArrayOutputStream received = new ByteArrayOutputStream();
			in.transferTo(received);
			byte[] raw = received.toByteArray();
			int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
			String head = new String(raw, 0, (end >= 0) ? end : raw.length, StandardCharsets.ISO_8859_1);
			byte[] body = (end >= 0) ? Arrays.copyOfRange(raw, end + 4, raw.length) : new byte[0];
			String[] lines = head.split("\r\n");
			int status = -1;
			if (lines.length > 0 && lines[0].startsWith("HTTP/1.1 ")) {
				status = Integer.parseInt(lines[0].substring(9, 12));
			}
			Map<String, String> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				if (colon > 0) {
					headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
							lines[i].substring(colon + 1).strip());
				}
			}
			if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
				body = dechunked(body);
			}
			return new Response(method, status, head, headers, new String(body, StandardCharsets.UTF_8));
		}

		private static byte[] dechunked(byte[] chunked) {
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			byte[] lineBreak = "\r\n".getBytes(StandardCharsets.ISO_8859_1);
			int at = 0;
			while (at < chunked.length) {
				int lineEnd = indexOf(chunked, lineBreak, at);
				if (lineEnd < 0) {
					break;
				}
				String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
				int size = Integer.parseInt(sizeLine.split(";")[0].strip(), 16);
				if (size == 0) {
					break;
				}
				int start = lineEnd + 2;
				int stop = Math.min(chunked.length, start + size);
				body.write(chunked, start, stop - start);
				at = stop + 2;
			}
			return body.toByteArray();
		}

		private static int indexOf(byte[] bytes, byte[] sought, int from) {
			for (int i = from; i <= bytes.length - sought.length; i++) {
				if (Arrays.equals(bytes, i, i + sought.length, sought, 0, sought.length)) {
					return i;
				}
			}
			return -1;
		}

	}

}
