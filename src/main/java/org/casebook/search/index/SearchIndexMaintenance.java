package org.casebook.search.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.casebook.innovation.Innovation;
import org.casebook.innovation.PublicationStatus;
import org.hibernate.search.engine.backend.metamodel.IndexDescriptor;
import org.hibernate.search.engine.backend.metamodel.IndexFieldDescriptor;
import org.hibernate.search.engine.backend.metamodel.IndexValueFieldTypeDescriptor;
import org.hibernate.search.engine.search.query.SearchScroll;
import org.hibernate.search.engine.search.query.SearchScrollResult;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.massindexing.MassIndexer;
import org.hibernate.search.mapper.orm.work.SearchIndexingPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Keeps the search index equal to the published cases in PostgreSQL: compares the two and
 * rebuilds the index when they differ (for example after data was loaded with plain SQL,
 * or the database was replaced under a kept index folder).
 */
@Service
public class SearchIndexMaintenance {

	private static final Logger log = LoggerFactory.getLogger(SearchIndexMaintenance.class);

	private final EntityManagerFactory entityManagerFactory;

	private final IndexStorage storage;

	private final ReentrantLock repairing = new ReentrantLock();

	private volatile boolean rebuilding;

	/**
	 * From how many differences a start rebuilds the index instead of repairing it case
	 * by case (mass indexing is about three times faster per case).
	 */
	private static final int REBUILD_FROM = 5_000;

	/** How long a reindex waits for its changes to be searchable. */
	private static final Duration REINDEX_WAIT = Duration.ofSeconds(60);

	/**
	 * Documents read at a time by the check where the engine pages its results (at most
	 * 10,000 with OpenSearch); smaller in tests, for a few hundred to span pages.
	 */
	private int pageSize = 5_000;

	/** Cases loaded and indexed at once by a repair. */
	private static final int REPAIR_BATCH = 200;

	SearchIndexMaintenance(EntityManagerFactory entityManagerFactory, IndexStorage storage) {
		this.entityManagerFactory = entityManagerFactory;
		this.storage = storage;
	}

	/**
	 * At startup: rebuilds the index when it is new or was built with another mapping
	 * (fields, types, analyzers), otherwise checks it against the database and repairs
	 * it. Nodes that share the index do so one at a time: the first rebuilds it, the
	 * others then find it consistent.
	 */
	public void startup() throws InterruptedException, IOException {
		this.storage.exclusively(() -> {
			startupAlone();
			return null;
		});
	}

	private void startupAlone() throws InterruptedException, IOException {
		String fingerprint = mappingFingerprint();
		if (!this.storage.current(fingerprint)) {
			log.info("Building the search index (new, or its mapping changed)");
			rebuild(this.storage.recreateWhenNotCurrent());
			this.storage.rebuilt(fingerprint);
			log.info("Search index built: {}", check());
			return;
		}
		this.repairing.lock();
		try {
			Differences differences = differences();
			Consistency consistency = differences.consistency();
			if (consistency.missing() + consistency.stale() + consistency.outdated() > REBUILD_FROM) {
				// Before Casebook is ready no one searches: a rebuild is faster.
				log.warn("Search index differs much from the database ({}); rebuilding it", consistency);
				rebuild(false);
				return;
			}
			repair(differences);
		}
		finally {
			this.repairing.unlock();
		}
	}

