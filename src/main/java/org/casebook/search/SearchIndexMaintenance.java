package org.casebook.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.casebook.innovation.Innovation;
import org.casebook.innovation.PublicationStatus;
import org.hibernate.search.engine.backend.metamodel.IndexDescriptor;
import org.hibernate.search.engine.backend.metamodel.IndexFieldDescriptor;
import org.hibernate.search.engine.backend.metamodel.IndexValueFieldTypeDescriptor;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.massindexing.MassIndexer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Keeps the search index equal to the published cases in PostgreSQL: compares the two and
 * rebuilds the index when they differ (for example after data was loaded with plain SQL,
 * or the database was replaced under a kept index folder).
 */
@Service
public class SearchIndexMaintenance {

	private static final Logger log = LoggerFactory.getLogger(SearchIndexMaintenance.class);

	private static final String FINGERPRINT_FILE = "mapping-fingerprint";

	private final EntityManagerFactory entityManagerFactory;

	private final Path indexDirectory;

	SearchIndexMaintenance(EntityManagerFactory entityManagerFactory,
			@Value("${casebook.index-directory}") Path indexDirectory) {
		this.entityManagerFactory = entityManagerFactory;
		this.indexDirectory = indexDirectory;
	}

	/**
	 * At startup: rebuilds the index when it is new or was built with another mapping
	 * (fields, types, analyzers), otherwise checks it against the database and repairs
	 * it.
	 */
	public void startup() throws InterruptedException, IOException {
		String fingerprint = mappingFingerprint();
		Path file = this.indexDirectory.resolve(FINGERPRINT_FILE);
		String previous = Files.exists(file) ? Files.readString(file).strip() : null;
		if (!fingerprint.equals(previous)) {
			log.info((previous == null) ? "Building the search index"
					: "The index mapping changed; rebuilding the search index");
			rebuild();
			Files.createDirectories(this.indexDirectory);
			Files.writeString(file, fingerprint);
			log.info("Search index built: {}", check());
			return;
		}
		checkAndRepair();
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
		StringBuilder description = new StringBuilder("analysis:" + CasebookAnalysisConfigurer.VERSION + "\n");
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
			// One segment: facet counting then needs no ordinal map across segments.
			.mergeSegmentsOnFinish(true)
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
	 */
	public record Consistency(long published, long indexed, long missing, long stale) {

		public boolean consistent() {
			return this.missing == 0 && this.stale == 0 && this.published == this.indexed;
		}

	}

}
