package org.casebook.search.lucene;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.casebook.search.InnovationSearch;
import org.casebook.search.SearchQuery;
import org.casebook.search.index.SearchIndexMaintenance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A fresh index segment's facet columns take time to read (979 ms for the first search
 * after a start at a million cases). Before Casebook says it is ready, every segment is
 * read and the plain list searched once; afterwards, the newest state of the index is
 * prepared in the background every {@code casebook.search.warm-interval}. Searches read
 * the last prepared state while a merged segment waits for this (see
 * {@link PreparedIndex}); what writes add is small enough for a search to read itself.
 */
@Component
@LuceneEngine
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class SearchWarmer implements ApplicationRunner, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SearchWarmer.class);

	private final LuceneInnovationSearch search;

	private final SearchIndexMaintenance maintenance;

	private final Duration interval;

	private final ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "search-warmer");
		thread.setDaemon(true);
		return thread;
	});

	SearchWarmer(LuceneInnovationSearch search, SearchIndexMaintenance maintenance,
			@Value("${casebook.search.warm-interval}") Duration interval) {
		this.search = search;
		this.maintenance = maintenance;
		this.interval = interval;
	}

	@Override
	public void run(ApplicationArguments args) {
		long start = System.nanoTime();
		try {
			int segments = this.search.warm();
			this.search.search(SearchQuery.all());
			log.info("Search warmed up: {} index segments read in {} ms", segments,
					(System.nanoTime() - start) / 1_000_000);
		}
		catch (RuntimeException ex) {
			// Warming is a help, not a condition: searches read what they miss.
			log.warn("Could not warm the search up: {}", ex.toString());
		}
		this.background.scheduleWithFixedDelay(this::warm, this.interval.toMillis(), this.interval.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	private void warm() {
		if (this.maintenance.rebuilding()) {
			// Each look would make Lucene write its buffer out as a new segment, soon to
			// be merged away, and read that segment's columns for nothing.
			return;
		}
		try {
			this.search.warm();
		}
		catch (RuntimeException ex) {
			log.warn("Could not warm the search up: {}", ex.toString());
		}
	}

	@Override
	public void destroy() {
		this.background.shutdownNow();
	}

}
