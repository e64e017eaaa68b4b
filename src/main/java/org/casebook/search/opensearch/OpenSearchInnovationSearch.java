package org.casebook.search.opensearch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.casebook.innovation.Innovation;
import org.casebook.search.Facet;
import org.casebook.search.FacetValue;
import org.casebook.search.InnovationHit;
import org.casebook.search.InnovationSearch;
import org.casebook.search.InvalidSearchException;
import org.casebook.search.KeywordQuery;
import org.casebook.search.MapArea;
import org.casebook.search.MapCluster;
import org.casebook.search.MapResults;
import org.casebook.search.RelatedCases;
import org.casebook.search.ResultPage;
import org.casebook.search.SearchQuery;
import org.casebook.search.SearchQueryParser;
import org.casebook.search.SearchResults;
import org.casebook.search.SearchSort;
import org.casebook.search.TextRange;
import org.casebook.search.index.Analyzers;
import org.casebook.search.index.IndexedHit;
import org.casebook.search.index.InnovationIndexMapping;
import org.casebook.search.index.InnovationTextBinder;
import org.casebook.taxonomy.Taxonomies;
import org.casebook.taxonomy.TaxonomyTerm;
import org.hibernate.search.backend.elasticsearch.ElasticsearchExtension;
import org.hibernate.search.backend.elasticsearch.search.query.dsl.ElasticsearchSearchQueryOptionsStep;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.engine.search.sort.dsl.SearchSortFactory;
import org.hibernate.search.engine.search.sort.dsl.SortFinalStep;
import org.hibernate.search.engine.spatial.GeoBoundingBox;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.util.common.SearchException;
import org.hibernate.search.util.common.SearchTimeoutException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The search of published cases on Hibernate Search's Elasticsearch backend, against an
 * OpenSearch cluster that every node shares: the same answers as the Lucene engine, from
 * the backend's public DSL (predicates, {@code terms} aggregations, highlighting, sorts)
 * and, where the DSL has nothing, its extension's JSON: the map's {@code geotile_grid},
 * {@code more_like_this}, {@code search_after}, the summary's highlight query.
 * <p>
 * Facet counts are disjunctive as on the list page: one request finds the page, the total
 * and the counts of every facet without a selection (and of the years without a range);
 * each facet with a selection is counted by one more request without its own filter, and
 * the years with a range by one without it. Nothing is remembered here: OpenSearch caches
 * filters and aggregations itself.
 */
@Service
@OpenSearchEngine
class OpenSearchInnovationSearch implements InnovationSearch {

	/** More values than any facet has: facet lists are complete. */
	private static final int FACET_TERMS = 10_000;

	private static final int YEAR_TERMS = SearchQueryParser.MAX_YEAR - SearchQueryParser.MIN_YEAR + 1;

	private static final AggregationKey<Map<Integer, Long>> YEARS = AggregationKey.of("years");

	private static final AggregationKey<JsonObject> LOCATED = AggregationKey.of("located");

	private static final AggregationKey<JsonObject> CLUSTERS = AggregationKey.of("clusters");

	private static final Map<Facet, AggregationKey<Map<String, Long>>> FACET_KEYS = new EnumMap<>(Facet.class);

	static {
		for (Facet facet : Facet.values()) {
			FACET_KEYS.put(facet, AggregationKey.of(facet.parameter()));
		}
	}

	/** The year of launch: a facet of its own. */
	private static final String YEAR_FIELD = "launchYear";

	/** Characters no summary holds, around the words the highlighter marks. */
	private static final char MARK_OPEN = '\uE000';

	private static final char MARK_CLOSE = '\uE001';

	/**
	 * Ids read at a time by {@link #forEachMatch}: a small first batch for the first rows
	 * of an export to leave at once, then OpenSearch's largest page.
	 */
	private static final int FIRST_EXPORT_BATCH = 1000;

	private static final int EXPORT_BATCH = 10_000;

	/**
	 * How long an export's point in time outlives its last batch: renewed by each batch,
	 * long enough for a batch's rows to be read from PostgreSQL and written to a slow
	 * client, short enough that one left open by a killed node does not hold segments
	 * long.
	 */
	private static final Duration EXPORT_KEEP_ALIVE = Duration.ofMinutes(5);

	private final EntityManagerFactory entityManagerFactory;

	private final EntityManager entityManager;

	private final Taxonomies taxonomies;

	private final Duration timeout;

	OpenSearchInnovationSearch(EntityManagerFactory entityManagerFactory, EntityManager entityManager,
			Taxonomies taxonomies, @Value("${casebook.search.timeout}") Duration timeout) {
		this.entityManagerFactory = entityManagerFactory;
		this.entityManager = entityManager;
		this.taxonomies = taxonomies;
		this.timeout = timeout;
	}

