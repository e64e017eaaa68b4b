package org.casebook.search.lucene;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.EntityManager;
import org.casebook.CasebookIntegrationTest;
import org.casebook.innovation.Innovation;
import org.casebook.search.InnovationSearch;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What searches read from each index segment is read before Casebook is ready, and for
 * new segments in the background, not inside a user's search.
 */
@CasebookIntegrationTest
class SearchWarmerTests {

	@Autowired
	LuceneInnovationSearch search;

	@Autowired
	EntityManager entityManager;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void aNewSegmentIsReadInTheBackgroundBeforeAnySearchNeedsIt() throws Exception {
		this.transaction.executeWithoutResult((status) -> {
			Innovation innovation = new Innovation("warmer-new-segment", "A case in a segment of its own", "en",
					Instant.now());
			innovation.publish(Instant.now());
			this.entityManager.persist(innovation);
		});
		// No search runs here: only the warmer can read the new segment.
		long start = System.nanoTime();
		while (!this.search.warmed()) {
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
			Thread.sleep(50);
		}
		assertThat(this.search.warm()).as("segments left for a search to read").isZero();
	}

}
