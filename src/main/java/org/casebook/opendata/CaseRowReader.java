package org.casebook.opendata;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.casebook.innovation.Section;
import org.casebook.search.index.Analyzers;
import org.casebook.taxonomy.Country;
import org.casebook.taxonomy.GovernmentLevel;
import org.casebook.taxonomy.InnovationStage;
import org.casebook.taxonomy.OrganisationType;
import org.casebook.taxonomy.Sector;
import org.casebook.taxonomy.Tag;
import org.casebook.taxonomy.Taxonomies;
import org.casebook.taxonomy.TaxonomyTerm;

/**
 * Reads a row of an import, column by column as {@link CaseCsv} names them, into a case,
 * and reports every problem it finds with its line and column: a row with problems gives
 * no case. The schema's limits are checked here, so that a row that passes is written
 * without a database error.
 */
final class CaseRowReader {

	static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

	private static final Set<String> LINK_KINDS = Set.of("website", "related", "video");

	private final Taxonomies taxonomies;

	CaseRowReader(Taxonomies taxonomies) {
		this.taxonomies = taxonomies;
	}

	/**
	 * A row as a case, or null if it has problems.
	 * @param cells the row's cells by column; a missing column is an empty cell
	 */
	CaseRecord read(long line, Map<String, String> cells, Consumer<ImportProblem> problems) {
		Row row = new Row(line, cells, problems);
		String slug = row.required("slug", 160);
		if (slug != null && !SLUG.matcher(slug).matches()) {
			row.problem("slug", "slug", slug);
		}
		String title = row.required("title", 300);
		String language = row.required("language", 8);
		if (language != null && !Analyzers.LANGUAGES.contains(language)) {
			row.problem("language", "language", language, String.join(", ", Analyzers.LANGUAGES));
		}
		String summary = row.text("summary", Integer.MAX_VALUE);
		String overview = row.text("overview", Integer.MAX_VALUE);
		Map<Section, String> sections = new EnumMap<>(Section.class);
		for (Section section : Section.values()) {
			String text = row.text(CaseCsv.sectionColumn(section), Integer.MAX_VALUE);
			if (text != null) {
				sections.put(section, text);
			}
		}
		Integer year = row.year("launch_year");
		String level = row.term("level", GovernmentLevel.class);
		List<String> countries = row.terms("countries", Country.class);
		List<String> sectors = row.terms("sectors", Sector.class);
		List<String> stages = row.terms("stages", InnovationStage.class);
		List<String> tags = row.tags("tags");
		List<CaseRecord.OrganisationRecord> organisations = row.organisations();
		List<CaseRecord.LinkRecord> links = row.links();
		CaseRecord.LocationRecord location = row.location();
		String sourceName = row.text("source_name", 300);
		String sourceUrl = row.url("source_url", row.cell("source_url"));
		String licence = row.text("licence", 100);
		boolean demo = row.bool("demo");
		Instant publishedAt = row.instant("published_at");
		Instant updatedAt = row.instant("updated_at");
		if (row.failed) {
			return null;
		}
		return new CaseRecord(slug, title, language, summary, overview, sections, year, level,
				this.taxonomies.inOrder(Country.class, countries), this.taxonomies.inOrder(Sector.class, sectors),
				this.taxonomies.inOrder(InnovationStage.class, stages), this.taxonomies.inOrder(Tag.class, tags),
				organisations, links, location, new CaseRecord.SourceRecord(sourceName, sourceUrl, licence), demo,
				publishedAt, updatedAt);
	}

	/** One row being read. */
	private final class Row {

		private final long line;

		private final Map<String, String> cells;

		private final Consumer<ImportProblem> problems;

		private boolean failed;

		Row(long line, Map<String, String> cells, Consumer<ImportProblem> problems) {
			this.line = line;
			this.cells = cells;
			this.problems = problems;
		}

		void problem(String column, String code, Object... arguments) {
			this.failed = true;
			this.problems.accept(ImportProblem.of(this.line, column, code, arguments));
		}

		/** The cell, without the formula guard; empty when absent. */
		String cell(String column) {
			String cell = this.cells.get(column);
			return (cell != null) ? CaseCsv.untext(cell).strip() : "";
		}

		String required(String column, int max) {
			String text = text(column, max);
			if (text == null) {
				problem(column, "required");
			}
			return text;
		}

		/** A text, or null when empty. */
		String text(String column, int max) {
			String text = cell(column);
			if (text.isEmpty()) {
				return null;
			}
			if (text.length() > max) {
				problem(column, "tooLong", max);
			}
			return text;
		}

		Integer year(String column) {
			String text = cell(column);
			if (text.isEmpty()) {
				return null;
			}
			try {
				int year = Integer.parseInt(text);
				if (year >= 1900 && year <= 2100) {
					return year;
				}
			}
			catch (NumberFormatException ex) {
				// Reported below.
			}
			problem(column, "year", text);
			return null;
		}

