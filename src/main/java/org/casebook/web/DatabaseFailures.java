package org.casebook.web;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;

import org.hibernate.exception.JDBCConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a database that cannot be reached (stopped, restarting, out of connections) from
 * other failures: the first is answered with a 503 and a Retry-After, as it passes by
 * itself.
 */
@Component
class DatabaseFailures {

	/** Seconds a client is asked to wait before trying again. */
	static final String RETRY_AFTER = "5";

	private final DataSource dataSource;

	DatabaseFailures(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Whether a failure comes from a database that cannot be reached. Some failures say
	 * so by their type or SQL state; others only by what they hide (a rollback that
	 * failed on a closed connection replaces the error that closed it): for those, the
	 * pool is asked for a working connection, which fails within its connection timeout.
	 */
	boolean isUnavailable(Throwable failure) {
		if (saysUnavailable(failure)) {
			return true;
		}
		if (!involvesSql(failure)) {
			return false;
		}
		try (Connection connection = this.dataSource.getConnection()) {
			return !connection.isValid(1);
		}
		catch (SQLException ex) {
			return true;
		}
	}

	private static boolean involvesSql(Throwable failure) {
		for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
			if (cause instanceof SQLException) {
				return true;
			}
		}
		return false;
	}

	private static boolean saysUnavailable(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
					|| cause instanceof JDBCConnectionException || cause instanceof CannotCreateTransactionException
					|| cause instanceof DataAccessResourceFailureException) {
				return true;
			}
			// Class 08: connection exceptions; 57P01-57P03: the server is shutting
			// down or starting up.
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
