package org.casebook.search;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import org.casebook.CasebookIntegrationTest;
import org.casebook.innovation.Innovation;
import org.casebook.innovation.Section;
import org.casebook.search.web.MatchMarks;
import org.casebook.search.index.IndexStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How keywords find cases: languages, accents, symbols, phrases, prefixes, typos,
 * ranking.
 */
@CasebookIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeywordSearchTests {

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
		publish("kw-english-consultation", "en", "Quarterly listening sessions",
				"The Kelvinbridge council ran a consultation with tenants about the 21st century library.",
				Map.of(Section.LESSONS_LEARNED, "Open procurement made the pilot cheaper."));
		publish("kw-scattered", "en", "Tender reform", "Procurement rules were rewritten to be open to small firms.",
				Map.of(Section.RESULTS_AND_IMPACTS, "The pilot doubled the number of bids."));
		publish("kw-rank-title", "en", "Zorbulax housing grants", "Grants for young families.", Map.of());
		publish("kw-rank-summary", "en", "Housing grants, again", "A scheme in the spirit of Zorbulax.", Map.of());
		publish("kw-rank-body", "en", "Housing grants, once more", "A scheme for families.",
				Map.of(Section.REPLICATION, "Replicated from Zorbulax."));
		publish("kw-portuguese", "pt", "Orçamentos participativos", "As câmaras municipais abriram orçamentos.",
				Map.of());
	}

	@AfterAll
	void removeCases() {
		this.transaction.executeWithoutResult((status) -> this.entityManager
			.createQuery("select i from Innovation i where i.slug like 'kw-%'", Innovation.class)
			.getResultList()
			.forEach(this.entityManager::remove));
		indexed();
	}

	@Test
	void accentsAreFolded() {
		assertThat(slugs("decret")).contains("un-decret-par-tous-un-decret-pour-tous");
		assertThat(slugs("décret")).contains("un-decret-par-tous-un-decret-pour-tous");
		assertThat(slugs("DÉCRET")).contains("un-decret-par-tous-un-decret-pour-tous");
	}

	@Test
	void eachLanguageIsStemmed() {
		// Words too far apart for a typo: only stemming makes them one.
		// English: "consulted" finds a case that says "consultation" (both "consult").
		assertThat(slugs("consulted kelvinbridge")).contains("kw-english-consultation");
		// Portuguese: "municipal" finds the plural "municipais".
		assertThat(slugs("orcamento municipal ")).contains("kw-portuguese");
		// French elision: "associer" finds "d’associer", which language-neutral text
		// keeps as one word.
		assertThat(slugs("associer ")).contains("un-decret-par-tous-un-decret-pour-tous");
	}

	@Test
	void aFrenchQueryFindsAnEnglishCaseUsingTheSameWord() {
		assertThat(slugs("la consultation de Kelvinbridge")).contains("kw-english-consultation");
	}

	@Test
	void wordsWithSymbolsOrDigitsAreFindable() {
		assertThat(slugs("Make.org")).contains("make-org-consultation-citoyenne");
		assertThat(slugs("1600%")).contains("govtech-poland-challenge-based-procurement");
		assertThat(slugs("21st")).containsExactly("kw-english-consultation");
	}

	@Test
	void quotedPhrasesMatchWholePhrases() {
		assertThat(slugs("open procurement")).contains("kw-english-consultation", "kw-scattered");
		assertThat(slugs("\"open procurement\"")).contains("kw-english-consultation").doesNotContain("kw-scattered");
	}

	@Test
	void aMinusSignExcludesAWord() {
		assertThat(slugs("procurement pilot")).contains("kw-english-consultation", "kw-scattered");
		// GovTech Poland's summary mentions "a pilot run", so it goes too.
		assertThat(slugs("procurement -pilot")).isNotEmpty()
			.doesNotContain("kw-english-consultation", "kw-scattered", "govtech-poland-challenge-based-procurement");
		assertThat(slugs("kelvinbridge -\"open procurement\"")).isEmpty();
	}

	@Test
	void theLastWordMatchesAsAPrefixWhileTyping() {
		assertThat(slugs("kelvinbr")).containsExactly("kw-english-consultation");
		assertThat(slugs("kelvinbr ")).isEmpty();
		assertThat(slugs("kelvinbr library")).isEmpty();
	}

	@Test
	void typosAreToleratedInWordsOfFiveLettersOrMore() {
		assertThat(slugs("kelvinbrigde library ")).contains("kw-english-consultation");
		assertThat(slugs("zorbulux ")).contains("kw-rank-title");
		// "libary" has six letters and one missing: found. "21sx", one letter away from
		// "21st", is too short to be forgiven.
		assertThat(slugs("libary kelvinbridge")).contains("kw-english-consultation");
		assertThat(slugs("21sx ")).doesNotContain("kw-english-consultation");
	}

	@Test
	void matchedWordsAreMarkedInTheSummaryAndTheRestIsEscaped() {
		publish("kw-markup", "en", "Markup in summaries", "Tags like <script> & \"quotes\" stay text for Zanzibarite.",
				Map.of());
		MatchMarks marks = new MatchMarks();
		InnovationHit hit = this.search.search(query("zanzibarite ")).page().items().get(0);
		assertThat(marks.summary(hit))
			.isEqualTo("Tags like &lt;script&gt; &amp; &quot;quotes&quot; stay text for <em>Zanzibarite</em>.");
		// The word being typed is marked by its prefix, a typo by the word it stands for.
		assertThat(marks.summary(this.search.search(query("Kelvinbr")).page().items().get(0)))
			.contains("<em>Kelvinbridge</em>");
		assertThat(marks.summary(this.search.search(query("kelvinbrigde ")).page().items().get(0)))
			.contains("<em>Kelvinbridge</em>");
		// No keywords, no marks.
		assertThat(this.search.search(SearchQuery.all()).page().items())
			.allSatisfy((item) -> assertThat(item.summaryMatches()).isEmpty());
	}

	@Test
	void wordsAreMarkedAnywhereInALongSummary() {
		String summary = "A long summary about nothing in particular. ".repeat(20) + "Its last word is Quillbarrow.";
		publish("kw-long-summary", "en", "A long summary", summary, Map.of());
		InnovationHit hit = this.search.search(query("quillbarrow ")).page().items().get(0);
		assertThat(hit.summaryMatches())
			.containsExactly(new TextRange(summary.length() - "Quillbarrow.".length(), summary.length() - 1));
	}

	@Test
	void titleMatchesRankFirstThenSummaryThenText() {
		assertThat(slugs("zorbulax")).containsExactly("kw-rank-title", "kw-rank-summary", "kw-rank-body");
	}

	@Test
	void luceneSyntaxIsJustText() {
		// Symbols alone are no words: they ask for nothing, and everything is found.
		long everything = this.search.search(SearchQuery.all()).total();
		for (String symbols : List.of("\\", "/", "*", "*:*", "?", "\"", "-", "((((", "&& || !", "~", "- - -", "{!}")) {
			assertThat(this.search.search(query(symbols)).total()).as(symbols).isEqualTo(everything);
		}
		// Read as Lucene's syntax, this would find the one case without "families"; read
		// as words (and, or and not are stop words: optional), the two with it.
		assertThat(slugs("zorbulax AND (grants OR housing) NOT families"))
			.containsExactlyInAnyOrder("kw-rank-title", "kw-rank-body")
			.isEqualTo(slugs("zorbulax and grants or housing not families"));
		// A field name, a boost, a fuzzy or a range are letters and digits like any
		// other.
		assertThat(slugs("title:zorbulax")).as("one word, in no case").isEmpty();
		assertThat(slugs("zorbulax^3 ")).isEmpty();
		assertThat(slugs("zorbulax~2 ")).isEmpty();
		assertThat(slugs("[kelvinbridge TO tenants]")).containsExactly("kw-english-consultation")
			.isEqualTo(slugs("kelvinbridge to tenants "));
		assertThat(slugs("\"open procurement")).isEqualTo(slugs("\"open procurement\""))
			.contains("kw-english-consultation")
			.doesNotContain("kw-scattered");
		for (String hostile : List.of("title:(foo AND bar~2)^3", "{!lucene}", "a:b:c")) {
			assertThat(slugs(hostile)).as(hostile).isEmpty();
		}
	}

	@Test
	void theIndexFollowsEveryPublicationChangeAsSoonAsItCommits() {
		assertThat(slugs("quixotry")).isEmpty();
		assertThat(yearsOfAll()).doesNotContainKey(1901);
		publish("kw-lifecycle", "en", "Quixotry unit", "Testing the index.", Map.of());
		this.transaction.executeWithoutResult((status) -> find("kw-lifecycle").setLaunchYear(1901));
		indexed();
		assertThat(slugs("quixotry")).containsExactly("kw-lifecycle");
		// Facet counts follow too, cached or not.
		assertThat(yearsOfAll()).containsEntry(1901, 1L);

		this.transaction.executeWithoutResult((status) -> {
			Innovation innovation = find("kw-lifecycle");
			innovation.setSummary("Edited: now about wibblewobble.");
		});
		indexed();
		assertThat(slugs("wibblewobble")).containsExactly("kw-lifecycle");

		this.transaction.executeWithoutResult((status) -> find("kw-lifecycle").archive(Instant.now()));
		indexed();
		assertThat(slugs("quixotry")).isEmpty();
		assertThat(yearsOfAll()).doesNotContainKey(1901);

		this.transaction.executeWithoutResult((status) -> find("kw-lifecycle").publish(Instant.now()));
		indexed();
		assertThat(slugs("quixotry")).containsExactly("kw-lifecycle");

		this.transaction.executeWithoutResult((status) -> this.entityManager.remove(find("kw-lifecycle")));
		indexed();
		assertThat(slugs("quixotry")).isEmpty();
	}

	private Map<Integer, Long> yearsOfAll() {
		return this.search.search(SearchQuery.all())
			.years()
			.stream()
			.collect(Collectors.toMap(SearchResults.YearCount::year, SearchResults.YearCount::count));
	}

	private List<String> slugs(String text) {
		return this.search.search(query(text)).page().items().stream().map(InnovationHit::slug).toList();
	}

	private static SearchQuery query(String text) {
		return new SearchQuery(text, Map.of(), null, null, null, 1, 100);
	}

	private Innovation find(String slug) {
		return this.entityManager.createQuery("select i from Innovation i where i.slug = :slug", Innovation.class)
			.setParameter("slug", slug)
			.getSingleResult();
	}

	private void publish(String slug, String language, String title, String summary, Map<Section, String> sections) {
		this.transaction.executeWithoutResult((status) -> {
			Innovation innovation = new Innovation(slug, title, language, Instant.now());
			innovation.setSummary(summary);
			sections.forEach(innovation.getNarrative()::set);
			innovation.publish(Instant.now());
			this.entityManager.persist(innovation);
		});
		indexed();
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
