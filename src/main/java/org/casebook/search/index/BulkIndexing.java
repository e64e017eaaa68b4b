package org.casebook.search.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.ObjLongConsumer;

import jakarta.persistence.EntityManagerFactory;
import org.casebook.innovation.Innovation;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.search.engine.backend.work.execution.DocumentCommitStrategy;
import org.hibernate.search.engine.backend.work.execution.DocumentRefreshStrategy;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.mapper.orm.work.SearchIndexingPlan;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategy;
import org.hibernate.search.mapper.pojo.work.SearchIndexingPlanExecutionReport;

/**
 * Indexes many cases just written with plain SQL (an import), batch after batch, where
 * the engine's changes are not committed with the data (Lucene): each batch's cases are
 * loaded with their collections in one query per collection (subselect fetching) and
 * their documents built in the calling thread, while the engine writes the previous
 * batches' in its own threads, without a commit per batch; {@link #finish()} waits for
 * every write, commits the index once and makes it searchable.
 * <p>
 * Measured on the benchmark's import of 14,864 cases: reindexing them 200 at a time, each
 * batch committed to the index before the next, ran at 555–565 cases/s (2 cores).
 */
public final class BulkIndexing {

	private final SessionFactory sessionFactory;

	private final EntityManagerFactory entityManagerFactory;

	private final List<CompletableFuture<? extends SearchIndexingPlanExecutionReport>> writes = new ArrayList<>();

	/** Queues the documents' writes without committing them: {@link #finish()} does. */
	private final IndexingPlanSynchronizationStrategy queued = (context) -> {
		context.documentCommitStrategy(DocumentCommitStrategy.NONE);
		context.documentRefreshStrategy(DocumentRefreshStrategy.NONE);
		context.indexingFutureHandler(this::written);
	};

	BulkIndexing(EntityManagerFactory entityManagerFactory) {
		this.entityManagerFactory = entityManagerFactory;
		this.sessionFactory = entityManagerFactory.unwrap(SessionFactory.class);
	}

	private synchronized void written(CompletableFuture<? extends SearchIndexingPlanExecutionReport> write) {
		this.writes.add(write);
	}

	/**
	 * Builds the documents of these cases as the database has them now, and queues their
	 * writes: published ones added or replaced, the others removed.
	 * @param times told the nanoseconds of each step: loading the cases, building their
	 * documents
	 */
	public void add(Collection<Long> ids, ObjLongConsumer<String> times) {
		if (ids.isEmpty()) {
			return;
		}
		long start = System.nanoTime();
		try (Session session = this.sessionFactory.openSession()) {
			session.setDefaultReadOnly(true);
			// A case's five indexed collections in five queries for the whole batch,
			// where batch fetching took one query per collection and 50 cases.
			session.setSubselectFetchingEnabled(true);
			SearchSession search = Search.session(session);
			search.indexingPlanSynchronizationStrategy(this.queued);
			SearchIndexingPlan plan = search.indexingPlan();
			Set<Long> gone = new HashSet<>(ids);
			List<Innovation> innovations = session
				.createSelectionQuery("from Innovation i where i.id in :ids", Innovation.class)
				.setParameter("ids", ids)
				.getResultList();
			for (Innovation innovation : innovations) {
				// The routing binder keeps unpublished cases out of the index.
				plan.addOrUpdate(innovation);
				gone.remove(innovation.getId());
			}
			gone.forEach((id) -> plan.purge(Innovation.class, id, null));
			long loaded = System.nanoTime();
			times.accept("index: load cases", loaded - start);
			// Loads the collections (subselects) and builds the documents here; the
			// engine's threads analyse and write them.
			plan.execute();
			times.accept("index: load collections, build documents", System.nanoTime() - loaded);
		}
	}

	/**
	 * Waits for every queued write, then commits the index and makes the changes
	 * searchable.
	 * @throws IllegalStateException if a write failed
	 */
	public void finish(ObjLongConsumer<String> times) {
		long start = System.nanoTime();
		List<CompletableFuture<? extends SearchIndexingPlanExecutionReport>> all;
		synchronized (this) {
			all = List.copyOf(this.writes);
			this.writes.clear();
		}
		for (CompletableFuture<? extends SearchIndexingPlanExecutionReport> write : all) {
			SearchIndexingPlanExecutionReport report = write.join();
			if (report.throwable().isPresent()) {
				throw new IllegalStateException("Could not index cases " + report.failingEntities(),
						report.throwable().get());
			}
		}
		long written = System.nanoTime();
		times.accept("index: engine writes (waited for)", written - start);
		var workspace = Search.mapping(this.entityManagerFactory).scope(Innovation.class).workspace();
		workspace.flush();
		workspace.refresh();
		times.accept("index: commit, refresh", System.nanoTime() - written);
	}

}
