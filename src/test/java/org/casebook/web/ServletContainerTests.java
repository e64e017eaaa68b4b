package org.casebook.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.casebook.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What only a real Tomcat shows, not MockMvc: a TLS proxy's forwarded headers, and error
 * answers that go through the container's error dispatch.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestDatabase.class)
class ServletContainerTests {

	final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void behindATlsProxyOnThePrivateNetworkPagesAskForHttpsOnly() throws Exception {
		assertThat(get("/innovations", "X-Forwarded-Proto", "http").headers().firstValue("Strict-Transport-Security"))
			.isEmpty();
		// The proxy is on loopback here, which Tomcat trusts as it trusts private
		// addresses.
		assertThat(get("/innovations", "X-Forwarded-Proto", "https").headers().firstValue("Strict-Transport-Security"))
			.hasValueSatisfying((hsts) -> assertThat(hsts).contains("max-age="));
	}

	@Test
	void beforeBeingReadyCasebookAskedItselfForWhatFirstVisitorsAskFor(@Autowired FirstRequests firstRequests) {
		assertThat(firstRequests.answered()).isEqualTo(FirstRequests.PATHS.size());
	}

	@Test
	void theErrorPageAskedForDirectlyDoesNotExist() throws Exception {
		HttpResponse<String> response = get("/error", "Accept", "text/html");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("class=\"error-page\"");
	}

	@Test
	void anErrorAnsweredWithoutABodyGetsTheErrorPage() throws Exception {
		// The actuator answers an unknown health group with a bare 404.
		HttpResponse<String> response = get("/actuator/health/no-such-group", "Accept",
				"text/html,application/json;q=0.9");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("class=\"error-page\"");
	}

	@Test
	void anUploadLargerThanCasebookTakesIsAnsweredWithAPageThatSaysSo() throws Exception {
		byte[] body = new byte[12 * 1024 * 1024];
		String start = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n\r\n";
		System.arraycopy(start.getBytes(StandardCharsets.US_ASCII), 0, body, 0, start.length());
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/contribute/1/files"))
				.header("Content-Type", "multipart/form-data; boundary=b")
				.header("Accept", "text/html")
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		// Not a 403 for a CSRF token that the container could not read, nor a 500.
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("class=\"error-page\"").contains("larger than 10 MB");
	}

	private HttpResponse<String> get(String path, String header, String value)
			throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header(header, value)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
