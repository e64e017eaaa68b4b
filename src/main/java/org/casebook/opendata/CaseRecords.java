package org.casebook.opendata;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.casebook.innovation.Provenance;
import org.casebook.innovation.Section;
import org.casebook.taxonomy.Country;
import org.casebook.taxonomy.InnovationStage;
import org.casebook.taxonomy.Sector;
import org.casebook.taxonomy.Tag;
import org.casebook.taxonomy.Taxonomies;
import org.casebook.taxonomy.TaxonomyTerm;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads published cases whole, many at a time, with plain SQL: one query for the cases
 * and one per collection, whatever the number of cases. Exports read a million cases this
 * way in seconds, where loading entities would take minutes.
 */
@Repository
public class CaseRecords {

	private static final String COLUMNS = "id, slug, title, language, summary, overview, what_makes_it_innovative, "
			+ "current_status, collaborations, users_and_stakeholders, results_and_impacts, challenges_and_failures, "
			+ "conditions_for_success, replication, lessons_learned, anything_else, launch_year, level_key, "
			+ "location_name, latitude, longitude, source_name, source_url, licence, demo, published_at, updated_at";

	/** Generated demo cases store no provenance: it follows from their flag. */
	private static final CaseRecord.SourceRecord DEMO = new CaseRecord.SourceRecord(Provenance.DEMO.getSourceName(),
			Provenance.DEMO.getSourceUrl(), Provenance.DEMO.getLicence());

	private final JdbcTemplate jdbc;

	private final Taxonomies taxonomies;

	CaseRecords(JdbcTemplate jdbc, Taxonomies taxonomies) {
		this.jdbc = jdbc;
		this.taxonomies = taxonomies;
	}

	/**
	 * The published cases among these slugs, in the slugs' order; a slug that names no
	 * published case is left out.
	 */
	public List<CaseRecord> published(List<String> slugs) {
		if (slugs.isEmpty()) {
			return List.of();
		}
		Map<Long, Row> rows = new HashMap<>();
		Map<String, Long> ids = new HashMap<>();
		this.jdbc.query((connection) -> {
			var statement = connection.prepareStatement(
					"SELECT " + COLUMNS + " FROM innovation WHERE slug = ANY (?) AND status = 'PUBLISHED'");
			statement.setArray(1, connection.createArrayOf("varchar", slugs.toArray()));
			return statement;
		}, (ResultSet result) -> {
			Row row = new Row(result);
			rows.put(row.id, row);
			ids.put(row.slug, row.id);
		});
		if (rows.isEmpty()) {
			return List.of();
		}
		Long[] found = rows.keySet().toArray(Long[]::new);
		collect(found, "SELECT innovation_id, country_code FROM innovation_country WHERE innovation_id = ANY (?)",
				(row, result) -> row.countries.add(result.getString(2)), rows);
		collect(found, "SELECT innovation_id, sector_key FROM innovation_sector WHERE innovation_id = ANY (?)",
				(row, result) -> row.sectors.add(result.getString(2)), rows);
		collect(found, "SELECT innovation_id, stage_key FROM innovation_innovation_stage WHERE innovation_id = ANY (?)",
				(row, result) -> row.stages.add(result.getString(2)), rows);
		collect(found, "SELECT innovation_id, tag_key FROM innovation_tag WHERE innovation_id = ANY (?)",
				(row, result) -> row.tags.add(result.getString(2)), rows);
		collect(found, """
				SELECT innovation_id, name, type_key FROM innovation_organisation WHERE innovation_id = ANY (?)
				ORDER BY innovation_id, position""", (row, result) -> row.organisations
			.add(new CaseRecord.OrganisationRecord(result.getString(2), result.getString(3))), rows);
		collect(found, """
				SELECT innovation_id, kind, url, title FROM innovation_link WHERE innovation_id = ANY (?)
				ORDER BY innovation_id, position""",
				(row, result) -> row.links.add(new CaseRecord.LinkRecord(result.getString(2).toLowerCase(Locale.ROOT),
						result.getString(3), result.getString(4))),
				rows);
		collect(found, """
				SELECT innovation_id, id, kind, media_type, file_name, size, sha256, description, width, height
				FROM attachment WHERE innovation_id = ANY (?) ORDER BY innovation_id, position, created_at""",
				(row, result) -> row.attachments.add(new CaseRecord.AttachmentRecord(result.getString(2),
						result.getString(3).toLowerCase(Locale.ROOT), result.getString(4), result.getString(5),
						result.getLong(6), result.getString(7), result.getString(8), result.getObject(9, Integer.class),
						result.getObject(10, Integer.class))),
				rows);
		return slugs.stream().map(ids::get).filter(Objects::nonNull).map((id) -> rows.get(id).record()).toList();
	}

