package org.casebook.search.index;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.persistence.EntityManagerFactory;
import org.casebook.innovation.Innovation;
import org.hibernate.JDBCException;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.work.SearchIndexingPlan;

import org.springframework.stereotype.Service;

/**
 * Writes of many cases with plain SQL (COPY, set-based statements), which Hibernate
 * Search's listeners do not see, in one transaction that also records their index changes
 * where the engine keeps them in PostgreSQL ({@link #changesCommittedWithData()}:
 * OpenSearch's outbox). There, Hibernate Search's own indexing plan writes the outbox
 * events of the cases, in the same transaction as the cases: the write and its index
 * events are committed or lost together, and a node killed right after the commit leaves
 * nothing for the index check to repair. Elsewhere (Lucene) the caller indexes the cases
 * returned once the transaction has committed.
 * <p>
 * A case the write left as it was (a file imported again) needs no indexing if its
 * document holds its version already; the index is asked, as the index check would, so
 * that a case written before a crash and never indexed is indexed now.
 */
@Service
public class CaseBulkWrites {

	private final SessionFactory sessionFactory;

	private final IndexStorage storage;

	private final SearchIndexMaintenance index;

	CaseBulkWrites(EntityManagerFactory entityManagerFactory, IndexStorage storage, SearchIndexMaintenance index) {
		this.sessionFactory = entityManagerFactory.unwrap(SessionFactory.class);
		this.storage = storage;
		this.index = index;
	}

	/** A write with plain SQL on the transaction's connection. */
	@FunctionalInterface
	public interface Work<T> {

		T run(Connection connection) throws SQLException;

	}

	/**
	 * The cases a write touched.
	 *
	 * @param changed the cases it added or changed
	 * @param unchanged the cases it wrote as they were, with their version
	 * ({@code updatedAt})
	 */
	public record Touched(Collection<Long> changed, Map<Long, Instant> unchanged) {
	}

	/**
	 * What a write returned, and the cases to index once it committed (none when the
	 * transaction held their index changes).
	 */
	public record Written<T>(T result, List<Long> toIndex) {
	}

	/**
	 * Whether the transactions of {@link #inTransaction} record the index changes of
	 * their cases themselves; if not, the caller indexes them after the commit.
	 */
	public boolean changesCommittedWithData() {
		return this.storage.changesCommittedWithData();
	}

	/**
	 * Runs the work in one transaction, committed if it returns, rolled back if it
	 * throws; with the index changes of the cases it touched in the same transaction when
	 * {@link #changesCommittedWithData()}.
	 * @param touched the cases the work touched, from its result
	 */
	public <T> Written<T> inTransaction(Work<T> work, Function<T, Touched> touched) throws SQLException {
		boolean withIndexChanges = changesCommittedWithData();
		try (Session session = this.sessionFactory.openSession()) {
			Transaction transaction = session.beginTransaction();
			try {
				T result = session.doReturningWork(work::run);
				Touched cases = touched.apply(result);
				List<Long> toIndex = new ArrayList<>(cases.changed());
				toIndex.addAll(this.index.notCurrent(cases.unchanged()));
				if (withIndexChanges && !toIndex.isEmpty()) {
					SearchIndexingPlan plan = Search.session(session).indexingPlan();
					// Loaded only to be routed (published cases only), without their
					// collections: the nodes load them again to index the events that
					// Hibernate Search writes here, one per case, before PostgreSQL's
					// commit.
					session.createSelectionQuery("from Innovation i where i.id in :ids", Innovation.class)
						.setParameter("ids", toIndex)
						.setReadOnly(true)
						.getResultList()
						.forEach(plan::addOrUpdate);
				}
				transaction.commit();
				return new Written<>(result, withIndexChanges ? List.of() : toIndex);
			}
			catch (JDBCException ex) {
				rollback(transaction);
				throw ex.getSQLException();
			}
			catch (RuntimeException ex) {
				rollback(transaction);
				throw ex;
			}
		}
	}

	private static void rollback(Transaction transaction) {
		if (transaction.isActive()) {
			transaction.rollback();
		}
	}

}
