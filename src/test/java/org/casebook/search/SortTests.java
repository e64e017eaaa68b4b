package org.casebook.search;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.persistence.EntityManager;
import org.casebook.CasebookIntegrationTest;
import org.casebook.innovation.Innovation;
import org.casebook.search.index.IndexStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every order the list offers puts results in that order, and paging through it shows
 * each result once.
 */
@CasebookIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SortTests {

	static final Comparator<InnovationHit> PUBLISHED = Comparator.comparing(InnovationHit::publishedAt).reversed();

	@Autowired
	InnovationSearch search;

	@Autowired
	EntityManager entityManager;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	IndexStorage indexStorage;

	@BeforeAll
	void addCases() {
		Instant now = Instant.now();
		// The tied pair indexed older first, so that index order alone would put it
		// first.
		publish("sort-many", "Quillomatic kiosks", "Quillomatic forms, quillomatic help and a quillomatic desk.",
				now.minus(Duration.ofDays(3)));
		publish("sort-once", "Kiosks for towns", "Forms, help and a desk, once called quillomatic.",
				now.minus(Duration.ofDays(2)));
		publish("sort-tie-older", "Kiosks for villages", "Forms and a quillomatic desk.",
				now.minus(Duration.ofDays(1)));
		publish("sort-tie-newer", "Kiosks for villages", "Forms and a quillomatic desk.", now);
		indexed();
	}

	@AfterAll
	void removeCases() {
		this.transaction.executeWithoutResult((status) -> this.entityManager
			.createQuery("select i from Innovation i where i.slug like 'sort-%'", Innovation.class)
			.getResultList()
			.forEach(this.entityManager::remove));
		indexed();
	}

	@Test
	void newestYearOfLaunchFirstThenRecentlyPublishedAndCasesWithoutAYearLast() {
		assertOrdered(SearchSort.NEWEST,
				Comparator.comparing(InnovationHit::launchYear, Comparator.nullsLast(Comparator.reverseOrder()))
					.thenComparing(PUBLISHED));
	}

	@Test
	void oldestYearOfLaunchFirstThenRecentlyPublishedAndCasesWithoutAYearLast() {
		assertOrdered(SearchSort.OLDEST,
				Comparator.comparing(InnovationHit::launchYear, Comparator.nullsLast(Comparator.naturalOrder()))
					.thenComparing(PUBLISHED));
	}

	@Test
	void recentlyPublishedFirst() {
		assertOrdered(SearchSort.PUBLISHED, PUBLISHED);
	}

	@Test
	void titlesFromAToZIgnoringCaseAndAccents() {
		assertOrdered(SearchSort.TITLE, Comparator.comparing((hit) -> folded(hit.title())));
	}

	@Test
	void relevanceWithKeywordsThenRecentlyPublished() {
		List<String> slugs = all("quillomatic", SearchSort.RELEVANCE).stream().map(InnovationHit::slug).toList();
		// The most relevant first though published first; equally relevant, the most
		// recently published first though indexed last.
		assertThat(slugs).containsExactlyInAnyOrder("sort-many", "sort-once", "sort-tie-older", "sort-tie-newer")
			.startsWith("sort-many");
		assertThat(slugs.indexOf("sort-tie-newer")).isLessThan(slugs.indexOf("sort-tie-older"));

		List<InnovationHit> hits = all("digital", SearchSort.RELEVANCE);
		assertThat(hits).hasSize((int) this.search.search(query("digital", SearchSort.RELEVANCE, 1)).total())
			.hasSizeGreaterThan(50);
		assertThat(new HashSet<>(hits.stream().map(InnovationHit::slug).toList())).hasSameSizeAs(hits);
	}

	private void assertOrdered(SearchSort sort, Comparator<InnovationHit> order) {
		List<InnovationHit> hits = all("", sort);
		assertThat(hits).hasSize((int) this.search.search(query("", sort, 1)).total());
		assertThat(hits).isSortedAccordingTo(order);
		assertThat(new HashSet<>(hits.stream().map(InnovationHit::slug).toList())).hasSameSizeAs(hits);
	}

	/** Every result, page by page. */
	private List<InnovationHit> all(String text, SearchSort sort) {
		List<InnovationHit> hits = new ArrayList<>();
		for (int page = 1;; page++) {
			SearchResults results = this.search.search(query(text, sort, page));
			hits.addAll(results.page().items());
			if (!results.page().hasNext()) {
				return hits;
			}
		}
	}

	private static SearchQuery query(String text, SearchSort sort, int page) {
		return new SearchQuery(text, Map.of(), null, null, sort, page, 50);
	}

	private void publish(String slug, String title, String summary, Instant when) {
		this.transaction.executeWithoutResult((status) -> {
			Innovation innovation = new Innovation(slug, title, "en", when);
			innovation.setSummary(summary);
			innovation.publish(when);
			this.entityManager.persist(innovation);
		});
	}

	private static String folded(String title) {
		return Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
	}

	/**
	 * Waits until what was committed is searchable: at once with the Lucene engine, once
	 * the outbox is processed with OpenSearch's.
	 */
	private void indexed() {
		try {
			assertThat(this.indexStorage.awaitIndexing(Duration.ofSeconds(30))).as("indexed in time").isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