	@Override
	public SearchResults search(SearchQuery query) {
		KeywordPredicates keywords = new KeywordPredicates(KeywordQuery.parse(query.text()));
		return run((session) -> {
			boolean marked = !keywords.isEmpty();
			var request = session.search(Innovation.class)
				.extension(ElasticsearchExtension.get())
				.select((f) -> marked
						? f.composite()
							.from(f.composite().as(IndexedHit.class), f.highlight("summary"))
							.as((hit, marks) -> hit.hit().withSummaryMatches(marks(hit.summary(), marks)))
						: f.composite().from(f.composite().as(IndexedHit.class)).as(IndexedHit::hit))
				.where((f) -> filtered(f, keywords, query, null, false))
				.sort((f) -> sort(f, query.effectiveSort()));
			if (marked) {
				JsonObject highlightQuery = keywords.summaryHighlightQuery();
				// The whole summary as one fragment, its matched words between the marks.
				request = request
					.highlighter((f) -> f.unified()
						.tag(String.valueOf(MARK_OPEN), String.valueOf(MARK_CLOSE))
						.numberOfFragments(0))
					.requestTransformer((context) -> summaryHighlightQuery(context.body(), highlightQuery));
			}
			SearchResult<InnovationHit> result = counted(request, query, EnumSet.allOf(Facet.class), true)
				.fetch(query.offset(), query.size());
			return results(session, keywords, query, result, result.hits(), EnumSet.allOf(Facet.class), true);
		});
	}

	@Override
	public SearchResults counts(SearchQuery query, Set<Facet> facets, boolean years) {
		KeywordPredicates keywords = new KeywordPredicates(KeywordQuery.parse(query.text()));
		return run((session) -> {
			var request = session.search(Innovation.class)
				.extension(ElasticsearchExtension.get())
				.select((f) -> f.id())
				.where((f) -> filtered(f, keywords, query, null, false));
			SearchResult<?> result = counted(request, query, facets, years).fetch(0);
			return results(session, keywords, query, result, List.of(), facets, years);
		});
	}

	/**
	 * Asks for the counts of the facets without a selection, and of the years without a
	 * range, with the page: they count the page's own matches.
	 */
	private <H> ElasticsearchSearchQueryOptionsStep<?, H, ?> counted(
			ElasticsearchSearchQueryOptionsStep<?, H, ?> request, SearchQuery query, Set<Facet> facets, boolean years) {
		for (Facet facet : facets) {
			if (query.selected(facet).isEmpty()) {
				request = request.aggregation(FACET_KEYS.get(facet),
						(f) -> f.terms().field(facet.field(), String.class).maxTermCount(FACET_TERMS));
			}
		}
		if (years && !query.hasYearRange()) {
			request = request.aggregation(YEARS,
					(f) -> f.terms().field(YEAR_FIELD, Integer.class).maxTermCount(YEAR_TERMS));
		}
		return limited(request);
	}

	/**
	 * The page with every count: those of the facets with a selection, and of the years
	 * with a range, each from a request of its own without its own filter.
	 */
	private SearchResults results(SearchSession session, KeywordPredicates keywords, SearchQuery query,
			SearchResult<?> result, List<InnovationHit> hits, Set<Facet> facets, boolean countYears) {
		Map<Facet, List<FacetValue>> values = new EnumMap<>(Facet.class);
		for (Facet facet : facets) {
			Map<String, Long> counts;
			if (query.selected(facet).isEmpty()) {
				counts = result.aggregation(FACET_KEYS.get(facet));
			}
			else {
				counts = limited(session.search(Innovation.class)
					.extension(ElasticsearchExtension.get())
					.select((f) -> f.id())
					.where((f) -> filtered(f, keywords, query, facet, false))
					.aggregation(FACET_KEYS.get(facet),
							(f) -> f.terms().field(facet.field(), String.class).maxTermCount(FACET_TERMS)))
					.fetch(0)
					.aggregation(FACET_KEYS.get(facet));
			}
			values.put(facet, facetValues(facet, counts, query));
		}
		Map<Integer, Long> years;
		if (!countYears) {
			years = Map.of();
		}
		else if (!query.hasYearRange()) {
			years = result.aggregation(YEARS);
		}
		else {
			years = limited(session.search(Innovation.class)
				.extension(ElasticsearchExtension.get())
				.select((f) -> f.id())
				.where((f) -> filtered(f, keywords, query, null, true))
				.aggregation(YEARS, (f) -> f.terms().field(YEAR_FIELD, Integer.class).maxTermCount(YEAR_TERMS)))
				.fetch(0)
				.aggregation(YEARS);
		}
		List<SearchResults.YearCount> histogram = years.entrySet()
			.stream()
			.map((entry) -> new SearchResults.YearCount(entry.getKey(), entry.getValue()))
			.sorted(Comparator.comparingInt(SearchResults.YearCount::year))
			.toList();
		ResultPage<InnovationHit> page = new ResultPage<>(hits, result.total().hitCount(), query.page(), query.size());
		return new SearchResults(query, page, values, histogram);
	}

