package org.casebook.opendata;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.casebook.database.CopyRows;
import org.casebook.innovation.HistoryBaseline;
import org.casebook.innovation.InnovationIds;
import org.casebook.innovation.Section;
import org.casebook.search.index.CaseBulkWrites;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import org.springframework.stereotype.Repository;

/**
 * Writes imported cases, many at a time, in one transaction per batch: a case whose slug
 * exists is replaced (its id and creation date stay), a new one is added. With
 * PostgreSQL's COPY into a temporary table and one upsert from it, a thousand cases take
 * a few tens of milliseconds; Hibernate would take seconds. Hibernate Search's listeners
 * do not see these writes: with OpenSearch's outbox, {@link CaseBulkWrites} writes their
 * index events in the batch's transaction; with Lucene, the caller reindexes the ids
 * returned once it committed. Envers does not see them either: each batch is a revision
 * of kind {@code IMPORT}, written here as Envers writes its own.
 */
@Repository
class CaseWriter {

	private static final String COLUMNS = "id, " + HistoryBaseline.COLUMNS;

	/** The tables of a case's collections, with their columns besides the case's id. */
	private static final Map<String, List<String>> CHILD_TABLES = HistoryBaseline.COLLECTIONS;

	private final CaseBulkWrites bulkWrites;

	CaseWriter(CaseBulkWrites bulkWrites) {
		this.bulkWrites = bulkWrites;
	}

	/**
	 * Whether each batch's transaction holds the index changes of its cases (OpenSearch's
	 * outbox); if not, the caller reindexes them once it committed.
	 */
	boolean indexChangesCommitted() {
		return this.bulkWrites.changesCommittedWithData();
	}

	/**
	 * What a batch did.
	 *
	 * @param ids the cases written, in file order
	 * @param toIndex the cases to index once committed (none when the transaction held
	 * their index changes)
	 */
	record Written(List<Long> ids, int created, int updated, List<Long> toIndex) {
	}

	/**
	 * What the SQL of a batch did.
	 *
	 * @param changed the cases added or changed
	 * @param versions the version ({@code updatedAt}) of every case written
	 */
	private record Rows(List<Long> ids, int created, int updated, Set<Long> changed, Map<Long, Instant> versions) {

		CaseBulkWrites.Touched touched() {
			Map<Long, Instant> unchanged = new HashMap<>(this.versions);
			unchanged.keySet().removeAll(this.changed);
			return new CaseBulkWrites.Touched(this.changed, unchanged);
		}

	}

	/**
	 * Writes the cases, all or none, published, as one revision.
	 * @param tagLabels labels for tags not known yet, by key
	 * @param now when, for dates the cases do not give
	 * @param author who imports them
	 * @param times told how long each stage took
	 */
	Written write(List<CaseRecord> cases, Map<String, String> tagLabels, Instant now, String author, StageTimes times)
			throws SQLException {
		times.restart();
		CaseBulkWrites.Written<Rows> written = this.bulkWrites
			.inTransaction((connection) -> write(connection, cases, tagLabels, now, author, times), Rows::touched);
		times.mark(this.bulkWrites.changesCommittedWithData() ? "write: index events, commit" : "write: commit");
		Rows rows = written.result();
		return new Written(rows.ids(), rows.created(), rows.updated(), written.toIndex());
	}

