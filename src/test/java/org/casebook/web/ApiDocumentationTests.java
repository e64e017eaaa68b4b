package org.casebook.web;

import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.swagger.v3.oas.annotations.media.Schema;
import org.casebook.HeadlessChromium;
import org.casebook.TestDatabase;
import org.casebook.search.Facet;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI description ({@code /v3/api-docs}) describes every route of the JSON API,
 * as Spring MVC maps them, with every parameter (those read from the search's map too)
 * and an example of each, every answer's fields and every error as a problem; the
 * examples make requests that work. The API answers what reaches no controller with
 * problems too. The docs page is served by Casebook from its own files, and works in a
 * browser under Casebook's Content-Security-Policy. Configured as {@code FuzzTests}, so
 * that both share one application.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestDatabase.class)
class ApiDocumentationTests {

	/** What the search's routes read from their map of parameters. */
	static final List<String> SEARCH_PARAMETERS = Stream
		.concat(Stream.of("q"), Stream.concat(Stream.of(Facet.values()).map(Facet::parameter),
				Stream.of("yearFrom", "yearTo", "demo", "sort", "page", "size")))
		.toList();

	/** Parameters that routes read from the map besides the search's. */
	static final Map<String, List<String>> MORE_PARAMETERS = Map.of("/api/v1/map", List.of("zoom", "bbox"),
			"/api/v1/map/cases", List.of("bbox"));

	static final String PROBLEM = "#/components/schemas/ProblemDetail";

