package org.casebook.sample;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Tops the catalogue's demo cases up to the number asked for. Demo cases are marked as
 * such in the database; the generator is deterministic, so case {@code i} is the same on
 * every machine.
 */
@Service
public class DemoDataService {

	private static final Logger log = LoggerFactory.getLogger(DemoDataService.class);

	private final JdbcTemplate jdbc;

	private final DemoDataWriter writer;

	DemoDataService(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.writer = new DemoDataWriter(dataSource);
	}

	/**
	 * Generates the demo cases missing to reach {@code wanted}.
	 * @return how many cases were generated
	 */
	public int topUp(int wanted, long seed, int batchSize) throws SQLException {
		int existing = countDemoCases();
		if (existing >= wanted) {
			return 0;
		}
		DemoCaseGenerator generator = generator(seed);
		this.writer.writeTags(generator.tags());
		int missing = wanted - existing;
		log.info("Generating {} demo cases (seed {}), {} already there", missing, seed, existing);
		long start = System.nanoTime();
		long lastLog = start;
		List<DemoCase> batch = new ArrayList<>(batchSize);
		for (int index = existing; index < wanted; index++) {
			batch.add(generator.generate(index));
			if (batch.size() == batchSize || index == wanted - 1) {
				this.writer.write(batch);
				batch.clear();
				long now = System.nanoTime();
				if (now - lastLog > 5_000_000_000L || index == wanted - 1) {
					int done = index + 1 - existing;
					double seconds = (now - start) / 1e9;
					log.info("Demo data: {} / {} cases ({} cases/s, about {} s left)", done, missing,
							Math.round(done / seconds), Math.round((missing - done) * seconds / done));
					lastLog = now;
				}
			}
		}
		return missing;
	}

	public int countDemoCases() {
		Integer count = this.jdbc.queryForObject("SELECT count(*) FROM innovation WHERE demo", Integer.class);
		return (count != null) ? count : 0;
	}

	DemoCaseGenerator generator(long seed) {
		List<DemoCaseGenerator.DemoCountry> countries = this.jdbc.query(
				"SELECT code, name, latitude, longitude, area_km2, grouping FROM country ORDER BY code",
				(row, number) -> new DemoCaseGenerator.DemoCountry(row.getString(1), row.getString(2), row.getDouble(3),
						row.getDouble(4), row.getDouble(5), row.getBoolean(6)));
		return new DemoCaseGenerator(seed, countries, DemoPhrases.byLanguage());
	}

}
