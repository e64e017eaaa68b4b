package org.casebook.search.index;

import java.io.IOException;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At startup, after the sample data is loaded and before Casebook reports itself ready:
 * makes sure the index holds exactly the published cases.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
@ConditionalOnBooleanProperty(name = "casebook.search.check-on-startup", matchIfMissing = true)
class SearchIndexStartup implements ApplicationRunner {

	private final SearchIndexMaintenance maintenance;

	SearchIndexStartup(SearchIndexMaintenance maintenance) {
		this.maintenance = maintenance;
	}

	@Override
	public void run(ApplicationArguments args) throws InterruptedException, IOException {
		this.maintenance.startup();
	}

}
