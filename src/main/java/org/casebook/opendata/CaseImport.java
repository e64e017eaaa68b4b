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
import java.util.function.LongConsumer;

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
		long[] done = { 0, 0, 0, 0, 0 };
		StageTimes times = new StageTimes();
		List<CaseRecord> batch = new ArrayList<>(BATCH);
		Map<String, String> newTags = new LinkedHashMap<>();
		CaseRowReader reader = new CaseRowReader(this.taxonomies);
		try (InputStream input = Files.newInputStream(file)) {
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
					times.mark("read: parse, rows");
					write(batch, newTags, author, done, progress, times);
					times.restart();
				}
			}, (problem) -> {
				throw new IllegalStateException("The file changed since it was checked: " + problem);
			});
		}
		if (!batch.isEmpty()) {
			times.mark("read: parse, rows");
			write(batch, newTags, author, done, progress, times);
		}
		log.info("Imported {} cases: {} new, {} replaced; time by stage (ms): {}", done[0], done[1], done[2],
				times.millis());
		return new Report(checked.rows(), List.of(), 0, done[1], done[2], done[3] / 1_000_000, done[4] / 1_000_000,
				times.millis());
	}

	private void write(List<CaseRecord> batch, Map<String, String> newTags, String author, long[] done,
			LongConsumer progress, StageTimes times) {
		CaseWriter.Written written;
		long start = System.nanoTime();
		try {
			written = this.writer.write(batch, newTags, this.clock.instant(), author, times);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not write imported cases", ex);
		}
		long wrote = System.nanoTime();
		// Written with COPY, unseen by Hibernate Search: indexed here.
		this.index.reindex(written.ids(), times::add);
		done[3] += wrote - start;
		done[4] += System.nanoTime() - wrote;
		done[0] += batch.size();
		done[1] += written.created();
		done[2] += written.updated();
		batch.clear();
		newTags.clear();
		progress.accept(done[0]);
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