	/**
	 * A digest of every index field with its type, options and analyzers, and of the
	 * analyzers' definition version: it changes whenever existing documents would no
	 * longer match the mapping.
	 */
	String mappingFingerprint() {
		IndexDescriptor index = Search.mapping(this.entityManagerFactory)
			.indexedEntity(Innovation.class)
			.indexManager()
			.descriptor();
		StringBuilder description = new StringBuilder("analysis:" + Analyzers.VERSION + "\n");
		index.staticFields()
			.stream()
			.sorted(Comparator.comparing(IndexFieldDescriptor::absolutePath))
			.forEach((field) -> {
				description.append(field.absolutePath()).append(field.multiValued() ? "[]" : "");
				if (field.isValueField()) {
					IndexValueFieldTypeDescriptor type = field.toValueField().type();
					description.append(' ')
						.append(type.valueClass().getName())
						.append(type.searchable() ? " searchable" : "")
						.append(type.sortable() ? " sortable" : "")
						.append(type.projectable() ? " projectable" : "")
						.append(type.aggregable() ? " aggregable" : "")
						.append(type.analyzerName().map((name) -> " analyzer=" + name).orElse(""))
						.append(type.searchAnalyzerName().map((name) -> " search=" + name).orElse(""))
						.append(type.normalizerName().map((name) -> " normalizer=" + name).orElse(""));
				}
				description.append('\n');
			});
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(description.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Compares the published cases with the index, case by case: which are missing, which
	 * the index keeps without a published case, and which it holds in an older version
	 * (its {@code updatedAt} differs from the database's).
	 * @return the differences found
	 */
	public Consistency check() {
		return differences().consistency();
	}

	private Differences differences() {
		try (EntityManager entityManager = this.entityManagerFactory.createEntityManager()) {
			Map<Long, Instant> published = new HashMap<>();
			entityManager
				.createQuery("select i.id, i.updatedAt from Innovation i where i.status = :status", Object[].class)
				.setParameter("status", PublicationStatus.PUBLISHED)
				.getResultList()
				.forEach((row) -> published.put((Long) row[0], version((Instant) row[1])));
			var every = Search.session(entityManager)
				.search(Innovation.class)
				.select((f) -> f.composite().from(f.id(Long.class), f.field("updatedAt", Instant.class)).asList())
				.where((f) -> f.matchAll());
			List<List<?>> indexed;
			if (this.storage.allHitsAtOnce()) {
				indexed = every.fetchAllHits();
			}
			else {
				indexed = new ArrayList<>();
				try (SearchScroll<List<?>> scroll = every.scroll(this.pageSize)) {
					for (SearchScrollResult<List<?>> chunk = scroll.next(); chunk.hasHits(); chunk = scroll.next()) {
						indexed.addAll(chunk.hits());
					}
				}
			}
			Set<Long> missing = new HashSet<>(published.keySet());
			Set<Long> stale = new HashSet<>();
			Set<Long> outdated = new HashSet<>();
			for (List<?> document : indexed) {
				Long id = (Long) document.get(0);
				missing.remove(id);
				Instant current = published.get(id);
				if (current == null) {
					stale.add(id);
				}
				else if (!current.equals(version((Instant) document.get(1)))) {
					outdated.add(id);
				}
			}
			return new Differences(published.size(), indexed.size(), missing, stale, outdated);
		}
	}

	/**
	 * Of these cases, those whose document is missing or holds another version than the
	 * one given (its {@code updatedAt}), as the index check compares them.
	 */
	public Set<Long> notCurrent(Map<Long, Instant> versions) {
		if (versions.isEmpty()) {
			return Set.of();
		}
		Set<Long> notCurrent = new HashSet<>(versions.keySet());
		try (EntityManager entityManager = this.entityManagerFactory.createEntityManager()) {
			for (List<?> document : Search.session(entityManager)
				.search(Innovation.class)
				.select((f) -> f.composite().from(f.id(Long.class), f.field("updatedAt", Instant.class)).asList())
				.where((f) -> f.id().matchingAny(versions.keySet()))
				.fetchHits(versions.size())) {
				Long id = (Long) document.get(0);
				if (version(versions.get(id)).equals(version((Instant) document.get(1)))) {
					notCurrent.remove(id);
				}
			}
		}
		return notCurrent;
	}

	/**
	 * A version as PostgreSQL keeps it: to the nearest microsecond, half up (an entity
	 * indexed before it was read back may hold nanoseconds: 1.5 µs is kept as 2 µs).
	 */
	private static Instant version(Instant updatedAt) {
		return (updatedAt != null) ? updatedAt.plusNanos(500).truncatedTo(ChronoUnit.MICROS) : Instant.EPOCH;
	}

	/**
	 * Checks the index and repairs what differs from the database, case by case: the
	 * index stays live and complete while it works (a rebuild would empty it first). One
	 * repair at a time, on any node that shares the index.
	 * @throws RepairRunningException if another repair is running
	 */
	public Consistency checkAndRepair() {
		if (!this.repairing.tryLock()) {
			throw new RepairRunningException();
		}
		try {
			return this.storage.ifAlone(() -> repair(differences())).orElseThrow(RepairRunningException::new);
		}
		finally {
			this.repairing.unlock();
		}
	}

	/** Mends the differences found, with the repair lock held. */
	private Consistency repair(Differences differences) {
		if (differences.consistency().consistent()) {
			log.info("Search index is consistent: {} published cases", differences.published());
			return differences.consistency();
		}
		log.warn("Search index differs from the database ({}); repairing it", differences.consistency());
		Set<Long> changed = new HashSet<>(differences.missing());
		changed.addAll(differences.stale());
		changed.addAll(differences.outdated());
		reindex(changed);
		return check();
	}

	/** Sets how many documents the check reads at a time where the engine pages. */
	void pageSize(int documents) {
		this.pageSize = documents;
	}

	/** Held while a repair runs. */
	ReentrantLock repairLock() {
		return this.repairing;
	}

	/**
	 * Indexes these cases as the database has them now: published ones are added or
	 * replaced, the others (and ids the database no longer has) removed. Returns once
	 * they are searchable (with OpenSearch's outbox, once the nodes have processed the
	 * events written here).
	 */
	public void reindex(Collection<Long> ids) {
		List<Long> all = List.copyOf(ids);
		for (int from = 0; from < all.size(); from += REPAIR_BATCH) {
			List<Long> batch = all.subList(from, Math.min(all.size(), from + REPAIR_BATCH));
			try (EntityManager entityManager = this.entityManagerFactory.createEntityManager()) {
				// In a transaction: with outbox polling, the changes are events written
				// in it.
				entityManager.getTransaction().begin();
				SearchIndexingPlan plan = Search.session(entityManager).indexingPlan();
				Set<Long> gone = new HashSet<>(batch);
				for (Innovation innovation : entityManager
					.createQuery("select i from Innovation i where i.id in :ids", Innovation.class)
					.setParameter("ids", batch)
					.getResultList()) {
					// The routing binder keeps unpublished cases out of the index.
					plan.addOrUpdate(innovation);
					gone.remove(innovation.getId());
				}
				gone.forEach((id) -> plan.purge(Innovation.class, id, null));
				plan.execute();
				entityManager.getTransaction().commit();
			}
		}
		try {
			if (!this.storage.awaitIndexing(REINDEX_WAIT)) {
				log.warn("Reindexed {} cases; not all searchable yet after {}", all.size(), REINDEX_WAIT);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Waits until the changes committed so far are searchable (with OpenSearch's outbox,
	 * once the nodes have processed their events), for at most a minute.
	 */
	public void awaitSearchable() {
		try {
			if (!this.storage.awaitIndexing(REINDEX_WAIT)) {
				log.warn("Index changes not all searchable yet after {}", REINDEX_WAIT);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Indexes many cases written with plain SQL, batch after batch, without a commit of
	 * the index per batch: for imports, where the engine's changes are not committed with
	 * the data.
	 */
	public BulkIndexing bulkIndexing() {
		return new BulkIndexing(this.entityManagerFactory);
	}

	/** Whether a rebuild is running: the index changes all the time. */
	public boolean rebuilding() {
		return this.rebuilding;
	}

	/** Purges the index and indexes every published case again. */
	public void rebuild() throws InterruptedException {
		rebuild(false);
	}

	/**
	 * @param recreate whether to drop and create the index's schema first, not only empty
	 * it
	 */
	private void rebuild(boolean recreate) throws InterruptedException {
		this.rebuilding = true;
		try {
			massIndex(recreate);
		}
		finally {
			this.rebuilding = false;
		}
	}

	private void massIndex(boolean recreate) throws InterruptedException {
		long published;
		try (EntityManager entityManager = this.entityManagerFactory.createEntityManager()) {
			published = entityManager
				.createQuery("select count(i) from Innovation i where i.status = :status", Long.class)
				.setParameter("status", PublicationStatus.PUBLISHED)
				.getSingleResult();
		}
		MassIndexer indexer = Search.mapping(this.entityManagerFactory)
			.scope(Innovation.class)
			.massIndexer()
			.threadsToLoadObjects(2)
			.batchSizeToLoadObjects(100)
			.dropAndCreateSchemaOnStart(recreate)
			.mergeSegmentsOnFinish(this.storage.mergeAfterRebuild())
			.monitor(new IndexingProgress(published));
		indexer.type(Innovation.class).reindexOnly("e.status = :status").param("status", PublicationStatus.PUBLISHED);
		indexer.startAndWait();
	}

	/**
	 * How the index compares with the database.
	 *
	 * @param published published cases in the database
	 * @param indexed documents in the index
	 * @param missing published cases absent from the index
	 * @param stale documents without a published case
	 * @param outdated documents of a case that changed since it was indexed
	 */
	public record Consistency(long published, long indexed, long missing, long stale, long outdated) {

		public boolean consistent() {
			return this.missing == 0 && this.stale == 0 && this.outdated == 0 && this.published == this.indexed;
		}

	}

	private record Differences(long published, long indexed, Set<Long> missing, Set<Long> stale, Set<Long> outdated) {

		Consistency consistency() {
			return new Consistency(this.published, this.indexed, this.missing.size(), this.stale.size(),
					this.outdated.size());
		}

	}

	/** Asked for a repair while one runs. */
	public static class RepairRunningException extends RuntimeException {

		RepairRunningException() {
			super("A repair of the search index is already running");
		}

	}

}