	@Override
	public MapResults map(SearchQuery query, MapArea area) {
		KeywordPredicates keywords = new KeywordPredicates(KeywordQuery.parse(query.text()));
		return run((session) -> {
			var request = session.search(Innovation.class)
				.extension(ElasticsearchExtension.get())
				.select((f) -> f.id())
				.where((f) -> filtered(f, keywords, query, null, false))
				.aggregation(LOCATED, (f) -> f.fromJson(MapGrid.located()))
				.aggregation(CLUSTERS, (f) -> f.fromJson(MapGrid.clusters(area)));
			SearchResult<?> result = counted(request, query, EnumSet.of(Facet.COUNTRY), false).fetch(0);
			SearchResults counts = results(session, keywords, query, result, List.of(), EnumSet.of(Facet.COUNTRY),
					false);
			long located = result.aggregation(LOCATED).get("doc_count").getAsLong();
			List<MapCluster> clusters = MapGrid.read(result.aggregation(CLUSTERS), area);
			List<String> singles = clusters.stream().map(MapCluster::slug).filter((slug) -> slug != null).toList();
			Map<String, InnovationHit> cases = singles.isEmpty() ? Map.of()
					: hits(session, keywords, query, (f) -> f.terms().field("slug").matchingAny(singles), 0,
							singles.size())
						.stream()
						.collect(Collectors.toMap(InnovationHit::slug, Function.identity()));
			return new MapResults(counts.total(), located, counts.facets().get(Facet.COUNTRY), clusters, cases);
		});
	}

	@Override
	public List<InnovationHit> located(SearchQuery query, MapArea area, int max) {
		KeywordPredicates keywords = new KeywordPredicates(KeywordQuery.parse(query.text()));
		return run((session) -> hits(session, keywords, query,
				(f) -> f.spatial()
					.within()
					.field(MapGrid.POINT_FIELD)
					.boundingBox(GeoBoundingBox.of(area.north(), area.west(), area.south(), area.east())),
				0, max));
	}

	@Override
	public boolean hasDemoCases() {
		return run((session) -> limited(session.search(Innovation.class)
			.extension(ElasticsearchExtension.get())
			.select((f) -> f.id())
			.where((f) -> demoCases(f))).fetchTotalHitCount() > 0);
	}

	/** The generated demo cases. */
	private static PredicateFinalStep demoCases(SearchPredicateFactory f) {
		return f.match().field("demo").matching(true);
	}

	/** Hits of a search that also match a filter, in the search's order. */
	private List<InnovationHit> hits(SearchSession session, KeywordPredicates keywords, SearchQuery query,
			Function<SearchPredicateFactory, PredicateFinalStep> filter, int offset, int limit) {
		return limited(session.search(Innovation.class)
			.extension(ElasticsearchExtension.get())
			.select(IndexedHit.class)
			.where((f) -> f.bool().must(filtered(f, keywords, query, null, false)).filter(filter.apply(f)))
			.sort((f) -> sort(f, query.effectiveSort()))).fetchHits(offset, limit)
			.stream()
			.map(IndexedHit::hit)
			.toList();
	}

	@Override
	@Transactional(readOnly = true)
	public List<InnovationHit> related(Innovation innovation, int count) {
		if (innovation.getTags().isEmpty() && innovation.getSectors().isEmpty()
				&& innovation.getCountries().isEmpty()) {
			return List.of();
		}
		var related = Search.session(this.entityManager)
			.search(Innovation.class)
			.select(IndexedHit.class)
			.where((f) -> {
				BooleanPredicateClausesStep<?, ?> shared = f.bool();
				addShared(f, shared, Facet.TAG.field(), innovation.getTags(), 3f);
				addShared(f, shared, Facet.SECTOR.field(), innovation.getSectors(), 2f);
				addShared(f, shared, Facet.COUNTRY.field(), innovation.getCountries(), 1f);
				shared.mustNot(f.id().matching(innovation.getId()));
				return shared;
			})
			.sort((f) -> latestFirst(f.score().then()));
		return RelatedCases
			.realFirst(related.fetchHits(RelatedCases.candidates(count)).stream().map(IndexedHit::hit).toList(), count);
	}

