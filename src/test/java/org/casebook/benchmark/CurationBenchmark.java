package org.casebook.benchmark;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.casebook.account.AccountService;
import org.casebook.account.Role;
import org.casebook.curation.CaseForm;
import org.casebook.curation.FormStep;
import org.casebook.curation.Submissions;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The editors' pages at the catalogue's size ({@code -Dbenchmark.curation=true}): tops
 * the review queue up to {@value #PENDING} submissions waiting and one published case up
 * to {@value #VERSIONS} versions (proposed changes, published), then, signed in as an
 * editor through the form, times the review queue, the case's history and the comparison
 * of its first and last versions, each asked {@value #REQUESTS} times one after the
 * other.
 */
final class CurationBenchmark {

	static final int PENDING = 1000;

	static final int VERSIONS = 50;

	static final int REQUESTS = 200;

	private static final String EDITOR = "benchmark-editor@casebook.invalid";

	private static final String PASSWORD = "benchmark editor password";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern REVISION = Pattern.compile("name=\"from\" id=\"from-(\\d+)\"");

	private CurationBenchmark() {
	}

	static void run(ConfigurableApplicationContext context, String base) throws Exception {
		AccountService accounts = context.getBean(AccountService.class);
		Submissions submissions = context.getBean(Submissions.class);
		JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
		long editor = editor(accounts, jdbc, base);

		long start = System.nanoTime();
		int pending = jdbc.queryForObject("SELECT count(*) FROM submission WHERE state = 'PENDING'", Integer.class);
		for (int i = pending; i < PENDING; i++) {
			long id = submissions.start(editor).getId();
			CaseForm form = new CaseForm();
			form.setTitle("Benchmark submission " + i);
			form.setSummary("A case waiting for review, number " + i + ".");
			form.setCountries(List.of("fr"));
			submissions.save(editor, id, FormStep.BASICS, form);
			form.setOverview("What it is and why it matters.");
			submissions.save(editor, id, FormStep.DESCRIPTION, form);
			submissions.submit(editor, id);
		}
		String slug = jdbc.queryForObject(
				"SELECT slug FROM innovation WHERE status = 'PUBLISHED' AND demo ORDER BY id DESC LIMIT 1",
				String.class);
		int versions = jdbc.queryForObject(
				"SELECT count(*) FROM innovation_aud a JOIN innovation i ON i.id = a.id WHERE i.slug = ?",
				Integer.class, slug);
		for (int i = versions; i < VERSIONS; i++) {
			long id = submissions.proposeChange(editor, slug).getId();
			CaseForm form = submissions.draft(editor, id).form();
			form.setSummary(form.getSummary().replaceAll(" \\(version \\d+\\)$", "") + " (version " + i + ")");
			submissions.save(editor, id, FormStep.BASICS, form);
			submissions.submit(editor, id);
			submissions.publish(editor, id);
		}
		System.out.printf("Curation: %,d submissions waiting, %s has %,d versions (set up in %.1f s)%n",
				jdbc.queryForObject("SELECT count(*) FROM submission WHERE state = 'PENDING'", Integer.class), slug,
				jdbc.queryForObject(
						"SELECT count(*) FROM innovation_aud a JOIN innovation i ON i.id = a.id WHERE i.slug = ?",
						Integer.class, slug),
				(System.nanoTime() - start) / 1e9);

		HttpClient http = HttpClient.newHttpClient();
		String session = signIn(http, base);
		String history = "/innovations/" + slug + "/history";
		Matcher revisions = REVISION.matcher(get(http, base + history, session).body());
		long first = Long.MAX_VALUE;
		long last = 0;
		while (revisions.find()) {
			first = Math.min(first, Long.parseLong(revisions.group(1)));
			last = Math.max(last, Long.parseLong(revisions.group(1)));
		}
		time(http, base, session, "/review (the queue, oldest first)", "/review");
		time(http, base, session, "the history of a case", history);
		time(http, base, session, "its first and last versions compared", history + "?from=" + first + "&to=" + last);
	}

	private static long editor(AccountService accounts, JdbcTemplate jdbc, String base) {
		if (accounts.find(EDITOR).isEmpty()) {
			accounts.signUp(EDITOR, "Benchmark editor", PASSWORD, base, Locale.ENGLISH);
		}
		long id = jdbc.queryForObject("UPDATE account SET email_verified_at = coalesce(email_verified_at, now()) "
				+ "WHERE email = ? RETURNING id", Long.class, EDITOR);
		if (!accounts.find(EDITOR).orElseThrow().can(Role.EDITOR)) {
			accounts.grant(id, Role.EDITOR);
		}
		return id;
	}

	/** Signs in through the form; the session cookie, sent by hand (it is Secure). */
	private static String signIn(HttpClient http, String base) throws Exception {
		HttpResponse<String> page = get(http, base + "/login", null);
		String cookie = cookie(page, null);
		Matcher token = CSRF.matcher(page.body());
		if (!token.find()) {
			throw new IllegalStateException("No CSRF token on the sign-in page");
		}
		String form = "email=" + URLEncoder.encode(EDITOR, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + token.group(1);
		HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", cookie)
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (signedIn.statusCode() != 302) {
			throw new IllegalStateException("Signing in answered " + signedIn.statusCode());
		}
		return cookie(signedIn, cookie);
	}

	private static String cookie(HttpResponse<?> response, String otherwise) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((header) -> header.startsWith("SESSION="))
			.map((header) -> header.substring(0, header.indexOf(';')))
			.findFirst()
			.orElse(otherwise);
	}

	private static HttpResponse<String> get(HttpClient http, String url, String cookie) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html");
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void time(HttpClient http, String base, String session, String what, String path) throws Exception {
		for (int i = 0; i < 20; i++) {
			get(http, base + path, session);
		}
		long[] micros = new long[REQUESTS];
		int bytes = 0;
		for (int i = 0; i < REQUESTS; i++) {
			long start = System.nanoTime();
			HttpResponse<String> response = get(http, base + path, session);
			micros[i] = (System.nanoTime() - start) / 1000;
			if (response.statusCode() != 200) {
				throw new IllegalStateException(path + " answered " + response.statusCode());
			}
			bytes = response.body().length();
		}
		Arrays.sort(micros);
		System.out.printf("%s: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (%,d requests, %,d characters)%n",
				what, micros[REQUESTS / 2] / 1000.0, micros[REQUESTS * 9 / 10] / 1000.0,
				micros[REQUESTS * 99 / 100] / 1000.0, micros[REQUESTS - 1] / 1000.0, REQUESTS, bytes);
	}

}
