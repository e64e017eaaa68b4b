package org.casebook.search.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class SearchConcurrencyLimitTests {

	final StaticMessageSource messages = new StaticMessageSource();

	/** In the application, the requests to {@link SearchWork} methods. */
	static final Predicate<HttpServletRequest> SEARCHES = (
			request) -> Set.of("/innovations", "/api/v1/innovations", "/api/v1/map").contains(request.getRequestURI());

	final SearchConcurrencyLimit limit = new SearchConcurrencyLimit(1, Duration.ofSeconds(1), 10, this.messages,
			SEARCHES);

	SearchConcurrencyLimitTests() {
		this.messages.setUseCodeAsDefaultMessage(true);
	}

	@Test
	void aSearchWaitsForItsTurnAndIsTurnedAwayWith503AfterTheTimeout() throws Exception {
		CountDownLatch running = new CountDownLatch(1);
		CountDownLatch finish = new CountDownLatch(1);
		CompletableFuture<MockHttpServletResponse> first = CompletableFuture
			.supplyAsync(() -> run("/innovations", () -> {
				running.countDown();
				await(finish);
			}));
		assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

		MockHttpServletResponse second = run("/api/v1/innovations", () -> {
		});
		assertThat(second.getStatus()).isEqualTo(503);
		assertThat(second.getHeader("Retry-After")).isNotBlank();
		// The JSON API says it with a problem (RFC 9457), a page in a sentence.
		assertThat(second.getContentType()).isEqualTo("application/problem+json");
		assertThat(JsonMapper.shared().readValue(second.getContentAsString(), Map.class))
			.isEqualTo(Map.of("title", "Service Unavailable", "status", 503, "detail", "search.busy"));
		MockHttpServletResponse page = run("/innovations", () -> {
		});
		assertThat(page.getStatus()).isEqualTo(503);
		assertThat(page.getContentType()).startsWith("text/plain");
		assertThat(page.getContentAsString()).contains("search.busy");

		// What is not a search is not held up.
		assertThat(run("/innovations/some-case", () -> {
		}).getStatus()).isEqualTo(200);

		CompletableFuture<MockHttpServletResponse> third = CompletableFuture
			.supplyAsync(() -> run("/api/v1/map", () -> {
			}));
		finish.countDown();
		assertThat(first.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
		assertThat(first.get().getContentAsString()).isEqualTo("done");
		assertThat(third.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
	}

	@Test
	void whenTheQueueIsFullASearchIsTurnedAwayAtOnce() throws Exception {
		SearchConcurrencyLimit shortQueue = new SearchConcurrencyLimit(1, Duration.ofSeconds(30), 1, this.messages,
				SEARCHES);
		CountDownLatch running = new CountDownLatch(1);
		CountDownLatch finish = new CountDownLatch(1);
		CompletableFuture<MockHttpServletResponse> first = CompletableFuture
			.supplyAsync(() -> run(shortQueue, "/innovations", () -> {
				running.countDown();
				await(finish);
			}));
		assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<MockHttpServletResponse> waiting = CompletableFuture
			.supplyAsync(() -> run(shortQueue, "/innovations", () -> {
			}));
		while (!waiting.isDone() && shortQueue.waiting() == 0) {
			Thread.sleep(5);
		}
		// The queue holds one: the next does not wait the 30 s of the queue timeout.
		MockHttpServletResponse turnedAway = CompletableFuture.supplyAsync(() -> run(shortQueue, "/api/v1/map", () -> {
		})).get(5, TimeUnit.SECONDS);
		assertThat(turnedAway.getStatus()).isEqualTo(503);
		finish.countDown();
		assertThat(first.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
		assertThat(waiting.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
	}

	private MockHttpServletResponse run(String path, Runnable work) {
		return run(this.limit, path, work);
	}

	private static MockHttpServletResponse run(SearchConcurrencyLimit limit, String path, Runnable work) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		MockHttpServletResponse response = new MockHttpServletResponse();
		try {
			limit.doFilter(request, response, new MockFilterChain() {

				@Override
				public void doFilter(ServletRequest req, ServletResponse res) throws IOException {
					work.run();
					res.getWriter().print("done");
					res.getWriter().flush();
				}

			});
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return response;
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
