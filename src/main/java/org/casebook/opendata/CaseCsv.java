package org.casebook.opendata;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.casebook.innovation.Section;

/**
 * The CSV form of a case: one row per case, one column per field, always the same columns
 * in the same order ({@link #COLUMNS}); documented in the README.
 * <ul>
 * <li>Several values in one cell (countries, tags, organisations...) are joined by
 * {@value #SEPARATOR}; a {@code |} or {@code \} inside a value is escaped with a
 * backslash. Organisation types are in the order of the organisations, empty for an
 * organisation without one; a link is its kind, its address and its title, separated by
 * spaces.</li>
 * <li>A text cell that a spreadsheet would take for a formula (starting with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return) starts with an apostrophe,
 * which imports take off again.</li>
 * <li>Instants in ISO 8601 (UTC); empty cells for what a case does not have.</li>
 * </ul>
 */
public final class CaseCsv {

	/** Between the values of a cell that holds several. */
	public static final String SEPARATOR = "|";

	/** Every column, in order. */
	public static final List<String> COLUMNS;

	/**
	 * The column of each section, by its ordinal: asked for once per case and section.
	 */
	private static final String[] SECTION_COLUMNS = new String[Section.values().length];

	static {
		for (Section section : Section.values()) {
			SECTION_COLUMNS[section.ordinal()] = section.name().toLowerCase(Locale.ROOT);
		}
		List<String> columns = new ArrayList<>(List.of("slug", "url", "title", "language", "summary", "overview"));
		for (Section section : Section.values()) {
			columns.add(sectionColumn(section));
		}
		columns.addAll(List.of("launch_year", "level", "countries", "sectors", "stages", "tags", "organisations",
				"organisation_types", "links", "location_name", "latitude", "longitude", "source_name", "source_url",
				"licence", "demo", "published_at", "updated_at"));
		COLUMNS = List.copyOf(columns);
	}

	private CaseCsv() {
	}

	/** A case as the cells of its row, in the order of {@link #COLUMNS}. */
	static List<String> row(CaseRecord record, String url) {
		List<String> row = new ArrayList<>(COLUMNS.size());
		row.add(record.slug());
		row.add(url);
		row.add(text(record.title()));
		row.add(record.language());
		row.add(text(record.summary()));
		row.add(text(record.overview()));
		for (Section section : Section.values()) {
			row.add(text(record.sections().get(section)));
		}
		row.add((record.launchYear() != null) ? record.launchYear().toString() : null);
		row.add(record.level());
		row.add(join(record.countries()));
		row.add(join(record.sectors()));
		row.add(join(record.stages()));
		row.add(join(record.tags()));
		row.add(text(join(record.organisations().stream().map(CaseRecord.OrganisationRecord::name).toList())));
		row.add(record.organisations().stream().allMatch((organisation) -> organisation.type() == null) ? ""
				: join(record.organisations().stream().map(CaseRecord.OrganisationRecord::type).toList()));
		row.add(text(join(record.links().stream().map(CaseCsv::link).toList())));
		CaseRecord.LocationRecord location = record.location();
		row.add((location != null) ? text(location.name()) : null);
		row.add((location != null && location.lat() != null) ? location.lat().toString() : null);
		row.add((location != null && location.lon() != null) ? location.lon().toString() : null);
		row.add(text(record.source().name()));
		row.add(record.source().url());
		row.add(text(record.source().licence()));
		row.add(Boolean.toString(record.demo()));
		row.add((record.publishedAt() != null) ? record.publishedAt().toString() : null);
		row.add((record.updatedAt() != null) ? record.updatedAt().toString() : null);
		return row;
	}

	private static String link(CaseRecord.LinkRecord link) {
		return link.kind() + " " + link.url() + ((link.title() != null) ? " " + link.title() : "");
	}

	static String sectionColumn(Section section) {
		return SECTION_COLUMNS[section.ordinal()];
	}

	/** A text as a cell: guarded against being read as a formula. */
	static String text(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		return formulaLike(text.charAt(0)) ? "'" + text : text;
	}

	/** A cell as the text it guards. */
	static String untext(String cell) {
		if (cell.length() > 1 && cell.charAt(0) == '\'' && formulaLike(cell.charAt(1))) {
			return cell.substring(1);
		}
		return cell;
	}

	private static boolean formulaLike(char first) {
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
	}

	/** Values joined into one cell. */
	static String join(List<String> values) {
		StringBuilder cell = new StringBuilder();
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				cell.append(SEPARATOR);
			}
			cell.append(escape((values.get(i) != null) ? values.get(i) : ""));
		}
		return cell.toString();
	}

	/** A cell split into its values; an empty cell has none. */
	static List<String> split(String cell) {
		List<String> values = new ArrayList<>();
		if (cell.isEmpty()) {
			return values;
		}
		StringBuilder value = new StringBuilder();
		for (int i = 0; i < cell.length(); i++) {
			char c = cell.charAt(i);
			if (c == '\\' && i + 1 < cell.length()) {
				value.append(cell.charAt(++i));
			}
			else if (c == '|') {
				values.add(value.toString());
				value.setLength(0);
			}
			else {
				value.append(c);
			}
		}
		values.add(value.toString());
		return values;
	}

	private static String escape(String value) {
		if (value.indexOf('|') < 0 && value.indexOf('\\') < 0) {
			return value;
		}
		return value.replace("\\", "\\\\").replace("|", "\\|");
	}

}
