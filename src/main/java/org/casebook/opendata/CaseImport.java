package org.casebook.opendata;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

import org.casebook.search.index.BulkIndexing;
import org.casebook.search.index.SearchIndexMaintenance;
import org.casebook.taxonomy.Tag;
import org.casebook.taxonomy.Taxonomies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * Imports cases from the files exports write (CSV or JSON Lines). A file is checked whole
 * first: a file with any problem writes nothing, and the report says every problem with
 * its line and column (the first {@value #MAX_PROBLEMS} of them). A file without problems
 * is written a thousand cases per transaction, each batch reindexed once committed.
 * <p>
 * Cases are matched by slug: importing a file again replaces its cases with the file's
 * version and adds none. So an import stopped half-way (a crash, a restart) is finished
 * by importing the same file again: the batches already written are written once more,
 * the others for the first time, and every case ends up there once.
 */
@Service
public class CaseImport {

	static final int BATCH = 1000;

	static final int MAX_PROBLEMS = 1000;

	private static final Logger log = LoggerFactory.getLogger(CaseImport.class);

	private final CaseWriter writer;

	private final Taxonomies taxonomies;

	private final SearchIndexMaintenance index;

	private final JsonMapper json;

	private final Clock clock;

	CaseImport(CaseWriter writer, Taxonomies taxonomies, SearchIndexMaintenance index, JsonMapper json, Clock clock) {
		this.writer = writer;
		this.taxonomies = taxonomies;
		this.index = index;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * What an import found and did.
	 *
	 * @param rows the rows of the file
	 * @param problems the first problems found, in file order
	 * @param problemCount how many problems there were in all
	 * @param created cases added
	 * @param updated cases replaced
	 * @param writeMillis time spent writing to the database
	 * @param indexMillis time spent indexing what was written
	 * @param stageMillis time spent in each stage, in the order they first ran
	 */
	public record Report(long rows, List<ImportProblem> problems, long problemCount, long created, long updated,
			long writeMillis, long indexMillis, Map<String, Long> stageMillis) {

		public boolean hasProblems() {
			return this.problemCount > 0;
		}

	}

	/**
	 * Checks a file, then writes it if it has no problem, each batch a revision of its
	 * cases.
	 * @param author who imports it, as the revisions name them
	 * @param progress told how many rows are written, after each batch
	 */
	public Report run(Path file, ExportFormat format, String author, LongConsumer progress) throws IOException {
		Report checked = check(file, format);
		if (checked.hasProblems()) {
			return checked;
		}
		List<CaseRecord> batch = new ArrayList<>(BATCH);
		Map<String, String> newTags = new LinkedHashMap<>();
		CaseRowReader reader = new CaseRowReader(this.taxonomies);
		try (Writing writing = new Writing(author, progress); InputStream input = Files.newInputStream(file)) {
			CaseFileReader.read(input, format, this.json, (cells) -> {
				CaseRecord record = reader.read(cells.line(), cells.cells(), (problem) -> {
					throw new IllegalStateException("The file changed since it was checked: " + problem);
				});
				batch.add(record);
				record.tags()
					.stream()
					.filter((key) -> !this.taxonomies.contains(Tag.class, key))
					.forEach((key) -> newTags.putIfAbsent(key, label(key)));
				if (batch.size() == BATCH) {
					writing.write(batch, newTags);
				}
			}, (problem) -> {
				throw new IllegalStateException("The file changed since it was checked: " + problem);
			});
			if (!batch.isEmpty()) {
				writing.write(batch, newTags);
			}
			writing.finish();
			log.info("Imported {} cases: {} new, {} replaced; time by stage (ms): {}", writing.written, writing.created,
					writing.updated, writing.times.millis());
			return new Report(checked.rows(), List.of(), 0, writing.created, writing.updated,
					writing.writeNanos / 1_000_000, writing.indexNanos / 1_000_000, writing.times.millis());
		}
	}

	/**
	 * The writing of a checked file, batch after batch, each in a transaction of its own.
	 * With an engine whose index changes are committed with the data (OpenSearch's
	 * outbox) that is all: each transaction holds its index events. Otherwise (Lucene)
	 * the cases of a batch are indexed once it committed, on a thread of their own while
	 * the next batch is read and written: one batch is indexed while one is written, no
	 * more, so memory stays that of two batches.
	 */
	private final class Writing implements AutoCloseable {

		private final String author;

		private final LongConsumer progress;

		private final StageTimes times = new StageTimes();

		private final boolean indexedWithCommit = CaseImport.this.writer.indexChangesCommitted();

		private final BulkIndexing indexing;

		/** Where the cases are indexed (when they are indexed after the commit). */
		private final ExecutorService indexer;

		private final StageTimes indexTimes = new StageTimes();

		private Future<?> indexed;

		long written;

		long created;

		long updated;

		long writeNanos;

		long indexNanos;

		Writing(String author, LongConsumer progress) {
			this.author = author;
			this.progress = progress;
			this.indexing = this.indexedWithCommit ? null : CaseImport.this.index.bulkIndexing();
			this.indexer = this.indexedWithCommit ? null : Executors.newSingleThreadExecutor((task) -> {
				Thread thread = new Thread(task, "casebook-import-index");
				thread.setDaemon(true);
				return thread;
			});
			this.times.restart();
		}

		void write(List<CaseRecord> batch, Map<String, String> newTags) {
			this.times.mark("read: parse, rows");
			CaseWriter.Written written;
			long start = System.nanoTime();
			try {
				written = CaseImport.this.writer.write(batch, newTags, CaseImport.this.clock.instant(), this.author,
						this.times);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not write imported cases", ex);
			}
			this.writeNanos += System.nanoTime() - start;
			this.written += batch.size();
			this.created += written.created();
			this.updated += written.updated();
			batch.clear();
			newTags.clear();
			// Committed (with OpenSearch's outbox, its index events with it).
			this.progress.accept(this.written);
			if (!this.indexedWithCommit) {
				// Written with COPY, unseen by Hibernate Search: indexed here, once
				// committed. A crash in between leaves cases that the index check finds
				// and repairs.
				awaitIndexed();
				this.indexed = this.indexer.submit(() -> {
					long indexing = System.nanoTime();
					this.indexing.add(written.toIndex(), this.indexTimes::add);
					this.indexNanos += System.nanoTime() - indexing;
				});
			}
			this.times.restart();
		}

		/** Waits until every case written is searchable. */
		void finish() {
			long start = System.nanoTime();
			if (this.indexedWithCommit) {
				// The nodes index the events in the background.
				CaseImport.this.index.awaitSearchable();
				this.times.add("index: wait until searchable", System.nanoTime() - start);
			}
			else {
				awaitIndexed();
				this.indexing.finish(this.indexTimes::add);
				this.times.add("write: wait for the last batch's indexing", System.nanoTime() - start);
				this.times.addAll(this.indexTimes);
			}
			this.indexNanos += System.nanoTime() - start;
		}

		private void awaitIndexed() {
			if (this.indexed == null) {
				return;
			}
			long start = System.nanoTime();
			try {
				this.indexed.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while indexing imported cases", ex);
			}
			catch (ExecutionException ex) {
				throw new IllegalStateException("Could not index imported cases", ex.getCause());
			}
			finally {
				this.indexed = null;
			}
			this.times.add("write: wait for the previous batch's indexing", System.nanoTime() - start);
		}

		@Override
		public void close() {
			if (this.indexer != null) {
				this.indexer.shutdown();
			}
		}

	}

	/** Checks a file and writes nothing. */
	public Report check(Path file, ExportFormat format) throws IOException {
		List<ImportProblem> problems = new ArrayList<>();
		long[] problemCount = { 0 };
		long[] rows = { 0 };
		Slugs slugs = new Slugs();
		CaseRowReader reader = new CaseRowReader(this.taxonomies);
		Consumer<ImportProblem> collect = (problem) -> {
			problemCount[0]++;
			if (problems.size() < MAX_PROBLEMS) {
				problems.add(problem);
			}
		};
		try (InputStream input = Files.newInputStream(file)) {
			CaseFileReader.read(input, format, this.json, (cells) -> {
				rows[0]++;
				CaseRecord record = reader.read(cells.line(), cells.cells(), collect);
				String slug = (record != null) ? record.slug() : cells.cells().get("slug");
				if (slug != null && !slug.isBlank()) {
					slugs.add(slug.strip(), cells.line());
				}
			}, collect);
		}
		slugs.duplicates(collect);
		List<ImportProblem> ordered = new ArrayList<>(problems);
		ordered.sort(Comparator.comparingLong(ImportProblem::line));
		return new Report(rows[0], ordered, problemCount[0], 0, 0, 0, 0, Map.of());
	}

	/**
	 * A label for a new free tag, from its key: {@code open-budgets} → "Open budgets".
	 */
	static String label(String key) {
		String words = key.replace('-', ' ');
		return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
	}

	/**
	 * The slugs of a file, to find the ones that come twice: 64-bit hashes and lines,
	 * sixteen bytes a row, where a set of strings would take a hundred.
	 */
	private static final class Slugs {

		private long[] hashes = new long[1024];

		private long[] lines = new long[1024];

		private int size;

		void add(String slug, long line) {
			if (this.size == this.hashes.length) {
				this.hashes = Arrays.copyOf(this.hashes, this.size * 2);
				this.lines = Arrays.copyOf(this.lines, this.size * 2);
			}
			this.hashes[this.size] = hash(slug);
			this.lines[this.size] = line;
			this.size++;
		}

		void duplicates(Consumer<ImportProblem> problems) {
			Integer[] order = new Integer[this.size];
			for (int i = 0; i < this.size; i++) {
				order[i] = i;
			}
			Arrays.sort(order,
					Comparator.comparingLong((Integer i) -> this.hashes[i]).thenComparingLong((i) -> this.lines[i]));
			for (int i = 1; i < order.length; i++) {
				if (this.hashes[order[i]] == this.hashes[order[i - 1]]) {
					int first = i - 1;
					while (first > 0 && this.hashes[order[first - 1]] == this.hashes[order[i]]) {
						first--;
					}
					problems.accept(
							ImportProblem.of(this.lines[order[i]], "slug", "duplicateSlug", this.lines[order[first]]));
				}
			}
		}

		/** FNV-1a, 64 bits. */
		private static long hash(String slug) {
			long hash = 0xcbf29ce484222325L;
			for (int i = 0; i < slug.length(); i++) {
				hash ^= slug.charAt(i);
				hash *= 0x100000001b3L;
			}
			return hash;
		}

	}

}
