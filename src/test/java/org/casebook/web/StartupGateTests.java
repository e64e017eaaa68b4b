package org.casebook.web;

import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Pages wait for the data and the index; health endpoints do not. */
class StartupGateTests {

	private final ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();

	private final FirstRequests firstRequests = new FirstRequests(new GenericApplicationContext());

	private final StartupGate gate = new StartupGate(this.availability, messages(), this.firstRequests);

	@Test
	void pagesAnswer503UntilCasebookIsReady() throws Exception {
		MockHttpServletResponse response = request("/innovations");
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("10");
		assertThat(response.getContentAsString()).contains("Casebook is starting");

		// The JSON API says it with a problem, as its other errors.
		MockHttpServletResponse api = request("/api/v1/innovations");
		assertThat(api.getStatus()).isEqualTo(503);
		assertThat(api.getHeader("Retry-After")).isEqualTo("10");
		assertThat(api.getContentType()).isEqualTo("application/problem+json");
		assertThat(JsonMapper.shared().readValue(api.getContentAsString(), Map.class)).isEqualTo(Map.of("title",
				"Service Unavailable", "status", 503, "detail",
				"Casebook is starting: it is loading its data and search index. Please try again in a few seconds."));

		this.availability.onApplicationEvent(new AvailabilityChangeEvent<>(this, ReadinessState.ACCEPTING_TRAFFIC));
		assertThat(request("/innovations").getStatus()).isEqualTo(200);
		assertThat(request("/api/v1/innovations").getStatus()).isEqualTo(200);
	}

	@Test
	void casebooksOwnFirstRequestsPassButNotAGuessedKey() throws Exception {
		assertThat(request("/innovations", this.firstRequests.key()).getStatus()).isEqualTo(200);
		assertThat(request("/innovations", "00000000-0000-0000-0000-000000000000").getStatus()).isEqualTo(503);
		assertThat(request("/innovations", "").getStatus()).isEqualTo(503);
	}

	@Test
	void theFirstRequestsGoWhereCasebookListensOrToLoopbackWhenItListensEverywhere() throws Exception {
		assertThat(firstRequestsWith(null).host()).isEqualTo("127.0.0.1");
		assertThat(firstRequestsWith("0.0.0.0").host()).isEqualTo("127.0.0.1");
		assertThat(firstRequestsWith("127.0.0.2").host()).isEqualTo("127.0.0.2");
		assertThat(firstRequestsWith("::1").host()).isEqualTo("[0:0:0:0:0:0:0:1]");
	}

	private static FirstRequests firstRequestsWith(String serverAddress) {
		GenericApplicationContext context = new GenericApplicationContext();
		if (serverAddress != null) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("test", Map.of("server.address", serverAddress)));
		}
		return new FirstRequests(context);
	}

	@Test
	void healthEndpointsAreAlwaysReachable() throws Exception {
		assertThat(request("/actuator/health/readiness").getStatus()).isEqualTo(200);
	}

	private MockHttpServletResponse request(String path) throws Exception {
		return request(path, null);
	}

	private MockHttpServletResponse request(String path, String key) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		if (key != null) {
			request.addHeader(FirstRequests.HEADER, key);
		}
		request.addPreferredLocale(Locale.ENGLISH);
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.gate.doFilter(request, response, new MockFilterChain());
		return response;
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		return messages;
	}

}