	private static Rows write(Connection connection, List<CaseRecord> cases, Map<String, String> tagLabels, Instant now,
			String author, StageTimes times) throws SQLException {
		addTags(connection, tagLabels);
		Map<String, Long> existing = existing(connection, cases);
		times.mark("write: tags, existing slugs");
		// Their version before this import, if none was kept yet.
		HistoryBaseline.ensure(connection, existing.values());
		times.mark("write: history baseline");
		long[] fresh = InnovationIds.reserve(connection, cases.size() - existing.size());
		List<Long> ids = new ArrayList<>(cases.size());
		int next = 0;
		Map<Long, Instant> versions = new HashMap<>();
		CopyRows innovations = new CopyRows("import_innovation (" + COLUMNS + ")");
		// Each case's collections as the file has them, in temporary tables of their own.
		Map<String, CopyRows> children = new LinkedHashMap<>();
		CHILD_TABLES.forEach((table, columns) -> children.put(table,
				new CopyRows("new_" + table + " (innovation_id, " + String.join(", ", columns) + ")")));
		for (CaseRecord record : cases) {
			Long known = existing.get(record.slug());
			long id = (known != null) ? known : fresh[next++];
			ids.add(id);
			versions.put(id, (record.updatedAt() != null) ? record.updatedAt() : now);
			innovations.row(row(id, record, now));
			record.countries().forEach((key) -> children.get("innovation_country").row(id, key));
			record.sectors().forEach((key) -> children.get("innovation_sector").row(id, key));
			record.stages().forEach((key) -> children.get("innovation_innovation_stage").row(id, key));
			record.tags().forEach((key) -> children.get("innovation_tag").row(id, key));
			for (int position = 0; position < record.organisations().size(); position++) {
				CaseRecord.OrganisationRecord organisation = record.organisations().get(position);
				children.get("innovation_organisation").row(id, position, organisation.name(), organisation.type());
			}
			for (int position = 0; position < record.links().size(); position++) {
				CaseRecord.LinkRecord link = record.links().get(position);
				children.get("innovation_link")
					.row(id, position, link.kind().toUpperCase(Locale.ROOT), link.url(), link.title());
			}
		}
		times.mark("write: rows to CSV");
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE TEMPORARY TABLE import_innovation (LIKE innovation) ON COMMIT DROP");
			for (String table : CHILD_TABLES.keySet()) {
				// Without the table's keys and references: checked once a row goes in.
				statement.execute("CREATE TEMPORARY TABLE new_" + table + " (LIKE " + table + ") ON COMMIT DROP");
			}
		}
		CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
		innovations.copyTo(copy);
		times.mark("write: COPY cases");
		for (CopyRows rows : children.values()) {
			rows.copyTo(copy);
		}
		try (Statement statement = connection.createStatement()) {
			// No autovacuum reads temporary tables: without their sizes, the planner
			// would guess how to join them.
			statement.execute("ANALYZE import_innovation");
			for (String table : CHILD_TABLES.keySet()) {
				statement.execute("ANALYZE new_" + table);
			}
		}
		times.mark("write: COPY collections");
		Array written = connection.createArrayOf("bigint", ids.toArray());
		long revision = revision(connection, now, author);
		Set<Long> changed = new HashSet<>();
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(upsert())) {
			while (rows.next()) {
				changed.add(rows.getLong(1));
			}
		}
		times.mark("write: upsert");
		for (Map.Entry<String, List<String>> table : CHILD_TABLES.entrySet()) {
			changed.addAll(replace(connection, table.getKey(), table.getValue(), written, revision));
		}
		times.mark("write: collections replaced, audited");
		// A version of each case that the file changed, its row or its collections, as
		// Envers records one: a case the file gives as it is gets none (importing the
		// same file again adds nothing to the history).
		try (PreparedStatement audit = connection.prepareStatement("INSERT INTO innovation_aud (id, rev, revtype, "
				+ COLUMNS.substring(4) + ") SELECT i.id, " + revision + ", CASE WHEN i.id = ANY (?) THEN 1 ELSE 0 END, "
				+ prefixed("i.", COLUMNS.substring(4)) + " FROM innovation i WHERE i.id = ANY (?)")) {
			audit.setArray(1, connection.createArrayOf("bigint", existing.values().toArray()));
			audit.setArray(2, connection.createArrayOf("bigint", changed.toArray()));
			audit.executeUpdate();
		}
		times.mark("write: audit changed cases");
		return new Rows(ids, cases.size() - existing.size(), existing.size(), changed, versions);
	}

	/** A revision of kind IMPORT, for the audit rows of this batch. */
	private static long revision(Connection connection, Instant now, String author) throws SQLException {
		long revision;
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT nextval('revision_seq')")) {
			result.next();
			revision = result.getLong(1);
		}
		try (PreparedStatement insert = connection
			.prepareStatement("INSERT INTO revision (id, made_at, author, kind) VALUES (?, ?, ?, 'IMPORT')")) {
			insert.setLong(1, revision);
			insert.setObject(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
			insert.setString(3, author);
			insert.executeUpdate();
		}
		return revision;
	}

	/**
	 * Replaces the cases' rows of a collection with the file's, and records what changed
	 * as Envers does: the rows that went as removed (2), those that came as added (0).
	 * Only what differs is deleted and inserted: a file imported again over the same
	 * cases changes no row, and the rows that do go in are the only ones whose references
	 * PostgreSQL checks. (Deleting every row and copying the file's in took 19 of the 59
	 * s of writing in the benchmark's import of 14,864 cases over the same ones, each
	 * row's references checked by a trigger.) A case written before its history was kept
	 * has its first version recorded before this ({@link HistoryBaseline}), so every
	 * change is one from a recorded version.
	 * @return the cases whose rows changed
	 */
	private static Set<Long> replace(Connection connection, String table, List<String> columns, Array ids,
			long revision) throws SQLException {
		Set<Long> changed = new HashSet<>();
		String all = "innovation_id, " + String.join(", ", columns);
		StringBuilder same = new StringBuilder("n.innovation_id = t.innovation_id");
		for (String column : columns) {
			same.append(" AND n.").append(column).append(" IS NOT DISTINCT FROM t.").append(column);
		}
		String audit = "INSERT INTO " + table + "_aud (rev, revtype, " + all + ") SELECT " + revision + ", ";
		try (PreparedStatement removed = connection.prepareStatement("WITH removed AS (DELETE FROM " + table
				+ " t WHERE t.innovation_id = ANY (?) AND NOT EXISTS (SELECT 1 FROM new_" + table + " n WHERE " + same
				+ ") RETURNING " + prefixed("t.", all) + "), audited AS (" + audit + "2, " + all
				+ " FROM removed) SELECT DISTINCT innovation_id FROM removed")) {
			removed.setArray(1, ids);
			try (ResultSet rows = removed.executeQuery()) {
				while (rows.next()) {
					changed.add(rows.getLong(1));
				}
			}
		}
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("WITH added AS (INSERT INTO " + table + " (" + all + ") SELECT "
						+ prefixed("n.", all) + " FROM new_" + table + " n WHERE NOT EXISTS (SELECT 1 FROM " + table
						+ " t WHERE " + same + ") RETURNING " + all + "), audited AS (" + audit + "0, " + all
						+ " FROM added) SELECT DISTINCT innovation_id FROM added")) {
			while (rows.next()) {
				changed.add(rows.getLong(1));
			}
		}
		return changed;
	}

	private static String prefixed(String prefix, String columns) {
		StringBuilder prefixed = new StringBuilder();
		for (String column : columns.split(", ")) {
			prefixed.append(prefixed.isEmpty() ? "" : ", ").append(prefix).append(column);
		}
		return prefixed.toString();
	}

	/**
	 * Everything but the id and the creation date is the file's. A case the file gives as
	 * it is stays untouched; the others' ids are returned.
	 */
	private static String upsert() {
		StringBuilder update = new StringBuilder();
		List<String> columns = new ArrayList<>();
		for (String column : COLUMNS.split(", ")) {
			if (!column.equals("id") && !column.equals("created_at")) {
				update.append(update.isEmpty() ? "" : ", ").append(column).append(" = EXCLUDED.").append(column);
				columns.add(column);
			}
		}
		return "INSERT INTO innovation (" + COLUMNS + ") SELECT " + COLUMNS
				+ " FROM import_innovation ON CONFLICT (id) DO UPDATE SET " + update + " WHERE ("
				+ prefixed("innovation.", String.join(", ", columns)) + ") IS DISTINCT FROM ("
				+ prefixed("EXCLUDED.", String.join(", ", columns)) + ") RETURNING id";
	}

	private static void addTags(Connection connection, Map<String, String> labels) throws SQLException {
		if (labels.isEmpty()) {
			return;
		}
		try (PreparedStatement insert = connection
			.prepareStatement("INSERT INTO tag (key, label) VALUES (?, ?) ON CONFLICT (key) DO NOTHING")) {
			for (Map.Entry<String, String> tag : labels.entrySet()) {
				insert.setString(1, tag.getKey());
				insert.setString(2, tag.getValue());
				insert.addBatch();
			}
			insert.executeBatch();
		}
	}

	private static Map<String, Long> existing(Connection connection, List<CaseRecord> cases) throws SQLException {
		Map<String, Long> ids = new HashMap<>();
		try (PreparedStatement select = connection
			.prepareStatement("SELECT slug, id FROM innovation WHERE slug = ANY (?)")) {
			select.setArray(1, connection.createArrayOf("varchar", cases.stream().map(CaseRecord::slug).toArray()));
			try (ResultSet result = select.executeQuery()) {
				while (result.next()) {
					ids.put(result.getString(1), result.getLong(2));
				}
			}
		}
		return ids;
	}

	private static Object[] row(long id, CaseRecord record, Instant now) {
		List<Object> row = new ArrayList<>(29);
		row.add(id);
		row.add(record.slug());
		row.add(record.title());
		row.add(record.summary());
		row.add(record.overview());
		for (Section section : Section.values()) {
			row.add(record.sections().get(section));
		}
		row.add(record.launchYear());
		row.add(record.level());
		CaseRecord.LocationRecord location = record.location();
		row.add((location != null) ? location.name() : null);
		row.add((location != null) ? location.lat() : null);
		row.add((location != null) ? location.lon() : null);
		row.add(record.language());
		row.add(record.source().name());
		row.add(record.source().url());
		row.add(record.source().licence());
		row.add("PUBLISHED");
		row.add(record.demo());
		row.add(now);
		row.add((record.updatedAt() != null) ? record.updatedAt() : now);
		row.add((record.publishedAt() != null) ? record.publishedAt() : now);
		return row.toArray();
	}

}
