package org.casebook.search.index;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

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
 * events of the cases named, in the same transaction as the cases: the write and its
 * index events are committed or lost together, and a node killed right after the commit
 * leaves nothing for the index check to repair. Elsewhere (Lucene) the caller reindexes
 * the cases once the transaction has committed.
 */
@Service
public class CaseBulkWrites {

	private final SessionFactory sessionFactory;

	private final IndexStorage storage;

	CaseBulkWrites(EntityManagerFactory entityManagerFactory, IndexStorage storage) {
		this.sessionFactory = entityManagerFactory.unwrap(SessionFactory.class);
		this.storage = storage;
	}

	/** A write with plain SQL on the transaction's connection. */
	@FunctionalInterface
	public interface Work<T> {

		/**
		 * @param changed told the id of each case written, whose document must follow
		 */
		T run(Connection connection, LongConsumer changed) throws SQLException;

	}

	/**
	 * Whether the transactions of {@link #inTransaction} record the index changes of
	 * their cases themselves; if not, the caller reindexes them after the commit.
	 */
	public boolean changesCommittedWithData() {
		return this.storage.changesCommittedWithData();
	}

	/**
	 * Runs the work in one transaction, committed if it returns, rolled back if it
	 * throws; with the index changes of the cases it names in the same transaction when
	 * {@link #changesCommittedWithData()}.
	 */
	public <T> T inTransaction(Work<T> work) throws SQLException {
		boolean withIndexChanges = changesCommittedWithData();
		try (Session session = this.sessionFactory.openSession()) {
			Transaction transaction = session.beginTransaction();
			try {
				List<Long> changed = new ArrayList<>();
				T result = session.doReturningWork((connection) -> work.run(connection, changed::add));
				if (withIndexChanges && !changed.isEmpty()) {
					SearchIndexingPlan plan = Search.session(session).indexingPlan();
					// Loaded only to be routed (published cases only), without their
					// collections: the nodes load them again to index the events that
					// Hibernate Search writes here, one per case, before PostgreSQL's
					// commit.
					session.createSelectionQuery("from Innovation i where i.id in :ids", Innovation.class)
						.setParameter("ids", changed)
						.setReadOnly(true)
						.getResultList()
						.forEach(plan::addOrUpdate);
				}
				transaction.commit();
				return result;
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
