package org.casebook.search.index;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.hibernate.search.mapper.pojo.massindexing.MassIndexingMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs how a rebuild of the index goes, every ten seconds: how many cases are indexed, at
 * what rate, and about how long is left.
 */
final class IndexingProgress implements MassIndexingMonitor {

	private static final Logger log = LoggerFactory.getLogger(IndexingProgress.class);

	private static final long INTERVAL = Duration.ofSeconds(10).toNanos();

	private final long total;

	private final long start = System.nanoTime();

	private final AtomicLong indexed = new AtomicLong();

	private final AtomicLong lastLog = new AtomicLong(this.start);

	IndexingProgress(long total) {
		this.total = total;
		log.info("Indexing {} published cases", total);
	}

	@Override
	public void documentsAdded(long count) {
		long done = this.indexed.addAndGet(count);
		long now = System.nanoTime();
		long last = this.lastLog.get();
		if (now - last >= INTERVAL && this.lastLog.compareAndSet(last, now)) {
			double seconds = (now - this.start) / 1e9;
			double rate = done / seconds;
			long left = (rate > 0) ? Math.round((this.total - done) / rate) : 0;
			log.info("Indexing: {} / {} cases ({}%), {} cases/s, about {} left", done, this.total,
					(this.total > 0) ? done * 100 / this.total : 100, Math.round(rate),
					Duration.ofSeconds(Math.max(0, left)).toString().substring(2).toLowerCase());
		}
	}

	@Override
	public void documentsBuilt(long count) {
	}

	@Override
	public void entitiesLoaded(long count) {
	}

	@Override
	public void indexingCompleted() {
		double seconds = (System.nanoTime() - this.start) / 1e9;
		log.info("Indexed {} cases in {} s ({} cases/s)", this.indexed.get(), Math.round(seconds),
				Math.round(this.indexed.get() / Math.max(seconds, 0.001)));
	}

}