	private static void addShared(SearchPredicateFactory f, BooleanPredicateClausesStep<?, ?> shared, String field,
			Iterable<? extends TaxonomyTerm> terms, float weight) {
		for (TaxonomyTerm term : terms) {
			shared.should(f.match().field(field).matching(term.getKey()).constantScore().boost(weight));
		}
	}

	/**
	 * OpenSearch's {@code more_like_this}, with the bounds of the Lucene engine's
	 * {@code MoreLikeThis}: per field, the text's {@value #SIMILAR_TERMS} most telling
	 * words (frequent in it, in at least one case, never a stop word), any of which may
	 * match; in every text folded, and stemmed in the text's language.
	 */
	@Override
	public List<InnovationHit> similar(String text, String language, int count) {
		if (text == null || text.isBlank() || count <= 0) {
			return List.of();
		}
		String read = (text.length() > SIMILAR_TEXT_LENGTH) ? text.substring(0, SIMILAR_TEXT_LENGTH) : text;
		List<String> fields = new ArrayList<>(List.of(InnovationTextBinder.ALL));
		if (language != null && Analyzers.LANGUAGES.contains(language)) {
			fields.add(InnovationTextBinder.languageField(language));
		}
		JsonArray stopWords = new JsonArray();
		StopWords.all().forEach(stopWords::add);
		JsonArray any = new JsonArray();
		for (String field : fields) {
			JsonObject like = new JsonObject();
			JsonArray onField = new JsonArray();
			onField.add(field);
			like.add("fields", onField);
			like.addProperty("like", read);
			like.addProperty("min_term_freq", 1);
			like.addProperty("min_doc_freq", 1);
			like.addProperty("max_query_terms", SIMILAR_TERMS);
			like.addProperty("minimum_should_match", "1");
			like.add("stop_words", stopWords);
			JsonObject clause = new JsonObject();
			clause.add("more_like_this", like);
			any.add(clause);
		}
		JsonObject bool = new JsonObject();
		bool.add("should", any);
		JsonObject query = new JsonObject();
		query.add("bool", bool);
		return run((session) -> limited(session.search(Innovation.class)
			.extension(ElasticsearchExtension.get())
			.select(IndexedHit.class)
			.where((f) -> f.fromJson(query))
			.sort((f) -> sort(f, SearchSort.RELEVANCE))).fetchHits(count).stream().map(IndexedHit::hit).toList());
	}

	/**
	 * Pages through the matches with OpenSearch's {@code search_after}, from the sort
	 * values of each batch's last hit, in a point in time opened first: every batch reads
	 * the index as it was when the export started, so a file is a snapshot even if cases
	 * change meanwhile (without it, a case moved from a later batch to an earlier one
	 * would be missed, one moved the other way handed twice). Each batch is one request
	 * within the search timeout. Ties in every order end with the id, so no match is
	 * handed twice or missed.
	 */
	@Override
	public long forEachMatch(SearchQuery query, Consumer<List<Long>> batches) {
		KeywordPredicates keywords = new KeywordPredicates(KeywordQuery.parse(query.text()));
		try (PointInTime snapshot = PointInTime.open(this.entityManagerFactory, EXPORT_KEEP_ALIVE)) {
			return run((session) -> {
				long count = 0;
				JsonArray after = null;
				for (int size = FIRST_EXPORT_BATCH;; size = Math.min(size * 2, EXPORT_BATCH)) {
					JsonArray cursor = after;
					var result = limited(session.search(Innovation.class)
						.extension(ElasticsearchExtension.get())
						.select((f) -> f.id(Long.class))
						.where((f) -> filtered(f, keywords, query, null, false))
						.sort((f) -> sort(f, query.effectiveSort()))
						.requestTransformer((context) -> {
							snapshot.read(context);
							if (cursor != null) {
								context.body().add("search_after", cursor);
							}
						})).fetch(size);
					snapshot.answered(result.responseBody());
					List<Long> ids = result.hits();
					if (!ids.isEmpty()) {
						batches.accept(ids);
						count += ids.size();
					}
					if (ids.size() < size) {
						return count;
					}
					JsonArray hits = result.responseBody().getAsJsonObject("hits").getAsJsonArray("hits");
					after = hits.get(hits.size() - 1).getAsJsonObject().getAsJsonArray("sort");
				}
			});
		}
	}

