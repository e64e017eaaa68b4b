package org.casebook.opendata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.casebook.taxonomy.Taxonomies;
import org.casebook.taxonomy.TermLabels;
import org.postgresql.PGStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each published case's export forms, kept ready in the database
 * ({@code case_export_form}, V13): its CSV row and its JSON Lines line as UTF-8 bytes,
 * which an export copies out instead of reading the case's texts and collections and
 * formatting them again — the three quarters of an export's CPU that the benchmark
 * measured (README, "Open data").
 * <p>
 * Forms are made ahead in the background ({@link #makeAhead()}), or by an export that
 * finds some missing, and kept. The database says when they are out of date: triggers
 * give a case a new stamp in every transaction that changes it or one of its collections,
 * whatever writes it (edits through the ORM, an import's COPY, SQL by hand). A form is
 * used only while the stamp it was made from is the case's, and while the taxonomies'
 * labels and order and the forms' own version are those it was made with
 * ({@link #fingerprint()}). A form is made from the case and its stamp read in one
 * snapshot, so a change committed meanwhile leaves it with an older stamp: unused.
 */
@Repository
class ExportForms {

	private static final Logger log = LoggerFactory.getLogger(ExportForms.class);

	/** Cases whose forms are made ahead at a time. */
	private static final int MAKE_AHEAD_BATCH = 1000;

	/** The advisory lock of the nodes' making forms ahead ("casebook" in ASCII). */
	private static final long MAKE_AHEAD_LOCK = 0x63617365626f6f6bL;

	/** pgjdbc's prepare threshold that asks for results in binary from the first use. */
	private static final int FORCE_BINARY = -1;

	/**
	 * The version of what a form holds: raise it whenever that changes (a column, a
	 * field's format, what is kept beside the forms), and every form kept before is made
	 * again.
	 */
	static final int VERSION = 2;

	/** The format of the export's CSV. */
	static final CSVFormat CSV = CSVFormat.RFC4180;

	private final JdbcTemplate jdbc;

	private final CaseRecords records;

	private final Taxonomies taxonomies;

	private final ObjectWriter json;

	/** Reads a case and its stamp in one snapshot. */
	private final TransactionTemplate snapshot;

	ExportForms(JdbcTemplate jdbc, CaseRecords records, Taxonomies taxonomies, JsonMapper json,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.records = records;
		this.taxonomies = taxonomies;
		this.json = json.writer();
		this.snapshot = new TransactionTemplate(transactions);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.snapshot.setReadOnly(true);
	}

	/**
	 * The forms of the published cases among these, in their order; an id that names no
	 * published case is left out. Forms missing or out of date are made and kept.
	 * @param ids the ids of cases
	 */
	List<Form> published(List<Long> ids, ExportFormat format) {
		if (ids.isEmpty()) {
			return List.of();
		}
		long taxonomies = fingerprint();
		boolean csv = (format == ExportFormat.CSV);
		Map<Long, Form> ready = new HashMap<>();
		Set<Long> missing = new HashSet<>(ids);
		// A valid form, made from the case as it is now: its bytes, or none for a case
		// not published (a change of status stamps the case like any other), and the
		// slug it was made with, for a CSV row's first cells.
		this.jdbc.query((connection) -> {
			var statement = connection.prepareStatement("SELECT innovation_id, slug, " + (csv ? "csv" : "json") + """
					 FROM case_export_form
					WHERE innovation_id = ANY (?) AND form_stamp = stamp AND taxonomies = ?""");
			// The forms as bytes: bytea in PostgreSQL's text format is hexadecimal, which
			// doubles what is sent and took a third of the export's Java time to decode.
			statement.unwrap(PGStatement.class).setPrepareThreshold(FORCE_BINARY);
			statement.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
			statement.setLong(2, taxonomies);
			return statement;
		}, (ResultSet result) -> {
			long id = result.getLong(1);
			missing.remove(id);
			byte[] form = result.getBytes(3);
			if (form != null) {
				ready.put(id, new Form(result.getString(2), form));
			}
		});
		if (!missing.isEmpty()) {
			Map<String, Long> slugs = new HashMap<>();
			slugsOf(missing).forEach((id, slug) -> slugs.put(slug, id));
			make(new ArrayList<>(slugs.keySet()), taxonomies)
				.forEach((slug, made) -> ready.put(slugs.get(slug), new Form(slug, made.of(format))));
		}
		List<Form> forms = new ArrayList<>(ready.size());
		for (Long id : ids) {
			Form form = ready.get(id);
			if (form != null) {
				forms.add(form);
			}
		}
		return forms;
	}

	/** The slugs of the cases among these ids that still exist. */
	private Map<Long, String> slugsOf(Collection<Long> ids) {
		Map<Long, String> slugs = new HashMap<>();
		this.jdbc.query((connection) -> {
			var statement = connection.prepareStatement("SELECT id, slug FROM innovation WHERE id = ANY (?)");
			statement.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
			return statement;
		}, (ResultSet result) -> {
			slugs.put(result.getLong(1), result.getString(2));
		});
		return slugs;
	}

	/**
	 * What forms are made with, besides their case: this version of them and the
	 * taxonomies' labels and order. Kept with each form ({@code taxonomies}): a form made
	 * with another is not used.
	 */
	long fingerprint() {
		return this.taxonomies.fingerprint() * 31 + VERSION;
	}

	/**
	 * Makes the forms exports will need before they need them: those of new and changed
	 * cases, and once for each state of the taxonomies' labels (after a change of labels,
	 * or at the first start on a catalogue that predates kept forms) those of every
	 * published case without valid ones. One node at a time: the others find the lock
	 * taken and leave it to that one.
	 * @return how many cases' forms were made
	 */
	int makeAhead() {
		Integer made = this.jdbc.execute((ConnectionCallback<Integer>) (lock) -> {
			try (var statement = lock.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
				statement.setLong(1, MAKE_AHEAD_LOCK);
				try (var result = statement.executeQuery()) {
					if (!result.next() || !result.getBoolean(1)) {
						return 0;
					}
				}
			}
			try {
				return makeAheadAlone();
			}
			finally {
				try (var statement = lock.prepareStatement("SELECT pg_advisory_unlock(?)")) {
					statement.setLong(1, MAKE_AHEAD_LOCK);
					statement.execute();
				}
			}
		});
		return (made != null) ? made : 0;
	}

	private int makeAheadAlone() {
		long taxonomies = fingerprint();
		int made = 0;
		if (!this.jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM case_export_made WHERE taxonomies = ?)",
				Boolean.class, taxonomies)) {
			// Every published case, in the order of their ids, a thousand at a time: the
			// cases, then which of them have valid forms, each by its index (a join let
			// the planner read the forms from the first at every batch).
			long after = 0;
			while (true) {
				Map<Long, String> cases = new LinkedHashMap<>();
				this.jdbc.query("""
						SELECT id, slug FROM innovation WHERE id > ? AND status = 'PUBLISHED' ORDER BY id LIMIT ?""",
						(ResultSet result) -> {
							cases.put(result.getLong(1), result.getString(2));
						}, after, MAKE_AHEAD_BATCH);
				if (cases.isEmpty()) {
					break;
				}
				after = Collections.max(cases.keySet());
				this.jdbc.query((connection) -> {
					var statement = connection.prepareStatement("""
							SELECT innovation_id FROM case_export_form
							WHERE innovation_id = ANY (?) AND form_stamp = stamp AND taxonomies = ?""");
					statement.setArray(1, connection.createArrayOf("bigint", cases.keySet().toArray()));
					statement.setLong(2, taxonomies);
					return statement;
				}, (ResultSet result) -> {
					cases.remove(result.getLong(1));
				});
				made += make(new ArrayList<>(cases.values()), taxonomies).size();
			}
			this.jdbc.update("INSERT INTO case_export_made (taxonomies) VALUES (?) ON CONFLICT DO NOTHING", taxonomies);
		}
		// New and changed cases, published or not (a case not published keeps no forms,
		// only the stamp it was seen at).
		long after = 0;
		while (true) {
			List<Long> ids = this.jdbc.queryForList("""
					SELECT innovation_id FROM case_export_form
					WHERE form_stamp IS DISTINCT FROM stamp AND innovation_id > ? ORDER BY innovation_id LIMIT ?""",
					Long.class, after, MAKE_AHEAD_BATCH);
			if (ids.isEmpty()) {
				break;
			}
			after = ids.get(ids.size() - 1);
			made += make(new ArrayList<>(slugsOf(ids).values()), taxonomies).size();
		}
		return made;
	}

	/**
	 * Makes the forms of the published cases among these, keeps them, and gives them by
	 * slug; a case not published keeps none, only the stamp it was seen at.
	 */
	private Map<String, Made> make(List<String> slugs, long taxonomies) {
		Map<String, Made> made = new HashMap<>();
		List<Object[]> kept = new ArrayList<>();
		if (slugs.isEmpty()) {
			return made;
		}
		this.snapshot.executeWithoutResult((transaction) -> {
			Map<String, long[]> stamps = new HashMap<>();
			this.jdbc.query((connection) -> {
				var statement = connection.prepareStatement("""
						SELECT i.slug, i.id, coalesce(f.stamp, 0) FROM innovation i
						LEFT JOIN case_export_form f ON f.innovation_id = i.id WHERE i.slug = ANY (?)""");
				statement.setArray(1, connection.createArrayOf("varchar", slugs.toArray()));
				return statement;
			}, (ResultSet result) -> {
				stamps.put(result.getString(1), new long[] { result.getLong(2), result.getLong(3) });
			});
			TermLabels english = this.taxonomies.in(Locale.ENGLISH);
			// Its own: the format's printing methods are synchronized, and the export's
			// readers make forms side by side.
			CSVFormat csv = CSV.builder().get();
			for (CaseRecord record : this.records.published(slugs)) {
				made.put(record.slug(), new Made(csv(record, csv), jsonLine(record, english)));
			}
			stamps.forEach((slug, stamp) -> {
				Made forms = made.get(slug);
				kept.add(new Object[] { stamp[0], stamp[1], stamp[1], taxonomies, (forms != null) ? slug : null,
						(forms != null) ? forms.csv() : null, (forms != null) ? forms.json() : null });
			});
		});
		keep(kept);
		return made;
	}

	/**
	 * Keeps forms, each only if its case's stamp is still the one it was made from. In
	 * the order of the cases' ids, as the triggers stamp them: two transactions that lock
	 * the same rows lock them in the same order, and never wait for each other in a
	 * circle.
	 */
	void keep(List<Object[]> forms) {
		forms.sort(Comparator.comparingLong((Object[] form) -> (Long) form[0]));
		try {
			this.jdbc.batchUpdate("""
					INSERT INTO case_export_form (innovation_id, stamp, form_stamp, taxonomies, slug, csv, json)
					VALUES (?, ?, ?, ?, ?, ?, ?)
					ON CONFLICT (innovation_id) DO UPDATE SET form_stamp = EXCLUDED.form_stamp,
					taxonomies = EXCLUDED.taxonomies, slug = EXCLUDED.slug, csv = EXCLUDED.csv, json = EXCLUDED.json
					WHERE case_export_form.stamp = EXCLUDED.form_stamp""", forms);
		}
		catch (DataAccessException ex) {
			// Ready forms only save time: this export has its rows, the next makes them.
			log.warn("Could not keep the export forms of {} cases: {}", forms.size(), ex.toString());
		}
	}

	/**
	 * A case's CSV row but for its first two cells (the slug and the address of its page,
	 * which depends on the address the site is reached at): each cell after its comma,
	 * then the line end. Printed cell by cell as Commons CSV prints a record, so that
	 * {@link #csvStart} followed by this is the row {@code CSVPrinter} would print.
	 */
	static byte[] csv(CaseRecord record, CSVFormat format) {
		List<String> row = CaseCsv.row(record, null);
		StringBuilder rest = new StringBuilder(4096);
		try {
			for (String cell : row.subList(2, row.size())) {
				format.print(cell, rest, false);
			}
			format.println(rest);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return rest.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** The first two cells of a case's CSV row, which its kept form leaves out. */
	static byte[] csvStart(String slug, String url, CSVFormat format) {
		StringBuilder start = new StringBuilder(slug.length() + url.length() + 8);
		try {
			format.print(slug, start, true);
			format.print(url, start, false);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return start.toString().getBytes(StandardCharsets.UTF_8);
	}

	private byte[] jsonLine(CaseRecord record, TermLabels english) {
		byte[] document = this.json.writeValueAsBytes(CaseDocument.of(record, english));
		byte[] line = new byte[document.length + 1];
		System.arraycopy(document, 0, line, 0, document.length);
		line[document.length] = '\n';
		return line;
	}

	/**
	 * A case's form in one export format.
	 *
	 * @param slug the case's slug, for a CSV row's first cells
	 */
	record Form(String slug, byte[] bytes) {
	}

	/** Both forms of a case, as made. */
	private record Made(byte[] csv, byte[] json) {

		byte[] of(ExportFormat format) {
			return (format == ExportFormat.CSV) ? this.csv : this.json;
		}

	}

}
