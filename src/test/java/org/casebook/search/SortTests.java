package org.casebook.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.casebook.CasebookIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every order the list offers puts results in that order, and paging through it shows
 * each result once.
 */
@CasebookIntegrationTest
class SortTests {

	static final Comparator<InnovationHit> PUBLISHED = Comparator.comparing(InnovationHit::publishedAt).reversed();

	@Autowired
	InnovationSearch search;

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
		List<InnovationHit> hits = all("digital", SearchSort.RELEVANCE);
		assertThat(hits).isNotEmpty();
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

	private static String folded(String title) {
		return Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
	}

}