	/**
	 * Runs requests in a session of their own, which reads only the index: no transaction
	 * and no database connection are taken.
	 */
	private <T> T run(Function<SearchSession, T> work) {
		try (EntityManager session = this.entityManagerFactory.createEntityManager()) {
			return work.apply(Search.session(session));
		}
		catch (SearchTimeoutException ex) {
			throw tooSlow();
		}
		catch (SearchException ex) {
			if (tooComplex(ex)) {
				throw new InvalidSearchException("search.invalid.tooComplex");
			}
			throw ex;
		}
	}

	/** Gives a request the search timeout. */
	private <S extends ElasticsearchSearchQueryOptionsStep<?, ?, ?>> S limited(S request) {
		if (!this.timeout.isZero()) {
			@SuppressWarnings("unchecked")
			S limited = (S) request.failAfter(Math.max(1, this.timeout.toMillis()), TimeUnit.MILLISECONDS);
			return limited;
		}
		return request;
	}

	private InvalidSearchException tooSlow() {
		return new InvalidSearchException("search.invalid.tooSlow", this.timeout.toMillis() / 1000.0);
	}

	/** Whether OpenSearch refused the query for its number of clauses. */
	private static boolean tooComplex(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			String message = cause.getMessage();
			if (message != null && (message.contains("too_many_clauses") || message.contains("maxClauseCount"))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The keywords and every filter of the query, but for one facet's filter or the year
	 * range when their own counts are being computed.
	 */
	private static PredicateFinalStep filtered(SearchPredicateFactory f, KeywordPredicates keywords, SearchQuery query,
			Facet exceptFacet, boolean exceptYears) {
		BooleanPredicateClausesStep<?, ?> bool = f.bool().must(keywords.predicate(f));
		query.filters().forEach((facet, keys) -> {
			if (facet != exceptFacet) {
				bool.filter(f.terms().field(facet.field()).matchingAny(keys));
			}
		});
		if (query.hasYearRange() && !exceptYears) {
			int from = (query.yearFrom() != null) ? query.yearFrom() : SearchQueryParser.MIN_YEAR;
			int to = (query.yearTo() != null) ? query.yearTo() : SearchQueryParser.MAX_YEAR;
			bool.filter(f.range().field(YEAR_FIELD).between(from, to));
		}
		if (query.hideDemo()) {
			bool.mustNot(demoCases(f));
		}
		return bool;
	}

	/**
	 * The orders of the Lucene engine, ties broken by id so that a case keeps its place
	 * whatever the index's history.
	 */
	private static SortFinalStep sort(SearchSortFactory f, SearchSort sort) {
		return switch (sort) {
			case RELEVANCE -> latestFirst(f.score().then());
			case NEWEST -> latestFirst(f.field(YEAR_FIELD).desc().missing().last().then());
			case OLDEST -> latestFirst(f.field(YEAR_FIELD).asc().missing().last().then());
			case PUBLISHED -> latestFirst(f);
			case TITLE -> f.field("title_sort").then().field(InnovationIndexMapping.ID);
		};
	}

	/** The last published first, then by id. */
	private static SortFinalStep latestFirst(SearchSortFactory f) {
		return f.field("publishedAt").desc().then().field(InnovationIndexMapping.ID);
	}

	/**
	 * Gives the summary's highlighting the words, typos and prefixes the user typed: the
	 * search's own query matches typos and prefixes in another field.
	 */
	private static void summaryHighlightQuery(JsonObject body, JsonObject query) {
		JsonObject highlight = body.getAsJsonObject("highlight");
		if (highlight == null || !highlight.has("fields")) {
			return;
		}
		JsonObject fields = highlight.getAsJsonObject("fields");
		if (fields.has("summary")) {
			fields.getAsJsonObject("summary").add("highlight_query", query);
		}
	}

	/**
	 * Where the highlighter marked words in the summary: the whole summary comes back
	 * with marks around them, which are counted out.
	 */
	private static List<TextRange> marks(String summary, List<String> highlighted) {
		if (summary == null || highlighted.isEmpty()) {
			return List.of();
		}
		String marked = highlighted.get(0);
		List<TextRange> ranges = new ArrayList<>();
		int position = 0;
		int start = -1;
		for (int i = 0; i < marked.length(); i++) {
			char c = marked.charAt(i);
			if (c == MARK_OPEN) {
				start = position;
			}
			else if (c == MARK_CLOSE && start >= 0) {
				ranges.add(new TextRange(start, position));
				start = -1;
			}
			else {
				position++;
			}
		}
		// Anything else than the summary with marks (a summary holding the marks'
		// characters) marks nothing rather than the wrong words.
		return (position == summary.length()) ? ranges : List.of();
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

}
