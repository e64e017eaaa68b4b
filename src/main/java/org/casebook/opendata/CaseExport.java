package org.casebook.opendata;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.casebook.search.InnovationSearch;
import org.casebook.search.SearchQuery;
import org.casebook.taxonomy.Taxonomies;
import org.casebook.taxonomy.TermLabels;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Writes every case a search finds, whole, as CSV or JSON Lines, while it reads them: the
 * engine hands slugs in the search's order a batch at a time, the database gives the
 * cases of a thousand slugs at a time (the next three thousand read while these are
 * written), and each is written out as it comes. Memory stays that of a few batches, for
 * ten cases or a million.
 * <p>
 * An export holds a database connection only while it reads a batch, but keeps a core
 * busy: at most {@code casebook.export.concurrency} run at once, others are refused
 * ({@link ExportsBusyException}) rather than queued.
 */
@Service
public class CaseExport {

	/** Cases read from the database at a time. */
	static final int DATABASE_BATCH = 1000;

	/** Bytes and characters kept before they are written out. */
	private static final int OUTPUT_BUFFER = 1 << 16;

	/** Batches read ahead by each export, each on a thread of its own. */
	static final int READ_AHEAD = 3;

	private final InnovationSearch search;

	private final CaseRecords records;

	private final Taxonomies taxonomies;

	/**
	 * Writes the documents of JSON Lines one after the other on one generator: no
	 * separator but the line end, no flush after each.
	 */
	private final ObjectWriter lines;

	private final Semaphore slots;

	/** Reads ahead for the running exports. */
	private final ExecutorService reader;

	CaseExport(InnovationSearch search, CaseRecords records, Taxonomies taxonomies, JsonMapper json,
			@Value("${casebook.export.concurrency}") int concurrency) {
		this.search = search;
		this.records = records;
		this.taxonomies = taxonomies;
		this.lines = json.writer()
			.withRootValueSeparator((String) null)
			.without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
			.without(StreamWriteFeature.AUTO_CLOSE_TARGET);
		this.slots = new Semaphore(Math.max(1, concurrency));
		this.reader = Executors.newFixedThreadPool(Math.max(1, concurrency) * READ_AHEAD, (task) -> {
			Thread thread = new Thread(task, "casebook-export-reader");
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Writes the results of a search, every page of it.
	 * @param siteUrl the address of Casebook, for the links to the cases' pages in CSV
	 * @return how many cases were written
	 * @throws ExportsBusyException if too many exports are running; nothing is written
	 */
	public long export(SearchQuery query, ExportFormat format, String siteUrl, OutputStream out) throws IOException {
		if (!this.slots.tryAcquire()) {
			throw new ExportsBusyException();
		}
		try {
			// Large writes: the servlet container sends what it is given in chunks of
			// that
			// size.
			OutputStream buffered = new BufferedOutputStream(out, OUTPUT_BUFFER);
			Writer writer = new BufferedWriter(new OutputStreamWriter(buffered, StandardCharsets.UTF_8), OUTPUT_BUFFER);
			JsonGenerator generator = (format == ExportFormat.JSONL) ? this.lines.createGenerator(buffered) : null;
			RowWriter rows = (format == ExportFormat.CSV) ? csv(writer, siteUrl) : jsonLines(generator);
			long[] written = { 0 };
			try {
				this.search.forEachMatch(query, (slugs) -> {
					// The next batches are read from the database while this one is
					// written out: a batch waits mostly on PostgreSQL's random reads of
					// rows and collections, which overlap.
					Deque<Future<List<CaseRecord>>> ahead = new ArrayDeque<>();
					int next = 0;
					while (next < slugs.size() || !ahead.isEmpty()) {
						while (next < slugs.size() && ahead.size() < READ_AHEAD) {
							int from = next;
							ahead.add(this.reader.submit(() -> read(slugs, from)));
							next += DATABASE_BATCH;
						}
						List<CaseRecord> cases = await(ahead.poll());
						for (CaseRecord record : cases) {
							rows.accept(record);
						}
						written[0] += cases.size();
					}
				});
			}
			catch (UncheckedIOException ex) {
				throw ex.getCause();
			}
			if (generator != null) {
				try {
					generator.close();
				}
				catch (JacksonIOException ex) {
					throw ex.getCause();
				}
			}
			writer.flush();
			return written[0];
		}
		finally {
			this.slots.release();
		}
	}

	private List<CaseRecord> read(List<String> slugs, int from) {
		return this.records.published(slugs.subList(from, Math.min(slugs.size(), from + DATABASE_BATCH)));
	}

	private static List<CaseRecord> await(Future<List<CaseRecord>> cases) {
		try {
			return cases.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while reading cases to export", ex);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime
					: new IllegalStateException("Could not read cases to export", ex.getCause());
		}
	}

	@PreDestroy
	void stop() {
		this.reader.shutdownNow();
	}

	/**
	 * CSV as spreadsheets open it right: a byte order mark (else Excel reads UTF-8 as its
	 * local code page), a header row, CRLF line ends, quotes where needed (RFC 4180).
	 */
	private static RowWriter csv(Writer writer, String siteUrl) throws IOException {
		writer.write('\uFEFF');
		CSVPrinter printer = CSVFormat.RFC4180.builder()
			.setHeader(CaseCsv.COLUMNS.toArray(String[]::new))
			.get()
			.print(writer);
		return (record) -> printer.printRecord(CaseCsv.row(record, siteUrl + CaseDocument.path(record.slug())));
	}

	/**
	 * One document a line, written by Jackson straight as UTF-8 bytes: through a
	 * {@code Writer} every line was a string first, then encoded again.
	 */
	private RowWriter jsonLines(JsonGenerator generator) {
		// A file is the same whoever downloads it: its labels are the catalogue's own
		// (English), its terms' keys what an import reads.
		TermLabels english = this.taxonomies.in(Locale.ENGLISH);
		return (record) -> {
			try {
				this.lines.writeValue(generator, CaseDocument.of(record, english));
				generator.writeRaw('\n');
			}
			catch (JacksonIOException ex) {
				// A client gone, as the container says it: the same IOException as CSV's.
				throw ex.getCause();
			}
		};
	}

	@FunctionalInterface
	private interface RowWriter extends Consumer<CaseRecord> {

		void write(CaseRecord record) throws IOException;

		@Override
		default void accept(CaseRecord record) {
			try {
				write(record);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
