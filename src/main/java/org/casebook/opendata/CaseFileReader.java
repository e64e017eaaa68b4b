package org.casebook.opendata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the rows of a file to import, CSV or JSON Lines, as cells named by the CSV
 * columns ({@link CaseCsv#COLUMNS}): a JSON line is turned into the same cells, so one
 * reader checks both. What cannot be read at all (a broken line, an unknown column) is a
 * problem of its own.
 */
final class CaseFileReader {

	/** Columns a file must have. */
	static final Set<String> REQUIRED = Set.of("slug", "title", "language");

	private CaseFileReader() {
	}

	/** A row: its first line and its cells. */
	record Cells(long line, Map<String, String> cells) {
	}

	/** Hands every row of the file to {@code rows}, every problem to {@code problems}. */
	static void read(InputStream input, ExportFormat format, JsonMapper json, Consumer<Cells> rows,
			Consumer<ImportProblem> problems) throws IOException {
		// Bytes that are not UTF-8 are an error, not silently replaced.
		Reader reader = new BufferedReader(new InputStreamReader(input,
				StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)),
				1 << 16);
		try {
			if (format == ExportFormat.CSV) {
				csv(reader, rows, problems);
			}
			else {
				jsonLines((BufferedReader) reader, json, rows, problems);
			}
		}
		catch (CharacterCodingException ex) {
			problems.accept(ImportProblem.of(0, null, "encoding"));
		}
		catch (CSVException ex) {
			problems.accept(ImportProblem.of(0, null, "csv", ex.getMessage()));
		}
		catch (UncheckedIOException ex) {
			// The CSV parser's iterator wraps what it cannot read.
			if (ex.getCause() instanceof CharacterCodingException) {
				problems.accept(ImportProblem.of(0, null, "encoding"));
			}
			else if (ex.getCause() instanceof CSVException csv) {
				problems.accept(ImportProblem.of(0, null, "csv", csv.getMessage()));
			}
			else {
				throw ex;
			}
		}
	}

	private static void csv(Reader reader, Consumer<Cells> rows, Consumer<ImportProblem> problems) throws IOException {
		reader.mark(1);
		if (reader.read() != '\uFEFF') {
			reader.reset();
		}
		CSVParser parser = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.setAllowMissingColumnNames(true)
			.get()
			.parse(reader);
		List<String> header = parser.getHeaderNames();
		boolean usable = true;
		for (String column : REQUIRED) {
			if (!header.contains(column)) {
				problems.accept(ImportProblem.of(1, column, "missingColumn"));
				usable = false;
			}
		}
		for (String column : header) {
			if (!CaseCsv.COLUMNS.contains(column)) {
				problems.accept(ImportProblem.of(1, column, "unknownColumn"));
			}
		}
		if (!usable) {
			return;
		}
		long next = parser.getCurrentLineNumber() + 1;
		for (CSVRecord record : parser) {
			long line = next;
			next = parser.getCurrentLineNumber() + 1;
			if (record.size() != header.size()) {
				problems.accept(ImportProblem.of(line, null, "cellCount", record.size(), header.size()));
				continue;
			}
			Map<String, String> cells = new HashMap<>(record.toMap());
			rows.accept(new Cells(line, cells));
		}
	}

	private static void jsonLines(BufferedReader reader, JsonMapper json, Consumer<Cells> rows,
			Consumer<ImportProblem> problems) throws IOException {
		long line = 0;
		for (String text = reader.readLine(); text != null; text = reader.readLine()) {
			line++;
			if (line == 1 && text.startsWith("\uFEFF")) {
				text = text.substring(1);
			}
			if (text.isBlank()) {
				continue;
			}
			JsonNode node;
			try {
				node = json.readTree(text);
			}
			catch (JacksonException ex) {
				problems.accept(ImportProblem.of(line, null, "json", ex.getOriginalMessage()));
				continue;
			}
			if (!node.isObject()) {
				problems.accept(ImportProblem.of(line, null, "jsonObject"));
				continue;
			}
			rows.accept(new Cells(line, JsonCells.of(node)));
		}
	}

}
