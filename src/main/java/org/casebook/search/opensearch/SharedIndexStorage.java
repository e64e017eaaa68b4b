package org.casebook.search.opensearch;

import java.io.IOException;
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

	SharedIndexStorage(EntityManagerFactory entityManagerFactory, DataSource dataSource, boolean outbox) {
		this.entityManagerFactory = entityManagerFactory;
		this.dataSource = dataSource;
		this.outbox = outbox;
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
		try (EntityManager entityManager = this.entityManagerFactory.createEntityManager()) {
			return Search.session(entityManager)
				.search(Innovation.class)
				.where((f) -> f.matchAll())
				.fetchTotalHitCount() > 0;
		}
	}

	@Override
	public void rebuilt(String fingerprint) {
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
