package org.casebook.search.web;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Searches run at most as many at once as there are cores; the others wait their turn, in
 * the order they came. A search is pure CPU work (the index is in memory), so more at
 * once only share the cores: on two cores, eight searches at once each took about 40%
 * more CPU time than two at once (caches and context switches), and so all finished
 * later. One that waits longer than the queue timeout gets a 503 with a Retry-After.
 */
@Component
class SearchConcurrencyLimit extends OncePerRequestFilter {

	private final Semaphore permits;

	private final Duration queueTimeout;

	private final int queueLength;

	private final MessageSource messages;

	/** Whether a request goes to a {@link SearchWork} method. */
	private final Predicate<HttpServletRequest> isSearch;

	/**
	 * @param concurrency how many searches run at once; 0 for one per core
	 * @param queueTimeout how long a search may wait for its turn
	 * @param queueLength how many searches may wait at once; more are turned away at
	 * once, so that a flood holds no more than this many threads and buffers
	 */
	@Autowired
	SearchConcurrencyLimit(@Value("${casebook.search.concurrency}") int concurrency,
			@Value("${casebook.search.queue-timeout}") Duration queueTimeout,
			@Value("${casebook.search.queue-length}") int queueLength, MessageSource messages,
			@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> controllers) {
		this(concurrency, queueTimeout, queueLength, messages, (request) -> isSearchWork(controllers, request));
	}

	/**
	 * @param concurrency how many searches run at once; 0 for one per core
	 * @param queueTimeout how long a search may wait for its turn
	 * @param queueLength how many searches may wait at once; more are turned away at
	 * once, so that a flood holds no more than this many threads and buffers
	 * @param isSearch which requests are searches
	 */
	SearchConcurrencyLimit(int concurrency, Duration queueTimeout, int queueLength, MessageSource messages,
			Predicate<HttpServletRequest> isSearch) {
		this.permits = new Semaphore((concurrency > 0) ? concurrency : Runtime.getRuntime().availableProcessors(),
				true);
		this.queueTimeout = queueTimeout;
		this.queueLength = queueLength;
		this.messages = messages;
		this.isSearch = isSearch;
	}

	/**
	 * Whether Spring MVC sends a request to a {@link SearchWork} method: the same lookup
	 * as the dispatcher's, so a path spelled differently (/innovation%73) is found too.
	 */
	private static boolean isSearchWork(ObjectProvider<RequestMappingHandlerMapping> controllers,
			HttpServletRequest request) {
		try {
			HandlerExecutionChain chain = controllers.getObject().getHandler(request);
			return chain != null && chain.getHandler() instanceof HandlerMethod method
					&& method.hasMethodAnnotation(SearchWork.class);
		}
		catch (Exception ex) {
			// No method takes it (a method not allowed, say): not a search.
			return false;
		}
	}

	/** Whether a request waits for a search's turn. */
	boolean isSearch(HttpServletRequest request) {
		return this.isSearch.test(request);
	}

	/** How many searches wait for their turn now. */
	int waiting() {
		return this.permits.getQueueLength();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.isSearch.test(request);
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
			String message = this.messages.getMessage("search.busy", null, request.getLocale());
			if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
				// The JSON API says it with a problem (RFC 9457), as its other errors.
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				JsonMapper.shared()
					.writeValue(response.getOutputStream(),
							new Problem(HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase(),
									HttpServletResponse.SC_SERVICE_UNAVAILABLE, message));
				return;
			}
			response.setContentType("text/plain;charset=UTF-8");
			response.getWriter().println(message);
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

	/**
	 * An RFC 9457 problem, as the JSON API's other errors are written: without a type,
	 * which is then about:blank.
	 */
	record Problem(String title, int status, String detail) {
	}

}
