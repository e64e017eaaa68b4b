package org.casebook.database;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.SQLException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.copy.CopyManager;

/**
 * Rows for one table, as CSV in PostgreSQL's dialect, sent with one COPY: the fastest way
 * PostgreSQL takes many rows.
 */
public final class CopyRows {

	private final String target;

	private final StringBuilder csv = new StringBuilder(1 << 16);

	private final CSVPrinter printer;

	public CopyRows(String target) {
		this.target = target;
		try {
			this.printer = new CSVPrinter(this.csv, CSVFormat.POSTGRESQL_CSV);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public void row(Object... values) {
		try {
			this.printer.printRecord(values);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public void copyTo(CopyManager copyManager) throws SQLException {
		if (this.csv.isEmpty()) {
			return;
		}
		try {
			copyManager.copyIn("COPY " + this.target + " FROM STDIN (FORMAT csv)",
					new StringReader(this.csv.toString()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
