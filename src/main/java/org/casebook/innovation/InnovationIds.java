package org.casebook.innovation;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Ids for cases written without Hibernate (generated demo data, imports): taken from
 * {@code innovation_seq} in blocks of 50, the way Hibernate's pooled optimiser takes
 * them, so that cases created later through JPA never collide with them.
 */
public final class InnovationIds {

	private static final int ID_BLOCK = 50;

	private InnovationIds() {
	}

	/** Takes ids for this many new cases. */
	public static long[] reserve(Connection connection, int count) throws SQLException {
		int blocks = (count + ID_BLOCK - 1) / ID_BLOCK;
		long[] ids = new long[count];
		int next = 0;
		try (Statement statement = connection.createStatement();
				ResultSet result = statement
					.executeQuery("SELECT nextval('innovation_seq') FROM generate_series(1, " + (blocks + 1) + ")")) {
			while (result.next() && next < count) {
				long high = result.getLong(1);
				if (high < ID_BLOCK) {
					// The sequence's first value is below a whole block: Hibernate treats
					// it specially, skip it.
					continue;
				}
				for (long id = high - ID_BLOCK + 1; id <= high && next < count; id++) {
					ids[next++] = id;
				}
			}
		}
		if (next < count) {
			throw new IllegalStateException("Could not reserve " + count + " ids");
		}
		return ids;
	}

}