	private void collect(Long[] ids, String sql, RowAdder adder, Map<Long, Row> rows) {
		this.jdbc.query((connection) -> {
			var statement = connection.prepareStatement(sql);
			Array array = connection.createArrayOf("bigint", ids);
			statement.setArray(1, array);
			return statement;
		}, (ResultSet result) -> adder.add(rows.get(result.getLong(1)), result));
	}

	@FunctionalInterface
	private interface RowAdder {

		void add(Row row, ResultSet result) throws SQLException;

	}

	/** A case as read, its collections filled by the queries that follow. */
	private final class Row {

		final long id;

		final String slug;

		final String title;

		final String language;

		final String summary;

		final String overview;

		final Map<Section, String> sections = new EnumMap<>(Section.class);

		final Integer launchYear;

		final String level;

		final CaseRecord.LocationRecord location;

		final CaseRecord.SourceRecord source;

		final boolean demo;

		final Instant publishedAt;

		final Instant updatedAt;

		final List<String> countries = new ArrayList<>(2);

		final List<String> sectors = new ArrayList<>(2);

		final List<String> stages = new ArrayList<>(2);

		final List<String> tags = new ArrayList<>(4);

		final List<CaseRecord.OrganisationRecord> organisations = new ArrayList<>(2);

		final List<CaseRecord.LinkRecord> links = new ArrayList<>(1);

		final List<CaseRecord.AttachmentRecord> attachments = new ArrayList<>(0);

		Row(ResultSet result) throws SQLException {
			this.id = result.getLong("id");
			this.slug = result.getString("slug");
			this.title = result.getString("title");
			this.language = result.getString("language");
			this.summary = result.getString("summary");
			this.overview = result.getString("overview");
			for (Section section : Section.values()) {
				this.sections.put(section, result.getString(section.name().toLowerCase(Locale.ROOT)));
			}
			int year = result.getInt("launch_year");
			this.launchYear = result.wasNull() ? null : year;
			this.level = result.getString("level_key");
			String place = result.getString("location_name");
			Double latitude = result.getObject("latitude", Double.class);
			Double longitude = result.getObject("longitude", Double.class);
			this.location = (place != null || latitude != null)
					? new CaseRecord.LocationRecord(place, latitude, longitude) : null;
			this.demo = result.getBoolean("demo");
			CaseRecord.SourceRecord source = new CaseRecord.SourceRecord(result.getString("source_name"),
					result.getString("source_url"), result.getString("licence"));
			this.source = (this.demo && source.equals(CaseRecord.SourceRecord.NONE)) ? DEMO : source;
			this.publishedAt = instant(result.getTimestamp("published_at"));
			this.updatedAt = instant(result.getTimestamp("updated_at"));
		}

		CaseRecord record() {
			return new CaseRecord(this.slug, this.title, this.language, this.summary, this.overview, this.sections,
					this.launchYear, this.level, ordered(Country.class, this.countries),
					ordered(Sector.class, this.sectors), ordered(InnovationStage.class, this.stages),
					ordered(Tag.class, this.tags), this.organisations, this.links, this.location, this.source,
					this.demo, this.publishedAt, this.updatedAt, this.attachments);
		}

		private List<String> ordered(Class<? extends TaxonomyTerm> taxonomy, Collection<String> keys) {
			return (keys.size() < 2) ? List.copyOf(keys) : CaseRecords.this.taxonomies.inOrder(taxonomy, keys);
		}

		private static Instant instant(Timestamp timestamp) {
			return (timestamp != null) ? timestamp.toInstant() : null;
		}

	}

}
