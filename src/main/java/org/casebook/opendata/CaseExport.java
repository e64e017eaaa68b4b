package org.casebook.opendata;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import org.apache.commons.csv.CSVFormat;
import org.casebook.search.InnovationSearch;
import org.casebook.search.SearchQuery;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Writes every case a search finds, whole, as CSV or JSON Lines, while it reads them: the
 * engine hands case ids in the search's order a batch at a time, the database gives the
 * cases' ready forms ({@link ExportForms}: their CSV rows and JSON lines as bytes, made
 * and kept the first time a case is exported) a thousand at a time, the next three
 * thousand read while these are written, and each is copied out as it comes. Memory stays
 * that of a few batches, for ten cases or a million.
 * <p>
 * An export holds a database connection only while it reads a batch, but keeps a core
 * busy: at most {@code casebook.export.concurrency} run at once, others are refused
 * ({@link ExportsBusyException}) rather than queued.
 */
@Service
public class CaseExport {

	/** Cases read from the database at a time. */
	static final int DATABASE_BATCH = 1000;

	/** Bytes kept before they are written out. */
	private static final int OUTPUT_BUFFER = 1 << 16;

	/** Batches read ahead by each export, each on a thread of its own. */
	static final int READ_AHEAD = 3;

	private final InnovationSearch search;

	private final ExportForms forms;

	private final Semaphore slots;

	/** Reads ahead for the running exports. */
	private final ExecutorService reader;

	CaseExport(InnovationSearch search, ExportForms forms, @Value("${casebook.export.concurrency}") int concurrency) {
		this.search = search;
		this.forms = forms;
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
			// that size.
			OutputStream buffered = new BufferedOutputStream(out, OUTPUT_BUFFER);
			FormWriter rows = (format == ExportFormat.CSV) ? csv(buffered, siteUrl)
					: (form) -> buffered.write(form.bytes());
			long[] written = { 0 };
			try {
				this.search.forEachMatch(query, (ids) -> {
					// The next batches are read from the database while this one is
					// written out: a batch waits mostly on PostgreSQL's random reads,
					// which
					// overlap.
					Deque<Future<List<ExportForms.Form>>> ahead = new ArrayDeque<>();
					int next = 0;
					while (next < ids.size() || !ahead.isEmpty()) {
						while (next < ids.size() && ahead.size() < READ_AHEAD) {
							int from = next;
							ahead.add(this.reader.submit(() -> read(ids, from, format)));
							next += DATABASE_BATCH;
						}
						List<ExportForms.Form> cases = await(ahead.poll());
						for (ExportForms.Form form : cases) {
							rows.accept(form);
						}
						written[0] += cases.size();
					}
				});
			}
			catch (UncheckedIOException ex) {
				throw ex.getCause();
			}
			buffered.flush();
			return written[0];
		}
		finally {
			this.slots.release();
		}
	}

	private List<ExportForms.Form> read(List<Long> ids, int from, ExportFormat format) {
		return this.forms.published(ids.subList(from, Math.min(ids.size(), from + DATABASE_BATCH)), format);
	}

	private static <T> T await(Future<T> cases) {
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
	 * local code page), a header row, CRLF line ends, quotes where needed (RFC 4180). A
	 * row is its first two cells, the slug and the page's address here, then its kept
	 * rest.
	 */
	private static FormWriter csv(OutputStream out, String siteUrl) throws IOException {
		CSVFormat format = ExportForms.CSV.builder().get();
		StringBuilder header = new StringBuilder("\uFEFF");
		format.printRecord(header, CaseCsv.COLUMNS.toArray());
		out.write(header.toString().getBytes(StandardCharsets.UTF_8));
		String pages = siteUrl + CaseDocument.path("");
		String plain = "a," + pages + "a";
		if (Arrays.equals(ExportForms.csvStart("a", pages + "a", format), plain.getBytes(StandardCharsets.UTF_8))) {
			// Neither cell needs quotes, as with every usual site address: a slug is
			// lower-case letters, digits and hyphens (the database checks it), so the
			// row starts with the slug's bytes, the address before it, the slug again.
			// Written as bytes, without formatting the cells each time: that took
			// about a tenth of a CSV export's Java time (Flight Recorder).
			byte[] beforeSlug = ("," + pages).getBytes(StandardCharsets.UTF_8);
			return (form) -> {
				byte[] slug = form.slug().getBytes(StandardCharsets.US_ASCII);
				out.write(slug);
				out.write(beforeSlug);
				out.write(slug);
				out.write(form.bytes());
			};
		}
		return (form) -> {
			out.write(ExportForms.csvStart(form.slug(), pages + form.slug(), format));
			out.write(form.bytes());
		};
	}

	@FunctionalInterface
	private interface FormWriter extends Consumer<ExportForms.Form> {

		void write(ExportForms.Form form) throws IOException;

		@Override
		default void accept(ExportForms.Form form) {
			try {
				write(form);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
