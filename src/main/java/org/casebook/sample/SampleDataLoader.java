package org.casebook.sample;

import org.casebook.database.EmbeddedPostgresServer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At startup, before Casebook reports itself ready: loads the seed cases into an empty
 * catalogue (once, ever) and tops the demo cases up to {@code casebook.demo.cases} (by
 * default, only on the embedded database: see {@link DemoProperties}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SampleDataLoader implements ApplicationRunner {

	private final SeedCaseLoader seedCases;

	private final DemoDataService demoData;

	private final DemoProperties demo;

	private final boolean embeddedDatabase;

	SampleDataLoader(SeedCaseLoader seedCases, DemoDataService demoData, DemoProperties demo,
			ObjectProvider<EmbeddedPostgresServer> embeddedDatabase) {
		this.seedCases = seedCases;
		this.demoData = demoData;
		this.demo = demo;
		this.embeddedDatabase = embeddedDatabase.getIfAvailable() != null;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		this.seedCases.loadOnce();
		this.demoData.topUp(this.demo.casesOn(this.embeddedDatabase), this.demo.seed(), this.demo.batchSize());
	}

}
