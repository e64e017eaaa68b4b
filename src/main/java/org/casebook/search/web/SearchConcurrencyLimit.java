package org.casebook.search.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.UrlPathHelper;

/**
 * Searches run at most as many at once as there are cores; the others wait their turn, in
 * the order they came. A search is pure CPU work (the index is in memory), so more at
 * once only share the cores: on two cores, eight searches at once each took about 40%
 * more CPU time than two at once (caches and context switches), and so all finished
 * later. One that waits longer than the queue timeout gets a 503 with a Retry-After.
 */
@Component
class SearchConcurrencyLimit extends OncePerRequestFilter {

	/** The pages and APIs whose work is a search: the list, its JSON, the map's data. */
	static final Set<String> SEARCH_PATHS = Set.of("/", SearchPage.PATH, "/api/v1/innovations", "/api/v1/map",
			"/api/v1/map/cases");

	private final Semaphore permits;

	private final Duration queueTimeout;

	private final int queueLength;

	private final MessageSource messages;

	/**
	 * @param concurrency how many searches run at once; 0 for one per core
	 * @param queueTimeout how long a search may wait for its turn
	 * @param queueLength how many searches may wait at once; more are turned away at
	 * once, so that a flood holds no more than this many threads and buffers
	 */
	SearchConcurrencyLimit(@Value("${casebook.search.concurrency}") int concurrency,
			@Value("${casebook.search.queue-timeout}") Duration queueTimeout,
			@Value("${casebook.search.queue-length}") int queueLength, MessageSource messages) {
		this.permits = new Semaphore((concurrency > 0) ? concurrency : Runtime.getRuntime().availableProcessors(),
				true);
		this.queueTimeout = queueTimeout;
		this.queueLength = queueLength;
		this.messages = messages;
	}

	/** How many searches wait for their turn now. */
	int waiting() {
		return this.permits.getQueueLength();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		// Decoded, as the controllers see it: /innovation%73 is /innovations too.
		return !SEARCH_PATHS.contains(UrlPathHelper.defaultInstance.getPathWithinApplication(request));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean turn;
		try {
			// The queue length is read without a lock: a few more may slip in at once.
			turn = this.permits.getQueueLength() < this.queueLength
					&& this.permits.tryAcquire(this.queueTimeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			turn = false;
		}
		if (!turn) {
			response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			response.setHeader("Retry-After", "5");
			response.setContentType("text/plain;charset=UTF-8");
			response.getWriter().println(this.messages.getMessage("search.busy", null, request.getLocale()));
			return;
		}
		// The page is kept until the turn is over, then sent: a client that reads slowly
		// holds up only itself.
		ContentCachingResponseWrapper page = new ContentCachingResponseWrapper(response);
		try {
			chain.doFilter(request, page);
		}
		finally {
			this.permits.release();
		}
		page.copyBodyToResponse();
	}

}
