package org.casebook.search;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.casebook.innovation.Innovation;
import org.casebook.innovation.PublicationStatus;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.massindexing.MassIndexer;
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

	SearchIndexMaintenance(EntityManagerFactory entityManagerFactory) {
		this.entityManagerFactory = entityManagerFactory;
	}

	/**
	 * Compares the ids of the published cases with the ids in the index.
	 * @return the differences found
	 */
	public Consistency check() {
		try (EntityManager entityManager = this.entityManagerFactory.createEntityManager()) {
			List<Long> published = entityManager
				.createQuery("select i.id from Innovation i where i.status = :status", Long.class)
				.setParameter("status", PublicationStatus.PUBLISHED)
				.getResultList();
			List<Long> indexed = Search.session(entityManager)
				.search(Innovation.class)
				.select((f) -> f.id(Long.class))
				.where((f) -> f.matchAll())
				.fetchAllHits();
			Set<Long> missing = new HashSet<>(published);
			indexed.forEach(missing::remove);
			Set<Long> stale = new HashSet<>(indexed);
			published.forEach(stale::remove);
			return new Consistency(published.size(), indexed.size(), missing.size(), stale.size());
		}
	}

	/** Checks the index and rebuilds it if it differs from the database. */
	public Consistency checkAndRepair() throws InterruptedException {
		Consistency consistency = check();
		if (consistency.consistent()) {
			log.info("Search index is consistent: {} published cases", consistency.published());
			return consistency;
		}
		log.warn("Search index differs from the database ({}); rebuilding it", consistency);
		rebuild();
		return check();
	}

	/** Purges the index and indexes every published case again. */
	public void rebuild() throws InterruptedException {
		MassIndexer indexer = Search.mapping(this.entityManagerFactory)
			.scope(Innovation.class)
			.massIndexer()
			.threadsToLoadObjects(2)
			.batchSizeToLoadObjects(100);
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
	 */
	public record Consistency(long published, long indexed, long missing, long stale) {

		public boolean consistent() {
			return this.missing == 0 && this.stale == 0 && this.published == this.indexed;
		}

	}

}
