package org.casebook.search;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;
import org.casebook.CasebookIntegrationTest;
import org.casebook.innovation.Innovation;
import org.casebook.innovation.Location;
import org.casebook.taxonomy.Tag;
import org.casebook.search.index.IndexStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the search seam answers besides the list page, on the real index: the cases most
 * like a text (what a new submission may duplicate), the located results inside an area
 * (a spot of the map), and every match of a search in the list's order (exports).
 */
@CasebookIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeamTests {

	/** More than one of {@code forEachMatch}'s batches of 1000 results. */
	static final int EXPORT_CASES = 1200;

	/** Six words no other case has. */
	static final String RARE_WORDS = "Brambleshank quorvid tessilate mordune plivvet graunch";

	/** Crosses the antimeridian: from 170° east to 165° west, around Fiji and Samoa. */
	static final MapArea PACIFIC = new MapArea(3, 170, -25, -165, -5);

	@Autowired
	InnovationSearch search;

	@Autowired
	EntityManager entityManager;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	IndexStorage indexStorage;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeAll
	void addCases() {
		Instant now = Instant.now();
		this.transaction.executeWithoutResult((status) -> {
			addSimilarCases(now);
			addLocatedCases(now);
			addRelatedCases(now);
			addExportCases(now);
		});
		this.transaction.executeWithoutResult((status) -> find("seam-similar-archived").archive(Instant.now()));
		indexed();
	}

	/**
	 * Three cases of the same length sharing six, four and two of the rare words, the
	 * least alike published last (recency alone would put it first); a draft and a case
	 * to be archived with all six.
	 */
	private void addSimilarCases(Instant now) {
		published("seam-similar-most", "Kiosk pilot", RARE_WORDS + ".", null, now.minus(Duration.ofHours(3)));
		published("seam-similar-more", "Kiosk pilot", "Brambleshank quorvid tessilate mordune harbour meadow.", null,
				now.minus(Duration.ofHours(2)));
		published("seam-similar-less", "Kiosk pilot", "Brambleshank quorvid harbour meadow lantern orchard.", null,
				now.minus(Duration.ofHours(1)));
		persist(innovation("seam-similar-draft", "Kiosk pilot", RARE_WORDS + ".", null));
		published("seam-similar-archived", "Kiosk pilot", RARE_WORDS + ".", null, now);
	}

	/**
	 * Two cases on either side of the antimeridian, one far away, one without a place and
	 * a draft; launched in the opposite order to their publication.
	 */
	private void addLocatedCases(Instant now) {
		published("seam-atoll-far", "Atoll ferries", "Atoll ferry timetables.", new Location("Lisbon", 38.72, -9.14),
				now.minus(Duration.ofHours(3)))
			.setLaunchYear(2001);
		published("seam-atoll-east", "Atoll ferries", "Atoll ferry timetables.", new Location("Suva", -18.14, 178.44),
				now.minus(Duration.ofHours(2)))
			.setLaunchYear(2010);
		published("seam-atoll-west", "Atoll ferries", "Atoll ferry timetables.", new Location("Apia", -13.83, -171.76),
				now.minus(Duration.ofHours(1)))
			.setLaunchYear(2020);
		published("seam-atoll-unlocated", "Atoll ferries", "Atoll ferry timetables.", null, now);
		persist(innovation("seam-atoll-draft", "Atoll ferries", "Atoll ferry timetables.",
				new Location("Levuka", -17.68, 178.84)));
	}

	/**
	 * Cases sharing three, two and one of three tags no other case has with a fourth, the
	 * one sharing fewest published last; and a draft sharing all three.
	 */
	private void addRelatedCases(Instant now) {
		List<Tag> tags = this.entityManager
			.createQuery("select t from Tag t where not exists (select i from Innovation i where t member of i.tags) "
					+ "order by t.key", Tag.class)
			.setMaxResults(3)
			.getResultList();
		assertThat(tags).hasSize(3);
		published("seam-related-origin", "Tagged", "A case.", null, now).getTags().addAll(tags);
		published("seam-related-three", "Tagged", "A case.", null, now.minus(Duration.ofHours(3))).getTags()
			.addAll(tags);
		published("seam-related-two", "Tagged", "A case.", null, now.minus(Duration.ofHours(2))).getTags()
			.addAll(tags.subList(0, 2));
		published("seam-related-one", "Tagged", "A case.", null, now.minus(Duration.ofHours(1))).getTags()
			.add(tags.get(2));
		persist(innovation("seam-related-draft", "Tagged", "A case.", null)).getTags().addAll(tags);
	}

	/**
	 * Three levels of relevance, seven publication times and twenty years of launch: many
	 * ties, broken by the orders' later keys.
	 */
	private void addExportCases(Instant now) {
		for (int i = 0; i < EXPORT_CASES; i++) {
			published("seam-export-%04d".formatted(i), "Export ledger case " + i,
					"Tallow ".repeat(1 + i % 3) + "in the ledger.", null,
					now.minus(Duration.ofDays(1)).minus(Duration.ofMinutes(i % 7)))
				.setLaunchYear((i % 10 == 0) ? null : 2000 + i % 20);
		}
	}

	@AfterAll
	void removeCases() {
		this.transaction.executeWithoutResult((status) -> this.entityManager
			.createQuery("select i from Innovation i where i.slug like 'seam-%'", Innovation.class)
			.getResultList()
			.forEach(this.entityManager::remove));
		indexed();
	}

	@Test
	void aNearCopyOfACasesTextFindsThatCaseFirst() {
		List<Map<String, Object>> cases = this.jdbc.queryForList("""
				(SELECT slug, title, summary, overview, language FROM innovation
				 WHERE status = 'PUBLISHED' AND NOT demo ORDER BY id LIMIT 5)
				UNION ALL
				(SELECT slug, title, summary, overview, language FROM innovation
				 WHERE status = 'PUBLISHED' AND demo ORDER BY id LIMIT 5)""");
		assertThat(cases).hasSize(10);
		for (Map<String, Object> row : cases) {
			String text = nearCopy(String.join("\n\n", texts(row)));
			String language = (String) row.get("language");
			assertThat(slugs(this.search.similar(text, language, 5))).as(text).first().isEqualTo(row.get("slug"));
			// Compared language-neutral only, too.
			assertThat(slugs(this.search.similar(text, null, 5))).as(text).first().isEqualTo(row.get("slug"));
		}
	}

	@Test
	void mostAlikeFirstAndOnlyPublishedCases() {
		// The draft and the archived case have every word: they are not in the catalogue.
		assertThat(slugs(this.search.similar(RARE_WORDS, "en", 10))).containsExactly("seam-similar-most",
				"seam-similar-more", "seam-similar-less");
		assertThat(slugs(this.search.similar("A kiosk for " + RARE_WORDS.toLowerCase() + ", please.", "en", 2)))
			.containsExactly("seam-similar-most", "seam-similar-more");
	}

	@Test
	void unrelatedTextDoesNotRankACaseFirst() {
		String slug = "anonymous-foi-requests-brazil";
		String text = "Sandbags and pumps kept the river out of the old town during the spring floods of the year.";
		List<String> similar = slugs(this.search.similar(text, "en", 5));
		assertThat(similar).isNotEmpty().first().isNotEqualTo(slug);
		// And its own text does.
		String own = nearCopy(String.join("\n\n",
				texts(this.jdbc.queryForMap("SELECT title, summary, overview FROM innovation WHERE slug = ?", slug))));
		assertThat(slugs(this.search.similar(own, "en", 5))).first().isEqualTo(slug);
	}

	@Test
	void noTextOrWordsNoCaseHasGiveNoSimilarCases() {
		for (String text : new String[] { null, "", "  \n\t " }) {
			assertThat(this.search.similar(text, "en", 5)).as("[" + text + "]").isEmpty();
		}
		assertThat(this.search.similar("Xqzzyvoth wlorptange", "en", 5)).isEmpty();
		assertThat(this.search.similar("The and of, in the: to be or not to be, it is.", "en", 5)).isEmpty();
		assertThat(this.search.similar(RARE_WORDS, "en", 0)).isEmpty();
	}

	@Test
	void onlyTheStartOfAVeryLongTextIsRead() {
		// Two million characters of stop words, which are never looked for.
		String filler = " the and of".repeat(200_000);
		assertThat(slugs(this.search.similar(RARE_WORDS + filler, "en", 5))).first().isEqualTo("seam-similar-most");
		assertThat(this.search.similar(filler + " " + RARE_WORDS, "en", 5)).isEmpty();
		// A text of thousands of different words a case has is looked for by a few.
		String words = this.jdbc
			.queryForList("SELECT summary FROM innovation WHERE status = 'PUBLISHED' ORDER BY id LIMIT 200",
					String.class)
			.stream()
			.filter(Objects::nonNull)
			.collect(Collectors.joining(" "));
		assertThat(words.length()).isGreaterThan(InnovationSearch.SIMILAR_TEXT_LENGTH);
		assertThat(this.search.similar(words, "en", 5)).hasSize(5);
	}

	@Test
	void relatedCasesShareTheMostTagsFirstNeverTheCaseItselfOrAnUnpublishedOne() {
		List<InnovationHit> related = this.transaction
			.execute((status) -> this.search.related(find("seam-related-origin"), 5));
		assertThat(slugs(related)).containsExactly("seam-related-three", "seam-related-two", "seam-related-one");
	}

	@Test
	void everyMatchOnceInTheListsOrderMoreThanABatchWithKeywordsAndAFilter() {
		SearchQuery query = new SearchQuery("tallow", Map.of(), 2000, null, null, 1, 100);
		assertThat(this.search.search(query).total()).isGreaterThan(1000);
		assertEveryMatchInOrder(query);
	}

	@Test
	void everyMatchOnceInTheListsOrderInEveryOrder() {
		assertEveryMatchInOrder(new SearchQuery("", Map.of(), null, null, null, 1, 100));
		for (SearchSort sort : SearchSort.values()) {
			assertEveryMatchInOrder(new SearchQuery("tallow ledger", Map.of(), null, 2012, sort, 1, 100));
		}
	}

	@Test
	void everyMatchOnceInTheListsOrderWithFacetFilters() {
		SearchResults digital = this.search.search(new SearchQuery("digital", Map.of(), null, null, null, 1, 100));
		String country = digital.facets().get(Facet.COUNTRY).get(0).key();
		String sector = digital.facets().get(Facet.SECTOR).get(0).key();
		SearchQuery filtered = new SearchQuery("digital", Map.of(Facet.COUNTRY, Set.of(country)), 1995, null, null, 1,
				100);
		assertThat(this.search.search(filtered).total()).isGreaterThan(1);
		assertEveryMatchInOrder(filtered);
		assertEveryMatchInOrder(
				new SearchQuery("", Map.of(Facet.SECTOR, Set.of(sector)), null, null, SearchSort.OLDEST, 1, 100));
	}

	/**
	 * An export is a snapshot of the index when it starts: a case removed after its first
	 * batch is still handed, a case added then is not (OpenSearch: a point in time;
	 * Lucene: one searcher for the whole export). Both fall in a later batch than the
	 * first.
	 */
	@Test
	void anExportListsTheCasesOfItsStartWhateverChangesMeanwhile() {
		Instant now = Instant.now();
		this.transaction.executeWithoutResult((status) -> published("seam-export-removed",
				"Export ledger case zzz removed", "Tallow in the ledger.", null, now));
		indexed();
		SearchQuery ledger = new SearchQuery("ledger", Map.of(), null, null, SearchSort.TITLE, 1, 20);
		List<InnovationHit> listed = paged(ledger);
		List<String> before = slugs(listed);
		// After the first batch (1000 cases): past the export cases, "Export ledger case
		// 0000" to "1199".
		assertThat(before.indexOf("seam-export-removed")).isGreaterThanOrEqualTo(EXPORT_CASES);
		List<Long> handed = new ArrayList<>();
		try {
			long count = this.search.forEachMatch(ledger, (batch) -> {
				if (handed.isEmpty()) {
					this.transaction.executeWithoutResult((status) -> {
						this.entityManager.remove(find("seam-export-removed"));
						published("seam-export-added", "Export ledger case zzz added", "Tallow in the ledger.", null,
								now);
					});
					indexed();
					// Searches started now see the change.
					List<String> after = slugs(paged(ledger));
					assertThat(after).contains("seam-export-added").doesNotContain("seam-export-removed");
				}
				handed.addAll(batch);
			});
			assertThat(handed).isEqualTo(ids(listed));
			assertThat(count).isEqualTo(before.size());
		}
		finally {
			this.transaction.executeWithoutResult((status) -> this.entityManager
				.createQuery("select i from Innovation i where i.slug in ('seam-export-added', 'seam-export-removed')",
						Innovation.class)
				.getResultList()
				.forEach(this.entityManager::remove));
			indexed();
		}
	}

	@Test
	void noMatchNothingHanded() {
		List<Long> handed = new ArrayList<>();
		assertThat(this.search.forEachMatch(new SearchQuery("zzqqxxv ", Map.of(), null, null, null, 1, 20),
				handed::addAll))
			.isZero();
		assertThat(handed).isEmpty();
	}

	@Test
	void locatedResultsInsideAnAreaAcrossTheAntimeridianInTheSearchsOrder() {
		SearchQuery atoll = new SearchQuery("atoll ferry ", Map.of(), null, null, SearchSort.PUBLISHED, 1, 20);
		// Not the case far away, the unlocated one or the draft.
		assertThat(slugs(this.search.located(atoll, PACIFIC, 10))).containsExactly("seam-atoll-west",
				"seam-atoll-east");
		assertThat(slugs(this.search.located(atoll, PACIFIC, 1))).containsExactly("seam-atoll-west");
		assertThat(slugs(this.search.located(atoll, MapArea.WORLD, 10))).containsExactly("seam-atoll-west",
				"seam-atoll-east", "seam-atoll-far");
		SearchQuery oldest = new SearchQuery("atoll ferry ", Map.of(), null, null, SearchSort.OLDEST, 1, 20);
		assertThat(slugs(this.search.located(oldest, MapArea.WORLD, 10))).containsExactly("seam-atoll-far",
				"seam-atoll-east", "seam-atoll-west");
	}

	@Test
	void locatedResultsAreTheSearchsFirstResultsInsideTheArea() {
		Map<String, Object> somewhere = this.jdbc.queryForMap(
				"SELECT latitude, longitude FROM innovation WHERE status = 'PUBLISHED' AND demo AND latitude IS NOT NULL ORDER BY id LIMIT 1");
		double lat = ((Number) somewhere.get("latitude")).doubleValue();
		double lon = ((Number) somewhere.get("longitude")).doubleValue();
		List<MapArea> areas = List.of(MapArea.WORLD, new MapArea(4, -12, 34, 32, 62),
				new MapArea(6, lon - 3, lat - 2, lon + 3, lat + 2), PACIFIC);
		List<SearchQuery> queries = List.of(new SearchQuery("", Map.of(), null, null, null, 1, 100),
				new SearchQuery("digital", Map.of(), null, null, null, 1, 100),
				new SearchQuery("", Map.of(), 2005, null, SearchSort.TITLE, 1, 100));
		int compared = 0;
		for (SearchQuery query : queries) {
			List<InnovationHit> all = paged(query);
			for (MapArea area : areas) {
				List<String> inside = all.stream()
					.filter((hit) -> hit.point() != null && inside(hit.point(), area))
					.map(InnovationHit::slug)
					.toList();
				for (int max : new int[] { 3, 100 }) {
					assertThat(slugs(this.search.located(query, area, max))).as(query + " in " + area + ", " + max)
						.isEqualTo(inside.subList(0, Math.min(max, inside.size())));
				}
				compared += inside.isEmpty() ? 0 : 1;
			}
		}
		assertThat(compared).as("searches and areas with located results").isGreaterThanOrEqualTo(8);
	}

	/**
	 * {@code forEachMatch} hands what paging through the list shows, case for case, each
	 * once, and counts them.
	 */
	private void assertEveryMatchInOrder(SearchQuery query) {
		List<Long> handed = new ArrayList<>();
		long count = this.search.forEachMatch(query, handed::addAll);
		assertThat(handed).as(query.toString()).isNotEmpty().isEqualTo(ids(paged(query)));
		assertThat(count).isEqualTo(handed.size()).isEqualTo(this.search.search(query).total());
		assertThat(new HashSet<>(handed)).hasSameSizeAs(handed);
	}

	/** Every result of a search, page by page. */
	private List<InnovationHit> paged(SearchQuery query) {
		List<InnovationHit> hits = new ArrayList<>();
		for (int page = 1;; page++) {
			SearchResults results = this.search.search(query.withPage(page));
			hits.addAll(results.page().items());
			if (!results.page().hasNext()) {
				return hits;
			}
		}
	}

	private static boolean inside(Coordinates point, MapArea area) {
		boolean longitude = area.crossesAntimeridian()
				? point.longitude() >= area.west() || point.longitude() <= area.east()
				: point.longitude() >= area.west() && point.longitude() <= area.east();
		return longitude && point.latitude() >= area.south() && point.latitude() <= area.north();
	}

	private static List<String> texts(Map<String, Object> row) {
		return Stream.of(row.get("title"), row.get("summary"), row.get("overview"))
			.filter(Objects::nonNull)
			.map(Object::toString)
			.toList();
	}

	/** The text as someone might submit it again: a word in six left out, lower case. */
	private static String nearCopy(String text) {
		String[] words = text.split("\\s+");
		StringBuilder copy = new StringBuilder();
		for (int i = 0; i < words.length; i++) {
			if (i % 6 != 5) {
				copy.append(words[i].toLowerCase()).append(' ');
			}
		}
		return copy.toString();
	}

	private static List<String> slugs(List<InnovationHit> hits) {
		return hits.stream().map(InnovationHit::slug).toList();
	}

	private static List<Long> ids(List<InnovationHit> hits) {
		return hits.stream().map(InnovationHit::id).toList();
	}

	private Innovation find(String slug) {
		return this.entityManager.createQuery("select i from Innovation i where i.slug = :slug", Innovation.class)
			.setParameter("slug", slug)
			.getSingleResult();
	}

	private Innovation published(String slug, String title, String summary, Location location, Instant when) {
		Innovation innovation = innovation(slug, title, summary, location);
		innovation.publish(when);
		return persist(innovation);
	}

	private static Innovation innovation(String slug, String title, String summary, Location location) {
		Innovation innovation = new Innovation(slug, title, "en", Instant.now());
		innovation.setSummary(summary);
		innovation.setLocation(location);
		return innovation;
	}

	private Innovation persist(Innovation innovation) {
		this.entityManager.persist(innovation);
		return innovation;
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
