package org.casebook.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;
import org.casebook.innovation.Innovation;
import org.casebook.taxonomy.TaxonomyTerm;
import org.casebook.taxonomy.Taxonomies;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.highlighter.dsl.HighlighterEncoder;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.engine.search.query.dsl.SearchQueryOptionsStep;
import org.hibernate.search.engine.search.sort.dsl.SearchSortFactory;
import org.hibernate.search.engine.search.sort.dsl.SortFinalStep;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds published cases: keywords in every content language, facets with disjunctive
 * counts (a facet's own selection does not shrink its counts), a year histogram, sorting,
 * paging and highlighted snippets. The HTML page, the JSON API and the map all use it.
 */
@Service
public class InnovationSearch {

	static final String SUMMARY_HIGHLIGHTER = "summary";

	static final String BODY_HIGHLIGHTER = "body";

	private static final String YEAR_FIELD = "launchYear";

	private static final AggregationKey<Map<Integer, Long>> YEARS = AggregationKey.of("years");

	private static final int MAX_FACET_VALUES = 10_000;

	/**
	 * Text fields by weight: a word in the title counts most, then the summary, then the
	 * rest.
	 */
	private static final List<FieldGroup> FIELD_GROUPS = List.of(
			new FieldGroup(3f, withLanguages("title", InnovationTextBinder::titleField)),
			new FieldGroup(2f, withLanguages("summary", InnovationTextBinder::summaryField)),
			new FieldGroup(1.5f, List.of("organisations.name", "tags.label_text")),
			new FieldGroup(1f,
					Stream
						.concat(withLanguages(InnovationTextBinder.BODY, InnovationTextBinder::bodyField).stream(),
								Stream.of("countries.label_text"))
						.toList()));

	/**
	 * The language-neutral, accent-folded fields, where typos and prefixes are matched.
	 */
	private static final String[] FOLDED_FIELDS = { "title", "summary", InnovationTextBinder.BODY, "organisations.name",
			"tags.label_text", "countries.label_text" };

	private static final String[] ALL_FIELDS = FIELD_GROUPS.stream()
		.flatMap((group) -> group.fields().stream())
		.toArray(String[]::new);

	private static final int FUZZY_MIN_LENGTH = 5;

	private final EntityManager entityManager;

	private final Taxonomies taxonomies;

	InnovationSearch(EntityManager entityManager, Taxonomies taxonomies) {
		this.entityManager = entityManager;
		this.taxonomies = taxonomies;
	}

	@Transactional(readOnly = true)
	public SearchResults search(SearchQuery query) {
		SearchSession session = Search.session(this.entityManager);
		KeywordQuery keywords = KeywordQuery.parse(query.text());
		Map<Facet, AggregationKey<Map<String, Long>>> facetKeys = new EnumMap<>(Facet.class);
		for (Facet facet : Facet.values()) {
			facetKeys.put(facet, AggregationKey.of(facet.parameter()));
		}

		// One query for the page and for the counts of every facet without a selection...
		var main = session.search(Innovation.class)
			.select(InnovationHit.class)
			.where((f) -> filtered(f, query, keywords, null, false))
			.sort((f) -> sort(f, query.effectiveSort()));
		highlighters(main);
		for (Facet facet : Facet.values()) {
			if (query.selected(facet).isEmpty()) {
				main.aggregation(facetKeys.get(facet),
						(f) -> f.terms().field(facet.field(), String.class).maxTermCount(MAX_FACET_VALUES));
			}
		}
		if (!query.hasYearRange()) {
			main.aggregation(YEARS, (f) -> f.terms().field(YEAR_FIELD, Integer.class).maxTermCount(500));
		}
		SearchResult<InnovationHit> result = main.fetch(query.offset(), query.size());

		// ...and one more per facet with a selection, without that facet's own filter.
		Map<Facet, List<FacetValue>> facets = new EnumMap<>(Facet.class);
		for (Facet facet : Facet.values()) {
			Map<String, Long> counts = query.selected(facet).isEmpty() ? result.aggregation(facetKeys.get(facet))
					: session.search(Innovation.class)
						.select((f) -> f.id())
						.where((f) -> filtered(f, query, keywords, facet, false))
						.aggregation(facetKeys.get(facet),
								(f) -> f.terms().field(facet.field(), String.class).maxTermCount(MAX_FACET_VALUES))
						.fetch(0)
						.aggregation(facetKeys.get(facet));
			facets.put(facet, facetValues(facet, counts, query));
		}
		Map<Integer, Long> yearCounts = !query.hasYearRange() ? result.aggregation(YEARS)
				: session.search(Innovation.class)
					.select((f) -> f.id())
					.where((f) -> filtered(f, query, keywords, null, true))
					.aggregation(YEARS, (f) -> f.terms().field(YEAR_FIELD, Integer.class).maxTermCount(500))
					.fetch(0)
					.aggregation(YEARS);
		List<SearchResults.YearCount> years = yearCounts.entrySet()
			.stream()
			.map((entry) -> new SearchResults.YearCount(entry.getKey(), entry.getValue()))
			.sorted(Comparator.comparingInt(SearchResults.YearCount::year))
			.toList();

		ResultPage<InnovationHit> page = new ResultPage<>(result.hits(), result.total().hitCount(), query.page(),
				query.size());
		return new SearchResults(query, page, facets, years);
	}

	/** Published cases that share the most tags, sectors and countries with this one. */
	@Transactional(readOnly = true)
	public List<InnovationHit> related(Innovation innovation, int count) {
		if (innovation.getTags().isEmpty() && innovation.getSectors().isEmpty()
				&& innovation.getCountries().isEmpty()) {
			return List.of();
		}
		var related = Search.session(this.entityManager)
			.search(Innovation.class)
			.select(InnovationHit.class)
			.where((f) -> {
				BooleanPredicateClausesStep<?, ?> shared = f.bool();
				addShared(f, shared, Facet.TAG.field(), innovation.getTags(), 3f);
				addShared(f, shared, Facet.SECTOR.field(), innovation.getSectors(), 2f);
				addShared(f, shared, Facet.COUNTRY.field(), innovation.getCountries(), 1f);
				shared.mustNot(f.id().matching(innovation.getId()));
				return shared;
			})
			.sort((f) -> f.score().then().field("publishedAt").desc());
		highlighters(related);
		return related.fetchHits(count);
	}

	/** The highlighters that {@link InnovationHit}'s snippets name. */
	private static void highlighters(SearchQueryOptionsStep<?, ?, ?, ?, ?, ?> query) {
		query.highlighter(SUMMARY_HIGHLIGHTER,
				(h) -> h.plain().encoder(HighlighterEncoder.HTML).fragmentSize(2000).numberOfFragments(1));
		query.highlighter(BODY_HIGHLIGHTER,
				(h) -> h.plain().encoder(HighlighterEncoder.HTML).fragmentSize(180).numberOfFragments(1));
	}

	private static void addShared(SearchPredicateFactory f, BooleanPredicateClausesStep<?, ?> shared, String field,
			Iterable<? extends TaxonomyTerm> terms, float weight) {
		for (TaxonomyTerm term : terms) {
			shared.should(f.match().field(field).matching(term.getKey()).constantScore().boost(weight));
		}
	}

	/**
	 * The keywords and every filter of the query, but for one facet's filter or the year
	 * range when their own counts are being computed.
	 */
	private static PredicateFinalStep filtered(SearchPredicateFactory f, SearchQuery query, KeywordQuery keywords,
			Facet exceptFacet, boolean exceptYears) {
		BooleanPredicateClausesStep<?, ?> bool = f.bool();
		bool.must(keywords.isEmpty() ? f.matchAll() : keywords(f, keywords));
		for (String excluded : keywords.excluded()) {
			bool.mustNot(excluded.contains(" ") ? f.phrase().fields(ALL_FIELDS).matching(excluded)
					: f.match().fields(ALL_FIELDS).matching(excluded));
		}
		query.filters().forEach((facet, keys) -> {
			if (facet != exceptFacet) {
				bool.filter(f.terms().field(facet.field()).matchingAny(keys));
			}
		});
		if (query.hasYearRange() && !exceptYears) {
			bool.filter(f.range()
				.field(YEAR_FIELD)
				.between(query.yearFrom(), query.yearTo() != null ? query.yearTo() : SearchQueryParser.MAX_YEAR));
		}
		return bool;
	}

	/** Every word and phrase must match, in any field, in any language. */
	private static PredicateFinalStep keywords(SearchPredicateFactory f, KeywordQuery keywords) {
		BooleanPredicateClausesStep<?, ?> all = f.bool();
		boolean onlyStopWords = keywords.phrases().isEmpty() && keywords.words().stream().allMatch(StopWords::contains);
		for (String word : keywords.words()) {
			PredicateFinalStep match = word(f, word, word.equals(keywords.prefix()));
			if (StopWords.contains(word) && !onlyStopWords) {
				all.should(match);
			}
			else {
				all.must(match);
			}
		}
		for (String phrase : keywords.phrases()) {
			BooleanPredicateClausesStep<?, ?> anyField = f.bool();
			for (FieldGroup group : FIELD_GROUPS) {
				anyField.should(f.phrase().fields(group.array()).matching(phrase).boost(group.boost()));
			}
			all.must(anyField);
		}
		return all;
	}

	private static PredicateFinalStep word(SearchPredicateFactory f, String word, boolean prefix) {
		BooleanPredicateClausesStep<?, ?> anyField = f.bool();
		for (FieldGroup group : FIELD_GROUPS) {
			anyField.should(f.match().fields(group.array()).matching(word).boost(group.boost()));
		}
		if (word.codePointCount(0, word.length()) >= FUZZY_MIN_LENGTH) {
			anyField.should(f.match().fields(FOLDED_FIELDS).matching(word).fuzzy(1, 1).boost(0.5f));
		}
		if (prefix) {
			anyField.should(f.prefix().fields(FOLDED_FIELDS).matching(word).boost(0.5f));
		}
		return anyField;
	}

	private static SortFinalStep sort(SearchSortFactory f, SearchSort sort) {
		return switch (sort) {
			case RELEVANCE -> f.score().then().field("publishedAt").desc().then().field("slug");
			case NEWEST ->
				f.field(YEAR_FIELD).desc().missing().last().then().field("publishedAt").desc().then().field("slug");
			case OLDEST ->
				f.field(YEAR_FIELD).asc().missing().last().then().field("publishedAt").desc().then().field("slug");
			case PUBLISHED -> f.field("publishedAt").desc().then().field("title_sort").then().field("slug");
			case TITLE -> f.field("title_sort").then().field("slug");
		};
	}

	/** Largest first; selected values are always there, even at zero. */
	private List<FacetValue> facetValues(Facet facet, Map<String, Long> counts, SearchQuery query) {
		Map<String, Long> all = new LinkedHashMap<>(counts);
		query.selected(facet).forEach((key) -> all.putIfAbsent(key, 0L));
		List<FacetValue> values = new ArrayList<>(all.size());
		all.forEach((key, count) -> values.add(new FacetValue(key,
				this.taxonomies.label(facet.taxonomy(), key).orElse(key), count, query.isSelected(facet, key))));
		values.sort(Comparator.comparingLong(FacetValue::count).reversed().thenComparing(FacetValue::label));
		return List.copyOf(values);
	}

	private static List<String> withLanguages(String field, Function<String, String> naming) {
		List<String> fields = new ArrayList<>();
		fields.add(field);
		Analyzers.LANGUAGES.forEach((language) -> fields.add(naming.apply(language)));
		return List.copyOf(fields);
	}

	private record FieldGroup(float boost, List<String> fields) {

		String[] array() {
			return this.fields.toArray(String[]::new);
		}

	}

}
