package org.casebook.sample;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
		// The next batch is generated while PostgreSQL writes this one.
		ExecutorService preparer = Executors.newSingleThreadExecutor((task) -> new Thread(task, "demo-generator"));
		try {
			Future<DemoDataWriter.PreparedBatch> next = preparer
				.submit(() -> prepare(generator, existing, Math.min(wanted, existing + batchSize)));
			int done = 0;
			for (int from = existing; from < wanted; from += batchSize) {
				DemoDataWriter.PreparedBatch batch = next.get();
				int nextFrom = from + batchSize;
				if (nextFrom < wanted) {
					next = preparer.submit(() -> prepare(generator, nextFrom, Math.min(wanted, nextFrom + batchSize)));
				}
				this.writer.write(batch);
				done += batch.size();
				long now = System.nanoTime();
				if (now - lastLog > 5_000_000_000L || done == missing) {
					double seconds = (now - start) / 1e9;
					log.info("Demo data: {} / {} cases ({} cases/s, about {} s left)", done, missing,
							Math.round(done / seconds), Math.round((missing - done) * seconds / done));
					lastLog = now;
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while generating demo data", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Could not generate demo data", ex.getCause());
		}
		finally {
			preparer.shutdownNow();
		}
		return missing;
	}

	private DemoDataWriter.PreparedBatch prepare(DemoCaseGenerator generator, int from, int to) throws SQLException {
		List<DemoCase> cases = new ArrayList<>(to - from);
		for (int index = from; index < to; index++) {
			cases.add(generator.generate(index));
		}
		return this.writer.prepare(cases);
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
