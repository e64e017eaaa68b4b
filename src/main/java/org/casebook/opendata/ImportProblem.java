package org.casebook.opendata;

import java.util.List;

/**
 * What is wrong with a file to import, and where.
 *
 * @param line the line of the file, from 1 (a CSV row that spans several lines: its
 * first)
 * @param column the CSV column or JSON field, or null for the whole line
 * @param code the message that says what is wrong ({@code import.problem.*} in the
 * bundles)
 * @param arguments the message's arguments
 */
public record ImportProblem(long line, String column, String code, List<Object> arguments) {

	public ImportProblem {
		arguments = List.copyOf(arguments);
	}

	static ImportProblem of(long line, String column, String code, Object... arguments) {
		return new ImportProblem(line, column, "import.problem." + code, List.of(arguments));
	}

}
