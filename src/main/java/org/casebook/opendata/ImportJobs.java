package org.casebook.opendata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Imports run in the background, one at a time, in the order they were asked for; their
 * progress and report are kept for the last {@value #KEPT} imports, so that a page or a
 * script can follow one. Each import's file is deleted when it ends.
 */
@Service
public class ImportJobs {

	static final int KEPT = 50;

	private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

	private final CaseImport imports;

	private final Clock clock;

	private final ExecutorService worker = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "casebook-import");
		thread.setDaemon(true);
		return thread;
	});

	private final Map<String, Job> jobs = Collections.synchronizedMap(new LinkedHashMap<>() {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Job> eldest) {
			return size() > KEPT;
		}

	});

	ImportJobs(CaseImport imports, Clock clock) {
		this.imports = imports;
		this.clock = clock;
	}

	/** Where an import stands. */
	public enum State {

		QUEUED, CHECKING, WRITING, DONE, FAILED;

		public boolean ended() {
			return this == DONE || this == FAILED;
		}

	}

	/**
	 * An import as it stands.
	 *
	 * @param written cases written so far
	 * @param report what it found and did, once ended without failure
	 * @param failure why it failed, if it did
	 */
	public record Job(String id, String fileName, ExportFormat format, boolean dryRun, String author, State state,
			long written, CaseImport.Report report, String failure, Instant startedAt, Instant endedAt) {

		Job with(State state, long written, CaseImport.Report report, String failure, Instant endedAt) {
			return new Job(this.id, this.fileName, this.format, this.dryRun, this.author, state, written, report,
					failure, this.startedAt, endedAt);
		}

	}

	/**
	 * Queues an import of a file, which it takes over (and deletes when done).
	 * @param dryRun whether to check the file only
	 * @param author who asks for it, as the revisions will name them
	 */
	public Job start(Path file, String fileName, ExportFormat format, boolean dryRun, String author) {
		String id = UUID.randomUUID().toString();
		Job job = new Job(id, fileName, format, dryRun, author, State.QUEUED, 0, null, null, this.clock.instant(),
				null);
		this.jobs.put(id, job);
		this.worker.execute(() -> run(job, file));
		return job;
	}

	public Optional<Job> job(String id) {
		return Optional.ofNullable(this.jobs.get(id));
	}

	private void run(Job job, Path file) {
		update(job.id(), job.with(job.dryRun() ? State.CHECKING : State.WRITING, 0, null, null, null));
		try {
			CaseImport.Report report = job.dryRun() ? this.imports.check(file, job.format())
					: this.imports.run(file, job.format(), job.author(),
							(written) -> update(job.id(), job.with(State.WRITING, written, null, null, null)));
			update(job.id(),
					job.with(State.DONE, report.created() + report.updated(), report, null, this.clock.instant()));
		}
		catch (IOException | RuntimeException ex) {
			log.error("Import {} failed", job.id(), ex);
			Job current = this.jobs.getOrDefault(job.id(), job);
			update(job.id(), job.with(State.FAILED, current.written(), null, ex.getMessage(), this.clock.instant()));
		}
		finally {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				log.warn("Could not delete the imported file {}", file, ex);
			}
		}
	}

	private void update(String id, Job job) {
		this.jobs.put(id, job);
	}

	@PreDestroy
	void stop() {
		this.worker.shutdownNow();
	}

}
