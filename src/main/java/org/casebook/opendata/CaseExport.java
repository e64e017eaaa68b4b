package org.casebook.opendata;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
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
 * engine hands case ids in the search's order a batch at a time, on a thread of its own
 * one batch ahead; the database gives the cases' ready forms ({@link ExportForms}: their
 * CSV rows and JSON lines as bytes, made and kept the first time a case is exported) a
 * thousand at a time, the next three thousand read while these are written; and each is
 * copied out as it comes. Memory stays that of a few batches, for ten cases or a million.
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

	/** Asks the engine for the running exports' matches. */
	private final ExecutorService finder;

	CaseExport(InnovationSearch search, ExportForms forms, @Value("${casebook.export.concurrency}") int concurrency) {
		this.search = search;
		this.forms = forms;
		this.slots = new Semaphore(Math.max(1, concurrency));
		this.reader = Executors.newFixedThreadPool(Math.max(1, concurrency) * READ_AHEAD,
				(task) -> daemon(task, "casebook-export-reader"));
		this.finder = Executors.newFixedThreadPool(Math.max(1, concurrency),
				(task) -> daemon(task, "casebook-export-finder"));
	}

	private static Thread daemon(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

	/**
	 * Writes the results of a search, every page of it.
	 * @param siteUrl the address of Casebook, for the links to the cases' pages in CSV
	 * @return how many cases were written
	 * @throws ExportsBusyException if too many exports are running; nothing is written
	 */
	public long export(SearchQuery query, ExportFormat format, String siteUrl, OutputStream out) throws IOException {
		return export(query, format, siteUrl, () -> out);
	}

	/**
	 * Writes the results of a search, every page of it, to an output opened once the
	 * engine has found the first matches (or none): a search the engine refuses (too many
	 * terms) is refused before anything is written, so that the refusal can still be
	 * answered as such.
	 * @param siteUrl the address of Casebook, for the links to the cases' pages in CSV
	 * @return how many cases were written
	 * @throws ExportsBusyException if too many exports are running; nothing is written
	 */
	public long export(SearchQuery query, ExportFormat format, String siteUrl, Output output) throws IOException {
		if (!this.slots.tryAcquire()) {
			throw new ExportsBusyException();
		}
		Deque<Future<List<ExportForms.Form>>> ahead = new ArrayDeque<>();
		try (Matches matches = new Matches(query)) {
			List<Long> first = matches.next(DATABASE_BATCH);
			// Large writes: the servlet container sends what it is given in chunks of
			// that size.
			OutputStream buffered = new BufferedOutputStream(output.open(), OUTPUT_BUFFER);
			FormWriter rows = (format == ExportFormat.CSV) ? csv(buffered, siteUrl)
					: (form) -> buffered.write(form.bytes());
			long written = 0;
			while (true) {
				// The next batches are read from the database while this one is written
				// out: a batch waits mostly on PostgreSQL's random reads, which overlap.
				while (ahead.size() < READ_AHEAD) {
					List<Long> ids = (first != null) ? first : matches.next(DATABASE_BATCH);
					first = null;
					if (ids.isEmpty()) {
						break;
					}
					ahead.add(this.reader.submit(() -> this.forms.published(ids, format)));
				}
				if (ahead.isEmpty()) {
					break;
				}
				List<ExportForms.Form> cases = await(ahead.poll());
				try {
					for (ExportForms.Form form : cases) {
						rows.accept(form);
					}
				}
				catch (UncheckedIOException ex) {
					throw ex.getCause();
				}
				written += cases.size();
			}
			buffered.flush();
			return written;
		}
		finally {
			// Stopped half-way (the client went away): what was read ahead is dropped.
			ahead.forEach((reading) -> reading.cancel(true));
			this.slots.release();
		}
	}

	/**
	 * The ids of a search's matches, in its order, found by the engine on a thread of its
	 * own one batch ahead of what the export reads and writes: on two cores, asking the
	 * engine for the next batch (a pass over every match) while nothing else ran left a
	 * core idle for that time.
	 */
	private final class Matches implements AutoCloseable {

		/** Handed after the last batch. */
		private final List<Long> end = new ArrayList<>(0);

		private final BlockingQueue<List<Long>> found = new ArrayBlockingQueue<>(1);

		private final Future<Long> finding;

		private List<Long> batch = List.of();

		private int next;

		private boolean ended;

		Matches(SearchQuery query) {
			this.finding = CaseExport.this.finder.submit(() -> {
				try {
					return CaseExport.this.search.forEachMatch(query, this::hand);
				}
				finally {
					try {
						this.found.put(this.end);
					}
					catch (InterruptedException ex) {
						// The export has stopped: no one takes it.
						Thread.currentThread().interrupt();
					}
				}
			});
		}

		private void hand(List<Long> ids) {
			try {
				this.found.put(ids);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new CancellationException("The export has stopped");
			}
		}

		/** At most this many next ids; none once every match was given. */
		List<Long> next(int most) {
			while (this.next == this.batch.size()) {
				if (this.ended) {
					return List.of();
				}
				List<Long> ids = take();
				if (ids == this.end) {
					this.ended = true;
					// The engine's failure, if it failed.
					await(this.finding);
					return List.of();
				}
				this.batch = ids;
				this.next = 0;
			}
			int from = this.next;
			this.next = Math.min(this.batch.size(), from + most);
			return this.batch.subList(from, this.next);
		}

		private List<Long> take() {
			try {
				return this.found.take();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while finding cases to export", ex);
			}
		}

		@Override
		public void close() {
			this.finding.cancel(true);
		}

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
		this.finder.shutdownNow();
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

	/** Where an export is written, opened when the first bytes are. */
	@FunctionalInterface
	public interface Output {

		OutputStream open() throws IOException;

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