	final JsonMapper json = JsonMapper.builder().build();

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyRouteOfTheApiIsDescribedWithItsParametersAnswersAndErrors() throws Exception {
		JsonNode docs = docs();
		Set<String> routes = new TreeSet<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : this.mappings.getHandlerMethods().entrySet()) {
			for (String path : mapping.getKey().getPatternValues()) {
				if (!path.startsWith("/api/")) {
					continue;
				}
				Set<RequestMethod> methods = mapping.getKey().getMethodsCondition().getMethods();
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					String route = method.name().toLowerCase() + " " + path;
					routes.add(route);
					JsonNode operation = docs.path("paths").path(path).path(method.name().toLowerCase());
					assertThat(operation.isObject()).as(route + " is described").isTrue();
					checkOperation(route, operation, expectedParameters(path, mapping.getValue()));
				}
			}
		}
		assertThat(routes).as("routes under /api/").hasSizeGreaterThanOrEqualTo(6);
		// Nothing else: no page, no administration, no route that does not exist.
		Set<String> described = new TreeSet<>();
		docs.path("paths")
			.properties()
			.forEach((path) -> path.getValue()
				.properties()
				.forEach((method) -> described.add(method.getKey() + " " + path.getKey())));
		assertThat(described).isEqualTo(routes);
		JsonNode problem = docs.path("components").path("schemas").path("ProblemDetail");
		assertThat(names(problem.path("properties"))).containsExactlyInAnyOrder("type", "title", "status", "detail");
	}

	/** The parameters a route reads: from its signature, and from its map. */
	private static Map<String, String> expectedParameters(String path, HandlerMethod handler) {
		Map<String, String> expected = new TreeMap<>();
		for (MethodParameter parameter : handler.getMethodParameters()) {
			PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
			RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
			if (variable != null) {
				expected.put(variable.value().isEmpty() ? parameter.getParameterName() : variable.value(), "path");
			}
			else if (requestParam != null && MultiValueMap.class.isAssignableFrom(parameter.getParameterType())) {
				SEARCH_PARAMETERS.forEach((name) -> expected.put(name, "query"));
				MORE_PARAMETERS.getOrDefault(path, List.of()).forEach((name) -> expected.put(name, "query"));
			}
			else if (requestParam != null) {
				expected.put(requestParam.value().isEmpty() ? parameter.getParameterName() : requestParam.value(),
						"query");
			}
		}
		return expected;
	}

	private void checkOperation(String route, JsonNode operation, Map<String, String> expected) {
		Map<String, String> parameters = new TreeMap<>();
		for (JsonNode parameter : operation.path("parameters")) {
			String name = parameter.path("name").asString();
			parameters.put(name, parameter.path("in").asString());
			assertThat(parameter.has("example") || parameter.has("examples")).as(route + " example of " + name)
				.isTrue();
			assertThat(parameter.path("description").asString()).as(route + " description of " + name).isNotBlank();
			assertThat(parameter.path("schema").isObject()).as(route + " schema of " + name).isTrue();
		}
		assertThat(parameters).as(route + " parameters").isEqualTo(expected);
		assertThat(operation.path("summary").asString()).as(route + " summary").isNotBlank();

		JsonNode responses = operation.path("responses");
		JsonNode ok = responses.path("200").path("content").path("application/json").path("schema");
		assertThat(ok.isObject()).as(route + " 200 as JSON").isTrue();
		Set<String> errors = new TreeSet<>(List.of("503"));
		if (expected.containsValue("query")) {
			errors.add("400");
		}
		if (expected.containsValue("path")) {
			errors.add("404");
		}
		for (String status : errors) {
			JsonNode content = responses.path(status).path("content");
			assertThat(names(content)).as(route + " " + status + " media types")
				.containsExactly("application/problem+json");
			assertThat(content.path("application/problem+json").path("schema").path("$ref").asString())
				.as(route + " " + status)
				.isEqualTo(PROBLEM);
			assertThat(responses.path(status).path("description").asString()).isNotBlank();
		}
		assertThat(names(responses)).as(route + " answers").containsExactlyInAnyOrderElementsOf(union("200", errors));
	}

	/**
	 * Every record that the API answers, and every record in it, is described with its
	 * fields: two records of one name (a {@code CountryJson} of the search and one of the
	 * countries) would describe one of them wrongly.
	 */
	@Test
	void everyRecordAnsweredIsDescribedWithItsFields() throws Exception {
		JsonNode schemas = docs().path("components").path("schemas");
		Set<Class<?>> records = new LinkedHashSet<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : this.mappings.getHandlerMethods().entrySet()) {
			if (mapping.getKey().getPatternValues().stream().anyMatch((path) -> path.startsWith("/api/"))) {
				collectRecords(mapping.getValue().getMethod().getGenericReturnType(), records);
			}
		}
		assertThat(records).hasSizeGreaterThanOrEqualTo(10);
		for (Class<?> record : records) {
			Schema annotation = record.getAnnotation(Schema.class);
			String name = (annotation != null && !annotation.name().isEmpty()) ? annotation.name()
					: record.getSimpleName();
			Set<String> fields = Stream.of(record.getRecordComponents())
				.map(RecordComponent::getName)
				.collect(Collectors.toSet());
			assertThat(names(schemas.path(name).path("properties"))).as(record.getName() + " as " + name)
				.containsExactlyInAnyOrderElementsOf(fields);
		}
		// The search's facets, which the answer holds in a map: one list per facet, and
		// the
		// years.
		Set<String> facets = Stream.concat(Stream.of(Facet.values()).map(Facet::parameter), Stream.of("year"))
			.collect(Collectors.toSet());
		assertThat(names(schemas.path("SearchJson").path("properties").path("facets").path("properties")))
			.containsExactlyInAnyOrderElementsOf(facets);
	}

	private static void collectRecords(Type type, Set<Class<?>> records) {
		ResolvableType resolved = ResolvableType.forType(type);
		Class<?> raw = resolved.resolve();
		if (raw == null) {
			return;
		}
		if (ResponseEntity.class.isAssignableFrom(raw) || Collection.class.isAssignableFrom(raw)
				|| Map.class.isAssignableFrom(raw)) {
			for (ResolvableType generic : resolved.getGenerics()) {
				collectRecords(generic.getType(), records);
			}
		}
		else if (raw.isRecord() && records.add(raw)) {
			for (RecordComponent component : raw.getRecordComponents()) {
				collectRecords(component.getGenericType(), records);
			}
		}
	}

	/**
	 * Each route asked with its parameters' examples: they are keys the catalogue has.
	 */
	@Test
	void theExamplesMakeRequestsThatWork() throws Exception {
		JsonNode docs = docs();
		int asked = 0;
		for (Map.Entry<String, JsonNode> path : docs.path("paths").properties()) {
			JsonNode operation = path.getValue().path("get");
			String target = path.getKey();
			List<String> query = new ArrayList<>();
			for (JsonNode parameter : operation.path("parameters")) {
				JsonNode example = parameter.path("example");
				List<String> values = new ArrayList<>();
				if (example.isArray()) {
					example.forEach((item) -> values.add(item.asString()));
				}
				else {
					values.add(example.asString());
				}
				String value = String.join(",", values);
				if (parameter.path("in").asString().equals("path")) {
					target = target.replace("{" + parameter.path("name").asString() + "}", value);
				}
				else {
					query.add(
							parameter.path("name").asString() + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
				}
			}
			if (!query.isEmpty()) {
				target += "?" + String.join("&", query);
			}
			HttpResponse<String> response = get(target, "application/json");
			assertThat(response.statusCode()).as(target + ": " + response.body()).isEqualTo(200);
			JsonNode body = this.json.readTree(response.body());
			if (body.has("notices")) {
				assertThat(body.path("notices").isEmpty()).as(target + " notices: " + body.path("notices")).isTrue();
			}
			asked++;
		}
		assertThat(asked).isGreaterThanOrEqualTo(6);
	}

	/**
	 * What no controller answers under {@code /api/} is a problem too, whatever the
	 * request accepts; pages keep their error pages.
	 */
	@Test
	void theApiAnswersWhatNoControllerDidWithProblems() throws Exception {
		HttpResponse<String> post = send(HttpRequest.newBuilder(uri("/api/v1/innovations"))
			.POST(HttpRequest.BodyPublishers.noBody())
			.header("Accept", "application/json"));
		assertProblem(post, 405, "The API only reads: send GET (or HEAD).");
		assertThat(post.headers().firstValue("Allow")).hasValue("GET");
		assertProblem(send(HttpRequest.newBuilder(uri("/api/v1/innovations/some-case")).DELETE()), 405,
				"The API only reads: send GET (or HEAD).");
		assertProblem(get("/api/v1/innovations", "text/csv"), 406, "The API answers in JSON only");
		for (String accept : List.of("application/json", "text/html", "*/*")) {
			assertProblem(get("/api/v1/no-such-route", accept), 404, "There is nothing at this address of the API");
		}
		// The controllers' own problems are as before.
		assertProblem(get("/api/v1/innovations?yearFrom=abc", "application/json"), 400,
				"The year \"abc\" is not valid");
		// Pages keep their pages.
		HttpResponse<String> page = get("/no-such-page", "text/html");
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
		assertThat(page.body()).contains("class=\"error-page\"");
	}

	private void assertProblem(HttpResponse<String> response, int status, String detail) {
		assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).as(response.uri().toString())
			.startsWith("application/problem+json");
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("title").asString()).isNotBlank();
		assertThat(problem.path("detail").asString()).startsWith(detail);
	}

	/**
	 * The docs page is Casebook's own: swagger-ui from its webjar, every file it names
	 * served from here, and the description it reads too.
	 */
	@Test
	void theDocsPageIsServedWithCasebooksOwnFilesOnly() throws Exception {
		HttpResponse<String> entry = get("/swagger-ui.html", "text/html");
		assertThat(entry.statusCode()).isEqualTo(302);
		String location = entry.headers().firstValue("Location").orElseThrow();
		assertThat(location).isEqualTo("/swagger-ui/index.html");
		// It passes the query on: the longest that Tomcat reads still fits in the answer.
		HttpResponse<String> longest = get("/swagger-ui.html?_=" + "a%00b".repeat(1550), "text/html");
		assertThat(longest.statusCode()).isEqualTo(302);
		HttpResponse<String> page = get(location, "text/html");
		assertThat(page.statusCode()).isEqualTo(200);
		Matcher assets = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.body());
		Set<String> files = new HashSet<>();
		while (assets.find()) {
			String asset = assets.group(1);
			assertThat(asset).as("a file of the docs page").doesNotContain("//").doesNotStartWith("http");
			URI file = uri(location).resolve(asset);
			files.add(file.getPath());
			assertThat(send(HttpRequest.newBuilder(file)).statusCode()).as(file.toString()).isEqualTo(200);
		}
		assertThat(files).contains("/swagger-ui/swagger-ui-bundle.js", "/swagger-ui/swagger-initializer.js",
				"/swagger-ui/swagger-ui.css");
		String initializer = get("/swagger-ui/swagger-initializer.js", "*/*").body();
		assertThat(initializer).contains("\"configUrl\" : \"/v3/api-docs/swagger-config\"");
		JsonNode config = this.json.readTree(get("/v3/api-docs/swagger-config", "application/json").body());
		assertThat(config.path("url").asString()).isEqualTo("/v3/api-docs");
		config.properties().forEach((setting) -> {
			String value = setting.getValue().asString();
			if (value.contains("//")) {
				assertThat(value).as(setting.getKey()).startsWith(base());
			}
		});
	}

	/**
	 * In a browser, the docs page lists every route and runs one, with Casebook's own
	 * Content-Security-Policy (no 'unsafe-inline', no 'unsafe-eval'): nothing is blocked.
	 */
	@Test
	void theDocsPageWorksInABrowserUnderTheContentSecurityPolicy() throws Exception {
		HttpResponse<String> page = get("/swagger-ui/index.html", "text/html");
		String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
		assertThat(policy).contains("script-src 'self';", "style-src 'self';").doesNotContain("unsafe");
		int operations = 0;
		for (Map.Entry<String, JsonNode> path : docs().path("paths").properties()) {
			operations += path.getValue().size();
		}
		ChromeDriver browser = HeadlessChromium.start();
		try {
			browser.get(base() + "/swagger-ui.html");
			WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
			int expected = operations;
			wait.until((driver) -> driver.findElements(By.cssSelector(".opblock")).size() == expected);
			assertThat(browser.findElements(By.cssSelector(".opblock-summary-path")))
				.extracting((element) -> element.getText().replace("\u200b", "").strip())
				.contains("/api/v1/innovations", "/api/v1/taxonomies");
			// Run the taxonomies' route: its answer shows.
			browser.findElement(By.cssSelector("#operations-Taxonomies-taxonomies .opblock-summary-control")).click();
			wait.until(
					(driver) -> !driver.findElements(By.cssSelector("#operations-Taxonomies-taxonomies .try-out__btn"))
						.isEmpty());
			browser.findElement(By.cssSelector("#operations-Taxonomies-taxonomies .try-out__btn")).click();
			browser.findElement(By.cssSelector("#operations-Taxonomies-taxonomies .execute")).click();
			wait.until((driver) -> driver
				.findElements(
						By.cssSelector("#operations-Taxonomies-taxonomies .live-responses-table .response-col_status"))
				.stream()
				.anyMatch((cell) -> cell.getText().strip().equals("200")));
			List<String> blocked = browser.manage()
				.logs()
				.get(LogType.BROWSER)
				.getAll()
				.stream()
				.map(LogEntry::getMessage)
				.filter((message) -> message.contains("Content Security Policy"))
				.toList();
			assertThat(blocked).as("blocked by the Content-Security-Policy").isEmpty();
		}
		finally {
			browser.quit();
		}
	}

	private static Set<String> union(String first, Set<String> rest) {
		Set<String> all = new TreeSet<>(rest);
		all.add(first);
		return all;
	}

	private static List<String> names(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.properties().forEach((entry) -> names.add(entry.getKey()));
		return names;
	}

	private JsonNode docs() throws Exception {
		HttpResponse<String> response = get("/v3/api-docs", "application/json");
		assertThat(response.statusCode()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private HttpResponse<String> get(String path, String accept) throws Exception {
		return send(HttpRequest.newBuilder(uri(path)).header("Accept", accept));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create(base() + path);
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

}
