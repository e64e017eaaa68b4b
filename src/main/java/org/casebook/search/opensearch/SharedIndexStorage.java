package org.casebook.search.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.casebook.innovation.Innovation;
import org.casebook.search.index.IndexStorage;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.hibernate.search.backend.elasticsearch.ElasticsearchBackend;
import org.hibernate.search.backend.elasticsearch.index.ElasticsearchIndexManager;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.util.common.SearchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An index in OpenSearch that every node shares. OpenSearch holds the mapping itself, so
 * whether the index follows the current mapping is Hibernate Search's schema validation
 * (fields, types, analyzers); a rebuild then drops and creates it. Nodes maintain it one
 * at a time, under a PostgreSQL advisory lock: the first node to start after a mapping
 * change rebuilds it, the others wait and then find it consistent.
 */
final class SharedIndexStorage implements IndexStorage {

	private static final Logger log = LoggerFactory.getLogger(SharedIndexStorage.class);

	/** The advisory lock of the index's maintenance: any number no one else uses. */
	private static final long LOCK = 0x6361736562L;

	private final EntityManagerFactory entityManagerFactory;

	private final DataSource dataSource;

	private final boolean outbox;

	private final Duration refreshInterval;

	SharedIndexStorage(EntityManagerFactory entityManagerFactory, DataSource dataSource, boolean outbox,
			Duration refreshInterval) {
		this.entityManagerFactory = entityManagerFactory;
		this.dataSource = dataSource;
		this.outbox = outbox;
		this.refreshInterval = refreshInterval;
	}

	/**
	 * Whether the index follows the mapping and holds documents: an empty one, new or
	 * emptied, is rebuilt at once rather than repaired case by case.
	 */
	@Override
	public boolean current(String fingerprint) {
		var scope = Search.mapping(this.entityManagerFactory).scope(Innovation.class);
		try {
			scope.schemaManager().validate();
		}
		catch (SearchException ex) {
			log.warn("The search index does not follow the mapping: {}", ex.getMessage());
			return false;
		}
		applyRefreshInterval();
		try (EntityManager entityManager = this.entityManagerFactory.createEntityManager()) {
			return Search.session(entityManager)
				.search(Innovation.class)
				.where((f) -> f.matchAll())
				.fetchTotalHitCount() > 0;
		}
	}

	/** The index was created anew: it takes the refresh interval again. */
	@Override
	public void rebuilt(String fingerprint) {
		applyRefreshInterval();
	}

	/**
	 * Sets how often OpenSearch makes its last writes searchable
	 * ({@code refresh_interval}, 1 s unless set). The outbox's processors index without
	 * asking for a refresh (Hibernate Search refuses a synchronization strategy with
	 * outbox polling), so a change is found by searches only after the next one: most of
	 * the time between a commit and the moment every node finds the case. A refresh with
	 * nothing written costs nothing; one after writes makes a small segment for
	 * OpenSearch to merge, so a shorter interval costs more during bulk writes (imports,
	 * rebuilds) only. A dynamic setting, applied at each start and after each re-creation
	 * rather than through Hibernate Search's index settings, which its schema validation
	 * would compare (a change of interval would then rebuild the whole index).
	 */
	private void applyRefreshInterval() {
		var mapping = Search.mapping(this.entityManagerFactory);
		RestClient client = mapping.backend().unwrap(ElasticsearchBackend.class).client(RestClient.class);
		String index = mapping.indexedEntity(Innovation.class)
			.indexManager()
			.unwrap(ElasticsearchIndexManager.class)
			.descriptor()
			.writeName();
		Request request = new Request("PUT", "/" + index + "/_settings");
		request.setJsonEntity("{\"index\":{\"refresh_interval\":\"" + this.refreshInterval.toMillis() + "ms\"}}");
		try {
			client.performRequest(request);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not set the search index's refresh interval", ex);
		}
	}

	@Override
	public boolean recreateWhenNotCurrent() {
		return true;
	}

	/**
	 * OpenSearch answers with 10,000 documents at most ({@code index.max_result_window}).
	 */
	@Override
	public boolean allHitsAtOnce() {
		return false;
	}

	/** OpenSearch merges segments itself. */
	@Override
	public boolean mergeAfterRebuild() {
		return false;
	}

	/** With outbox polling, a transaction's index changes are events committed in it. */
	@Override
	public boolean changesCommittedWithData() {
		return this.outbox;
	}

	/**
	 * Waits until no outbox event is left (the nodes' processors have indexed every
	 * change committed), then makes the index's last writes searchable.
	 */
	@Override
	public boolean awaitIndexing(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		if (this.outbox) {
			while (pendingEvents() > 0) {
				if (System.nanoTime() - deadline > 0) {
					return false;
				}
				Thread.sleep(20);
			}
		}
		Search.mapping(this.entityManagerFactory).scope(Innovation.class).workspace().refresh();
		return true;
	}

	private long pendingEvents() {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM hsearch_outbox_event");
				ResultSet rows = statement.executeQuery()) {
			rows.next();
			return rows.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the outbox of index changes", ex);
		}
	}

	@Override
	public <T> T exclusively(Work<T> work) throws IOException, InterruptedException {
		try (Connection connection = this.dataSource.getConnection()) {
			// Asked again and again rather than waited for in one statement, which the
			// connections' socket timeout would cut while another node rebuilds.
			while (!lock(connection, "SELECT pg_try_advisory_lock(?)")) {
				Thread.sleep(1000);
			}
			try {
				return work.run();
			}
			finally {
				lock(connection, "SELECT pg_advisory_unlock(?)");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not take the lock of the index's maintenance", ex);
		}
	}

	@Override
	public <T> Optional<T> ifAlone(Work<T> work) {
		try (Connection connection = this.dataSource.getConnection()) {
			if (!lock(connection, "SELECT pg_try_advisory_lock(?)")) {
				return Optional.empty();
			}
			try {
				return Optional.ofNullable(work.run());
			}
			finally {
				lock(connection, "SELECT pg_advisory_unlock(?)");
			}
		}
		catch (SQLException | IOException ex) {
			throw new IllegalStateException("Could not maintain the index", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static boolean lock(Connection connection, String sql) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, LOCK);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getBoolean(1);
			}
		}
	}

}
