package org.casebook.opendata;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where an import's time goes, stage by stage (reading, COPY, upsert, revisions,
 * indexing…), summed over its batches: the report and the benchmark print it, so that the
 * next change to the import starts from a measure rather than a guess. Each stage runs
 * from the previous mark to its own. Written by one thread at a time.
 */
final class StageTimes {

	private final Map<String, Long> nanos = new LinkedHashMap<>();

	private long last = System.nanoTime();

	/** Starts timing again from now, leaving out what happened since the last mark. */
	void restart() {
		this.last = System.nanoTime();
	}

	/** Adds the time since the last mark (or restart) to this stage. */
	void mark(String stage) {
		long now = System.nanoTime();
		this.nanos.merge(stage, now - this.last, Long::sum);
		this.last = now;
	}

	/** Adds a time measured elsewhere to this stage. */
	void add(String stage, long nanos) {
		this.nanos.merge(stage, nanos, Long::sum);
	}

	/** Adds another's times to these. */
	void addAll(StageTimes other) {
		other.nanos.forEach(this::add);
	}

	/** Milliseconds by stage, in the order the stages first ran. */
	Map<String, Long> millis() {
		Map<String, Long> millis = new LinkedHashMap<>();
		this.nanos.forEach((stage, nanos) -> millis.put(stage, nanos / 1_000_000));
		return millis;
	}

}
