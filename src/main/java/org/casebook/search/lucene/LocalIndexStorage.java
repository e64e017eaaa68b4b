package org.casebook.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.casebook.search.index.IndexStorage;

/**
 * A Lucene index in a local folder, this node's alone. The mapping's fingerprint is kept
 * in a file beside the index, written once a rebuild is complete: a folder without it
 * (new, or a rebuild interrupted) is rebuilt at the next start.
 */
final class LocalIndexStorage implements IndexStorage {

	private static final String FINGERPRINT_FILE = "mapping-fingerprint";

	private final Path directory;

	LocalIndexStorage(Path directory) {
		this.directory = directory;
	}

	@Override
	public boolean current(String fingerprint) throws IOException {
		Path file = this.directory.resolve(FINGERPRINT_FILE);
		return Files.exists(file) && fingerprint.equals(Files.readString(file).strip());
	}

	@Override
	public void rebuilt(String fingerprint) throws IOException {
		Files.createDirectories(this.directory);
		Files.writeString(this.directory.resolve(FINGERPRINT_FILE), fingerprint);
	}

	@Override
	public boolean recreateWhenNotCurrent() {
		return false;
	}

	@Override
	public boolean allHitsAtOnce() {
		return true;
	}

	/** One segment: facet counting then needs no ordinal map across segments. */
	@Override
	public boolean mergeAfterRebuild() {
		return true;
	}

	/** Lucene's index is not PostgreSQL's: it is written after the commit. */
	@Override
	public boolean changesCommittedWithData() {
		return false;
	}

	/** Each commit updated the index before it returned. */
	@Override
	public boolean awaitIndexing(Duration timeout) {
		return true;
	}

	@Override
	public <T> T exclusively(Work<T> work) throws IOException, InterruptedException {
		return work.run();
	}

	@Override
	public <T> Optional<T> ifAlone(Work<T> work) {
		try {
			return Optional.ofNullable(work.run());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
