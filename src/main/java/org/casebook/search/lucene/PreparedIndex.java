package org.casebook.search.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentReader;

/**
 * The state of the index that searches read: the newest one whose segments are prepared,
 * as Solr warms a new searcher before it serves it. Preparing a segment (reading its
 * facet columns) takes about a microsecond per document: nothing for the few cases a
 * write adds, about a second for the segment a merge makes at a million cases.
 * <p>
 * So a search reads the newest state, preparing what little is new itself, so that a case
 * written a moment ago is found at once. But when the newest state differs from the last
 * prepared one only by merged segments not yet prepared, the same cases in other
 * segments, the search reads the last prepared state, and the warmer prepares the new one
 * in the background: nobody waits for a merge. Should a merge and a change of content
 * come together, the change wins: the search prepares what it needs.
 * <p>
 * Readers are counted by reference: each search releases what it acquired, and a state
 * stays open while a search reads it or while it is the last prepared one.
 */
final class PreparedIndex implements AutoCloseable {

	private final Preparation preparation;

	/** How many documents of new segments a search prepares itself rather than wait. */
	private final int inlineDocuments;

	/** Orders the states opened: a state opened later is at least as new. */
	private final AtomicLong opened = new AtomicLong();

	private Prepared last;

	/**
	 * @param preparation what is prepared for each segment
	 * @param inlineDocuments how many documents of new segments a search prepares itself
	 */
	PreparedIndex(Preparation preparation, int inlineDocuments) {
		this.preparation = preparation;
		this.inlineDocuments = inlineDocuments;
	}

	/**
	 * The state of the index a search reads, to {@link #release} after it.
	 * @param index opens the index as it is now, with a reference for the caller
	 */
	IndexReader acquire(Opener index) throws IOException {
		long order = this.opened.incrementAndGet();
		IndexReader newest = index.open();
		try {
			List<LeafReader> unprepared = unprepared(newest);
			if (documents(unprepared) > this.inlineDocuments) {
				IndexReader last = lastIfSameCases(newest);
				if (last != null) {
					newest.decRef();
					return last;
				}
			}
			prepare(unprepared);
			remember(newest, order);
			return newest;
		}
		catch (IOException | RuntimeException | Error ex) {
			newest.decRef();
			throw ex;
		}
	}

	/** Lets go of a state a search acquired. */
	void release(IndexReader reader) throws IOException {
		reader.decRef();
	}

	/**
	 * Prepares the index as it is now, so that searches read it.
	 * @return how many segments were prepared
	 */
	int refresh(Opener index) throws IOException {
		long order = this.opened.incrementAndGet();
		IndexReader newest = index.open();
		try {
			List<LeafReader> unprepared = unprepared(newest);
			prepare(unprepared);
			remember(newest, order);
			return unprepared.size();
		}
		finally {
			newest.decRef();
		}
	}

	/** Whether every segment of the index as it is now is prepared. */
	boolean prepared(Opener index) throws IOException {
		IndexReader newest = index.open();
		try {
			return unprepared(newest).isEmpty();
		}
		finally {
			newest.decRef();
		}
	}

	@Override
	public synchronized void close() throws IOException {
		if (this.last != null) {
			this.last.reader().decRef();
			this.last = null;
		}
	}

	private List<LeafReader> unprepared(IndexReader reader) {
		List<LeafReader> unprepared = new ArrayList<>();
		for (LeafReaderContext leaf : reader.leaves()) {
			if (!this.preparation.prepared(leaf.reader())) {
				unprepared.add(leaf.reader());
			}
		}
		return unprepared;
	}

	private void prepare(List<LeafReader> segments) {
		segments.forEach(this.preparation::prepare);
	}

	private static long documents(List<LeafReader> segments) {
		return segments.stream().mapToLong(LeafReader::maxDoc).sum();
	}

	/**
	 * The last prepared state, acquired, if it holds the same cases as the newest one:
	 * every unprepared segment of the newest comes from a merge and the number of live
	 * documents is the same. A write always adds a flushed segment, and a deletion lowers
	 * the number; either makes this answer null.
	 */
	private synchronized IndexReader lastIfSameCases(IndexReader newest) {
		if (this.last == null || this.last.reader().numDocs() != newest.numDocs()) {
			return null;
		}
		Set<Object> lastSegments = new HashSet<>();
		for (LeafReaderContext leaf : this.last.reader().leaves()) {
			lastSegments.add(coreKey(leaf.reader()));
		}
		for (LeafReaderContext leaf : newest.leaves()) {
			if (!lastSegments.contains(coreKey(leaf.reader())) && !merged(leaf.reader())) {
				return null;
			}
		}
		this.last.reader().incRef();
		return this.last.reader();
	}

	private synchronized void remember(IndexReader reader, long order) throws IOException {
		if (this.last != null && this.last.order() >= order) {
			return;
		}
		reader.incRef();
		Prepared previous = this.last;
		this.last = new Prepared(reader, order);
		if (previous != null) {
			previous.reader().decRef();
		}
	}

	private static Object coreKey(LeafReader segment) {
		IndexReader.CacheHelper core = segment.getCoreCacheHelper();
		return (core != null) ? core.getKey() : segment;
	}

	/** Whether a segment was written by a merge, holding cases of older segments. */
	private static boolean merged(LeafReader segment) {
		return FilterLeafReader.unwrap(segment) instanceof SegmentReader reader && IndexWriter.SOURCE_MERGE
			.equals(reader.getSegmentInfo().info.getDiagnostics().get(IndexWriter.SOURCE));
	}

	/** What a search needs from each segment, prepared once. */
	interface Preparation {

		boolean prepared(LeafReader segment);

		void prepare(LeafReader segment);

	}

	/** Opens the index as it is now, with a reference for the caller to release. */
	@FunctionalInterface
	interface Opener {

		IndexReader open() throws IOException;

	}

	private record Prepared(IndexReader reader, long order) {
	}

}