		String term(String column, Class<? extends TaxonomyTerm> taxonomy) {
			String key = cell(column);
			if (key.isEmpty()) {
				return null;
			}
			if (!CaseRowReader.this.taxonomies.contains(taxonomy, key)) {
				problem(column, "unknownTerm", key);
			}
			return key;
		}

		List<String> terms(String column, Class<? extends TaxonomyTerm> taxonomy) {
			Set<String> keys = new LinkedHashSet<>();
			for (String key : CaseCsv.split(cell(column))) {
				key = key.strip();
				if (!CaseRowReader.this.taxonomies.contains(taxonomy, key)) {
					problem(column, "unknownTerm", key);
				}
				keys.add(key);
			}
			return List.copyOf(keys);
		}

		/** Tags: free tags unknown so far are added as they come, if their key is one. */
		List<String> tags(String column) {
			Set<String> keys = new LinkedHashSet<>();
			for (String key : CaseCsv.split(cell(column))) {
				key = key.strip();
				if (!SLUG.matcher(key).matches() || key.length() > 80) {
					problem(column, "tag", key);
				}
				keys.add(key);
			}
			return List.copyOf(keys);
		}

		List<CaseRecord.OrganisationRecord> organisations() {
			List<String> names = CaseCsv.split(cell("organisations"));
			List<String> types = CaseCsv.split(cell("organisation_types"));
			if (types.size() > names.size()) {
				problem("organisation_types", "moreTypesThanOrganisations", types.size(), names.size());
			}
			List<CaseRecord.OrganisationRecord> organisations = new ArrayList<>(names.size());
			for (int i = 0; i < names.size(); i++) {
				String name = names.get(i).strip();
				if (name.isEmpty()) {
					problem("organisations", "emptyValue", i + 1);
				}
				else if (name.length() > 300) {
					problem("organisations", "tooLong", 300);
				}
				String type = (i < types.size()) ? types.get(i).strip() : "";
				if (!type.isEmpty() && !CaseRowReader.this.taxonomies.contains(OrganisationType.class, type)) {
					problem("organisation_types", "unknownTerm", type);
				}
				organisations.add(new CaseRecord.OrganisationRecord(name, type.isEmpty() ? null : type));
			}
			return organisations;
		}

		List<CaseRecord.LinkRecord> links() {
			List<CaseRecord.LinkRecord> links = new ArrayList<>();
			for (String link : CaseCsv.split(cell("links"))) {
				String[] parts = link.strip().split(" ", 3);
				String kind = parts[0].toLowerCase(Locale.ROOT);
				if (parts.length < 2 || !LINK_KINDS.contains(kind)) {
					problem("links", "link", link);
					continue;
				}
				String title = (parts.length == 3 && !parts[2].isBlank()) ? parts[2].strip() : null;
				if (title != null && title.length() > 300) {
					problem("links", "tooLong", 300);
				}
				links.add(new CaseRecord.LinkRecord(kind, url("links", parts[1]), title));
			}
			return links;
		}

		/** An absolute http or https address, or null when empty. */
		String url(String column, String text) {
			if (text == null || text.isEmpty()) {
				return null;
			}
			try {
				URI uri = new URI(text);
				if (text.length() <= 2000 && uri.isAbsolute() && uri.getHost() != null
						&& ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
					return text;
				}
			}
			catch (URISyntaxException ex) {
				// Reported below.
			}
			problem(column, "url", text);
			return null;
		}

		CaseRecord.LocationRecord location() {
			String name = text("location_name", 200);
			Double latitude = coordinate("latitude", 90);
			Double longitude = coordinate("longitude", 180);
			if ((latitude == null) != (longitude == null)) {
				problem((latitude == null) ? "latitude" : "longitude", "halfAPoint");
			}
			return (name != null || latitude != null) ? new CaseRecord.LocationRecord(name, latitude, longitude) : null;
		}

		private Double coordinate(String column, double limit) {
			String text = cell(column);
			if (text.isEmpty()) {
				return null;
			}
			try {
				double value = Double.parseDouble(text);
				if (Math.abs(value) <= limit) {
					return value;
				}
			}
			catch (NumberFormatException ex) {
				// Reported below.
			}
			problem(column, "coordinate", text, limit);
			return null;
		}

		boolean bool(String column) {
			String text = cell(column).toLowerCase(Locale.ROOT);
			if (text.isEmpty() || text.equals("false")) {
				return false;
			}
			if (text.equals("true")) {
				return true;
			}
			problem(column, "boolean", text);
			return false;
		}

		Instant instant(String column) {
			String text = cell(column);
			if (text.isEmpty()) {
				return null;
			}
			try {
				return Instant.parse(text);
			}
			catch (DateTimeParseException ex) {
				problem(column, "instant", text);
				return null;
			}
		}

	}

}
