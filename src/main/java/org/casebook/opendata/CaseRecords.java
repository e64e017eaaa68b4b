package org.casebook.opendata;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

	/**
	 * A batch of cases with their collections, in one statement, in the order of the
	 * slugs given: PostgreSQL gathers each case's collections itself rather than Java
	 * matching the rows of seven queries.
	 */
	private static final String PUBLISHED = """
			SELECT i.id, i.slug, i.title, i.language, i.summary, i.overview, i.what_makes_it_innovative,
				i.current_status, i.collaborations, i.users_and_stakeholders, i.results_and_impacts,
				i.challenges_and_failures, i.conditions_for_success, i.replication, i.lessons_learned, i.anything_else,
				i.launch_year, i.level_key, i.location_name, i.latitude, i.longitude, i.source_name, i.source_url,
				i.licence, i.demo, i.published_at, i.updated_at,
				ARRAY(SELECT country_code FROM innovation_country c WHERE c.innovation_id = i.id) AS countries,
				ARRAY(SELECT sector_key FROM innovation_sector c WHERE c.innovation_id = i.id) AS sectors,
				ARRAY(SELECT stage_key FROM innovation_innovation_stage c WHERE c.innovation_id = i.id) AS stages,
				ARRAY(SELECT tag_key FROM innovation_tag c WHERE c.innovation_id = i.id) AS tags,
				ARRAY(SELECT name FROM innovation_organisation c WHERE c.innovation_id = i.id
					ORDER BY position) AS organisations,
				ARRAY(SELECT type_key FROM innovation_organisation c WHERE c.innovation_id = i.id
					ORDER BY position) AS organisation_types,
				ARRAY(SELECT ARRAY[lower(kind), url, title] FROM innovation_link c
					WHERE c.innovation_id = i.id ORDER BY position) AS links,
				EXISTS (SELECT FROM attachment a WHERE a.innovation_id = i.id) AS has_attachments
			FROM unnest(?::varchar[]) WITH ORDINALITY AS wanted (slug, position)
			JOIN innovation i ON i.slug = wanted.slug
			WHERE i.status = 'PUBLISHED'
			ORDER BY wanted.position""";

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
		List<Row> rows = new ArrayList<>(slugs.size());
		this.jdbc.query((connection) -> {
			var statement = connection.prepareStatement(PUBLISHED);
			statement.setArray(1, connection.createArrayOf("varchar", slugs.toArray()));
			return statement;
		}, (ResultSet result) -> {
			rows.add(new Row(result));
		});
		Map<Long, Row> withFiles = new HashMap<>();
		for (Row row : rows) {
			if (row.hasAttachments) {
				withFiles.put(row.id, row);
			}
		}
		if (!withFiles.isEmpty()) {
			// Few cases have files: they are read for those alone.
			this.jdbc.query((connection) -> {
				var statement = connection.prepareStatement("""
						SELECT innovation_id, id, kind, media_type, file_name, size, sha256, description, width, height
						FROM attachment WHERE innovation_id = ANY (?) ORDER BY innovation_id, position, created_at""");
				statement.setArray(1, connection.createArrayOf("bigint", withFiles.keySet().toArray()));
				return statement;
			}, (ResultSet result) -> withFiles.get(result.getLong(1)).attachments
				.add(new CaseRecord.AttachmentRecord(result.getString(2), result.getString(3).toLowerCase(Locale.ROOT),
						result.getString(4), result.getString(5), result.getLong(6), result.getString(7),
						result.getString(8), result.getObject(9, Integer.class), result.getObject(10, Integer.class))));
		}
		List<CaseRecord> records = new ArrayList<>(rows.size());
		for (Row row : rows) {
			records.add(row.record());
		}
		return records;
	}

	/** A case as read, with its collections; its files are added after. */
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

		final List<String> countries;

		final List<String> sectors;

		final List<String> stages;

		final List<String> tags;

		final List<CaseRecord.OrganisationRecord> organisations;

		final List<CaseRecord.LinkRecord> links;

		final boolean hasAttachments;

		final List<CaseRecord.AttachmentRecord> attachments = new ArrayList<>(0);

		/** Reads the columns of {@link CaseRecords#PUBLISHED} by position. */
		Row(ResultSet result) throws SQLException {
			this.id = result.getLong(1);
			this.slug = result.getString(2);
			this.title = result.getString(3);
			this.language = result.getString(4);
			this.summary = result.getString(5);
			this.overview = result.getString(6);
			// The sections' columns follow in the order of Section.
			for (Section section : Section.values()) {
				this.sections.put(section, result.getString(7 + section.ordinal()));
			}
			int year = result.getInt(17);
			this.launchYear = result.wasNull() ? null : year;
			this.level = result.getString(18);
			String place = result.getString(19);
			double latitude = result.getDouble(20);
			boolean located = !result.wasNull();
			double longitude = result.getDouble(21);
			this.location = (place != null || located)
					? new CaseRecord.LocationRecord(place, located ? latitude : null, located ? longitude : null)
					: null;
			CaseRecord.SourceRecord source = new CaseRecord.SourceRecord(result.getString(22), result.getString(23),
					result.getString(24));
			this.demo = result.getBoolean(25);
			this.source = (this.demo && source.equals(CaseRecord.SourceRecord.NONE)) ? DEMO : source;
			this.publishedAt = instant(result.getTimestamp(26));
			this.updatedAt = instant(result.getTimestamp(27));
			this.countries = ordered(Country.class, strings(result, 28));
			this.sectors = ordered(Sector.class, strings(result, 29));
			this.stages = ordered(InnovationStage.class, strings(result, 30));
			this.tags = ordered(Tag.class, strings(result, 31));
			String[] names = strings(result, 32);
			String[] types = strings(result, 33);
			this.organisations = new ArrayList<>(names.length);
			for (int i = 0; i < names.length; i++) {
				this.organisations.add(new CaseRecord.OrganisationRecord(names[i], types[i]));
			}
			// Each link is an array of its kind, address and title (an empty array of
			// links has no second dimension).
			Object[] links = (Object[]) result.getArray(34).getArray();
			this.links = new ArrayList<>(links.length);
			for (Object cells : links) {
				String[] link = (String[]) cells;
				this.links.add(new CaseRecord.LinkRecord(link[0], link[1], link[2]));
			}
			this.hasAttachments = result.getBoolean(35);
		}

		CaseRecord record() {
			return new CaseRecord(this.slug, this.title, this.language, this.summary, this.overview, this.sections,
					this.launchYear, this.level, this.countries, this.sectors, this.stages, this.tags,
					this.organisations, this.links, this.location, this.source, this.demo, this.publishedAt,
					this.updatedAt, this.attachments);
		}

		private List<String> ordered(Class<? extends TaxonomyTerm> taxonomy, String[] keys) {
			return (keys.length < 2) ? Arrays.asList(keys)
					: CaseRecords.this.taxonomies.inOrder(taxonomy, Arrays.asList(keys));
		}

		private static String[] strings(ResultSet result, int column) throws SQLException {
			return (String[]) result.getArray(column).getArray();
		}

		private static Instant instant(Timestamp timestamp) {
			return (timestamp != null) ? timestamp.toInstant() : null;
		}

	}

}
