package org.casebook.sample;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.casebook.database.CopyRows;
import org.casebook.innovation.InnovationIds;
import org.casebook.innovation.Section;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes demo cases with PostgreSQL's COPY, a batch per transaction. Ids come from
 * {@code innovation_seq} in blocks of 50, the way Hibernate's pooled optimiser takes
 * them, so that cases created later through JPA never collide with generated ones.
 */
final class DemoDataWriter {

	private static final String INNOVATION_COLUMNS = "id, slug, title, summary, overview, what_makes_it_innovative, "
			+ "current_status, collaborations, users_and_stakeholders, results_and_impacts, challenges_and_failures, "
			+ "conditions_for_success, replication, lessons_learned, anything_else, launch_year, level_key, "
			+ "location_name, latitude, longitude, language, status, demo, created_at, updated_at, published_at";

	private final DataSource dataSource;

	DemoDataWriter(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** Adds the free tags that demo cases use; existing tags are left as they are. */
	void writeTags(List<DemoCaseGenerator.DemoTag> tags) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				var insert = connection
					.prepareStatement("INSERT INTO tag (key, label) VALUES (?, ?) ON CONFLICT (key) DO NOTHING")) {
			for (DemoCaseGenerator.DemoTag tag : tags) {
				if (tag.label() != null) {
					insert.setString(1, tag.key());
					insert.setString(2, tag.label());
					insert.addBatch();
				}
			}
			insert.executeBatch();
		}
	}

	/**
	 * Reserves ids for the cases and renders their rows; meant to run while the previous
	 * batch is being written.
	 */
	PreparedBatch prepare(List<DemoCase> cases) throws SQLException {
		long[] ids;
		try (Connection connection = this.dataSource.getConnection()) {
			ids = InnovationIds.reserve(connection, cases.size());
		}
		return new PreparedBatch(cases.size(), render(cases, ids));
	}

	/** Writes a prepared batch in one transaction. */
	void write(PreparedBatch batch) throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				CopyManager copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
				for (CopyRows table : batch.tables()) {
					table.copyTo(copyManager);
				}
				connection.commit();
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
			finally {
				connection.setAutoCommit(true);
			}
		}
	}

	private static List<CopyRows> render(List<DemoCase> cases, long[] ids) {
		CopyRows innovations = new CopyRows("innovation (" + INNOVATION_COLUMNS + ")");
		CopyRows countries = new CopyRows("innovation_country (innovation_id, country_code)");
		CopyRows sectors = new CopyRows("innovation_sector (innovation_id, sector_key)");
		CopyRows stages = new CopyRows("innovation_innovation_stage (innovation_id, stage_key)");
		CopyRows tags = new CopyRows("innovation_tag (innovation_id, tag_key)");
		CopyRows organisations = new CopyRows("innovation_organisation (innovation_id, position, name, type_key)");
		CopyRows links = new CopyRows("innovation_link (innovation_id, position, kind, url, title)");
		for (int i = 0; i < cases.size(); i++) {
			DemoCase demo = cases.get(i);
			long id = ids[i];
			innovations.row(innovationRow(id, demo));
			demo.countries().forEach((code) -> countries.row(id, code));
			demo.sectors().forEach((key) -> sectors.row(id, key));
			demo.stages().forEach((key) -> stages.row(id, key));
			demo.tags().forEach((key) -> tags.row(id, key));
			for (int position = 0; position < demo.organisations().size(); position++) {
				DemoCase.DemoOrganisation organisation = demo.organisations().get(position);
				organisations.row(id, position, organisation.name(), organisation.type());
			}
			if (demo.website() != null) {
				links.row(id, 0, "WEBSITE", demo.website(), null);
			}
		}
		return List.of(innovations, countries, sectors, stages, tags, organisations, links);
	}

	private static Object[] innovationRow(long id, DemoCase demo) {
		List<Object> row = new ArrayList<>(26);
		row.add(id);
		row.add(demo.slug());
		row.add(demo.title());
		row.add(demo.summary());
		row.add(demo.overview());
		Map<Section, String> sections = demo.sections();
		for (Section section : Section.values()) {
			row.add(sections.get(section));
		}
		row.add(demo.launchYear());
		row.add(demo.level());
		row.add((demo.location() != null) ? demo.location().name() : null);
		row.add((demo.location() != null) ? demo.location().latitude() : null);
		row.add((demo.location() != null) ? demo.location().longitude() : null);
		row.add(demo.language());
		row.add(demo.status().name());
		row.add(true);
		row.add(demo.createdAt());
		row.add((demo.publishedAt() != null) ? demo.publishedAt() : demo.createdAt());
		row.add(demo.publishedAt());
		return row.toArray();
	}

	/**
	 * Cases rendered for COPY, table by table, in an order that respects foreign keys.
	 */
	record PreparedBatch(int size, List<CopyRows> tables) {
	}

}
