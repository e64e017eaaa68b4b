package org.casebook.innovation;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The first version of cases written without Envers: the seed, generated demo cases,
 * cases from before history was kept. They have no version until they first change, and
 * Envers records a case's collections (countries, sectors, tags…) by what changes in
 * them: without a first version, the versions of a changed case would lack everything it
 * had and kept, and restoring one would take it away. So before such a case first
 * changes, its state as it is now is recorded, as a revision of kind {@code SYSTEM}.
 * <p>
 * Recorded when needed rather than for every case at once: a catalogue of a million
 * generated cases would otherwise double in size for versions no one reads. It must be
 * called in the transaction that changes the cases, before they change: its revision then
 * comes before the change's, as the sequence gives them.
 */
@Repository
public class HistoryBaseline {

	/** The author shown for these first versions. */
	public static final String AUTHOR = "Casebook";

	/**
	 * A case's own columns that its versions keep, besides its id: those of
	 * {@code innovation_aud}.
	 */
	public static final String COLUMNS = "slug, title, summary, overview, what_makes_it_innovative, "
			+ "current_status, collaborations, users_and_stakeholders, results_and_impacts, challenges_and_failures, "
			+ "conditions_for_success, replication, lessons_learned, anything_else, launch_year, level_key, "
			+ "location_name, latitude, longitude, language, source_name, source_url, licence, status, demo, "
			+ "created_at, updated_at, published_at";

	/** The audited collections of a case, with their columns besides the case's id. */
	public static final Map<String, List<String>> COLLECTIONS = Map.of("innovation_country", List.of("country_code"),
			"innovation_sector", List.of("sector_key"), "innovation_innovation_stage", List.of("stage_key"),
			"innovation_tag", List.of("tag_key"), "innovation_organisation", List.of("position", "name", "type_key"),
			"innovation_link", List.of("position", "kind", "url", "title"));

	private final JdbcTemplate jdbc;

	HistoryBaseline(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	/**
	 * Records the first version of those of these cases that have none, in the current
	 * transaction.
	 */
	public void ensure(Collection<Long> ids) {
		if (!ids.isEmpty()) {
			this.jdbc.execute((Connection connection) -> ensure(connection, ids));
		}
	}

	/**
	 * Records the first version of those of these cases that have none, on a connection
	 * whose transaction changes them next.
	 * @return how many had none
	 */
	public static int ensure(Connection connection, Collection<Long> ids) throws SQLException {
		if (ids.isEmpty()) {
			return 0;
		}
		Array array = connection.createArrayOf("bigint", ids.toArray());
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE TEMPORARY TABLE IF NOT EXISTS baseline_case (id BIGINT) ON COMMIT DELETE ROWS");
			statement.execute("TRUNCATE baseline_case");
		}
		int missing;
		try (PreparedStatement find = connection.prepareStatement("INSERT INTO baseline_case SELECT i.id "
				+ "FROM innovation i WHERE i.id = ANY (?) AND NOT EXISTS (SELECT 1 FROM innovation_aud a WHERE a.id = i.id)")) {
			find.setArray(1, array);
			missing = find.executeUpdate();
		}
		if (missing == 0) {
			return 0;
		}
		long revision;
		try (Statement statement = connection.createStatement()) {
			try (ResultSet result = statement.executeQuery("SELECT nextval('revision_seq')")) {
				result.next();
				revision = result.getLong(1);
			}
			// Dated when the cases last changed: the version is what they were from then.
			statement.execute(
					"INSERT INTO revision (id, made_at, author, kind) SELECT " + revision + ", max(i.updated_at), '"
							+ AUTHOR + "', 'SYSTEM' FROM innovation i JOIN baseline_case b ON b.id = i.id");
			statement.execute("INSERT INTO innovation_aud (id, rev, revtype, " + COLUMNS + ") SELECT i.id, " + revision
					+ ", 0, " + prefixed("i.", COLUMNS) + " FROM innovation i JOIN baseline_case b ON b.id = i.id");
			for (Map.Entry<String, List<String>> collection : COLLECTIONS.entrySet()) {
				String columns = "innovation_id, " + String.join(", ", collection.getValue());
				statement.execute("INSERT INTO " + collection.getKey() + "_aud (rev, revtype, " + columns + ") SELECT "
						+ revision + ", 0, " + prefixed("c.", columns) + " FROM " + collection.getKey()
						+ " c JOIN baseline_case b ON b.id = c.innovation_id");
			}
		}
		return missing;
	}

	private static String prefixed(String prefix, String columns) {
		StringBuilder prefixed = new StringBuilder();
		for (String column : columns.split(", ")) {
			prefixed.append(prefixed.isEmpty() ? "" : ", ").append(prefix).append(column);
		}
		return prefixed.toString();
	}

}
