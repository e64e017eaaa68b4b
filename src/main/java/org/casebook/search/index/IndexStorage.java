package org.casebook.search.index;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Where an engine keeps the index, as far as keeping it equal to the database is
 * concerned: whether it was built with the current mapping, how a rebuild goes, and
 * whether other nodes share it (then one node at a time checks or rebuilds it).
 */
public interface IndexStorage {

	/**
	 * Whether the index exists and its documents follow this mapping.
	 * @param fingerprint the digest of the mapping, as {@link SearchIndexMaintenance}
	 * computes it
	 */
	boolean current(String fingerprint) throws IOException;

	/** Remembers that the index was just rebuilt with this mapping. */
	void rebuilt(String fingerprint) throws IOException;

	/**
	 * Whether a rebuild of an index that is not {@link #current} drops and creates its
	 * schema first (an engine that holds the mapping itself needs it), rather than only
	 * emptying it.
	 */
	boolean recreateWhenNotCurrent();

	/**
	 * Whether the engine hands every document of the index in one answer; otherwise
	 * (OpenSearch: 10,000 at most) the index check pages through them.
	 */
	boolean allHitsAtOnce();

	/** Whether a rebuild merges the index into one segment when it ends. */
	boolean mergeAfterRebuild();

	/**
	 * Whether a transaction's index changes are committed with it, as rows of PostgreSQL
	 * (OpenSearch's outbox events): a crash after the commit then loses none. Otherwise
	 * they reach the index only once the transaction has committed.
	 */
	boolean changesCommittedWithData();

	/**
	 * Waits until the changes to cases committed so far are searchable, for at most the
	 * given time: at once where each commit updates the index itself.
	 * @return whether they are
	 */
	boolean awaitIndexing(Duration timeout) throws InterruptedException;

	/**
	 * Runs maintenance while no other node maintains the same index, waiting for its
	 * turn.
	 */
	<T> T exclusively(Work<T> work) throws IOException, InterruptedException;

	/**
	 * Runs maintenance if no other node maintains the same index now.
	 * @return the work's result, or empty if another node was at it
	 */
	<T> Optional<T> ifAlone(Work<T> work);

	/** Maintenance of the index. */
	@FunctionalInterface
	interface Work<T> {

		T run() throws IOException, InterruptedException;

	}

}
