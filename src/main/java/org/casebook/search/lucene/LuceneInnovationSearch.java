package org.casebook.search.lucene;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.persistence.EntityManager;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
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
import org.casebook.search.index.Analyzers;
import org.casebook.search.index.InnovationTextBinder;
import org.casebook.search.index.IndexedHit;
import org.casebook.search.index.InnovationIndexMapping;
import org.casebook.taxonomy.Taxonomies;
import org.casebook.taxonomy.TaxonomyTerm;
import org.hibernate.search.backend.lucene.LuceneBackend;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.sort.dsl.SearchSortFactory;
import org.hibernate.search.engine.search.sort.dsl.SortFinalStep;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.util.common.SearchTimeoutException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The search of published cases on Hibernate Search's Lucene backend: keywords in every
 * content language, facets with disjunctive counts, a year histogram, sorting, paging,
 * matched words in summaries and map clusters.
 * <p>
 * Hand-built where the benchmark showed it pays over Lucene's or Hibernate Search's own
 * facilities, each said where it is (the README tells the benchmark's history: the median
 * list page at 100,000 cases went from 286 ms on Hibernate Search's aggregations and
 * highlighter to 15 ms): facet and year counts by ordinal from per-segment arrays
 * ({@link FacetColumns}, {@link FacetCounter}), remembered keyword matches
 * ({@link TextMatches}) and answers ({@link IndexStateCache}) where Lucene's
 * {@code LRUQueryCache} does not cache the costly keyword queries, summary-only
 * highlighting ({@link SummaryHighlighter}, over Hibernate Search's highlighter on every
 * field), Lucene's own sort fields (they skip hits that cannot make the page) and the
 * map's grid ({@link GridClusters}).
 */
@Service
@LuceneEngine
public class LuceneInnovationSearch implements InnovationSearch {

	/**
	 * How many documents of new segments a search reads itself (about 20 ms) rather than
	 * read the previous state of the index: what writes add comes far below.
	 */
	private static final int INLINE_DOCUMENTS = 20_000;

	/**
	 * Results read from the index at a time by {@link #forEachMatch}: the first batch
	 * small, for the first rows of an export to leave at once, then larger ones, as each
	 * batch runs the query again: every match after the batch's start competes for its
	 * place in a queue of the batch's size, which was most of an export's Java time with
	 * batches of 16,000 (README, "Open data"). A batch of 65,536 holds about 8 MB.
	 */
	private static final int FIRST_EXPORT_BATCH = 1000;

	private static final int EXPORT_BATCH = 65_536;

	/**
	 * The generated demo cases. Hibernate Search's Lucene backend indexes a boolean as an
	 * int point, 1 for true; {@code SeamTests} proves the two agree.
	 */
	private static final Query DEMO_CASES = IntPoint.newExactQuery("demo", 1);

	private final EntityManager entityManager;

	private final Taxonomies taxonomies;

	private volatile Analysis analysis;

	/** Pages of results, as Solr's query result cache keeps them. */
	private final IndexStateCache<SearchQuery, SearchResults> pages = new IndexStateCache<>(500);

	private final IndexStateCache<CountKey, FacetCounter.Counts> facetCounts = new IndexStateCache<>(1000);

	private final TextMatches textMatches = new TextMatches(256);

	private final IndexStateCache<Boolean, Boolean> demoCases = new IndexStateCache<>(1);

	private final FacetColumns columns = new FacetColumns();

	/**
	 * The state of the index searches read: the newest, but while a merged segment's
	 * columns are read in the background, the previous one (the same cases).
	 */
	private final PreparedIndex index = new PreparedIndex(new PreparedIndex.Preparation() {

		@Override
		public boolean prepared(LeafReader segment) {
			return LuceneInnovationSearch.this.columns.holds(segment);
		}

		@Override
		public void prepare(LeafReader segment) {
			LuceneInnovationSearch.this.columns.of(segment);
		}

	}, INLINE_DOCUMENTS);

	/** How long one query may run before it is stopped and the search refused. */
	private final Duration timeout;

	LuceneInnovationSearch(EntityManager entityManager, Taxonomies taxonomies,
			@Value("${casebook.search.timeout}") Duration timeout) {
		this.entityManager = entityManager;
		this.taxonomies = taxonomies;
		this.timeout = timeout;
	}

	/**
	 * Runs a search, or remembers its answer while the index is unchanged. It reads only
	 * the index: no transaction and no database connection are needed, so none is taken.
	 */
	@Override
	public SearchResults search(SearchQuery query) {
		return withSearcher((searcher) -> this.pages.get(searcher.getIndexReader(), query, () -> {
			ReadySearch ready = ready(searcher, query);
			// The exact total comes from counting the facets, which visits every match
			// anyway; the page only needs the best hits, which Lucene finds without
			// scoring all. In an order other than relevance, no score is needed: the
			// remembered matches do.
			Query page = (query.effectiveSort() == SearchSort.RELEVANCE) ? ready.matching() : ready.all();
			SummaryHighlighter summaries = analysis().summaries();
			Set<String> marks = summaries.prepare(ready.keywords(), searcher);
			List<InnovationHit> hits = hits(page, query.effectiveSort(), query.offset(), query.size()).stream()
				.map((hit) -> hit.withSummaryMatches(summaries.matches(marks, hit.summary())))
				.toList();
			return results(searcher, ready, hits, EnumSet.allOf(Facet.class), true);
		}));
	}

	@Override
	public SearchResults counts(SearchQuery query, Set<Facet> facets, boolean years) {
		return withSearcher((searcher) -> results(searcher, ready(searcher, query), List.of(), facets, years));
	}

	@Override
	public MapResults map(SearchQuery query, MapArea area) {
		return withSearcher((searcher) -> {
			ReadySearch ready = ready(searcher, query);
			SearchResults counts = results(searcher, ready, List.of(), EnumSet.of(Facet.COUNTRY), false);
			long located = searcher.count(new BooleanQuery.Builder().add(ready.all(), Occur.MUST)
				.add(GridClusters.inArea(MapArea.WORLD), Occur.FILTER)
				.build());
			List<MapCluster> clusters = GridClusters.of(searcher, ready.all(), area);
			List<String> singles = clusters.stream().map(MapCluster::slug).filter((slug) -> slug != null).toList();
			Map<String, InnovationHit> cases = singles.isEmpty() ? Map.of()
					: hits(within(ready, new TermInSetQuery("slug", singles.stream().map(BytesRef::new).toList())),
							query.effectiveSort(), 0, singles.size())
						.stream()
						.collect(Collectors.toMap(InnovationHit::slug, Function.identity()));
			return new MapResults(counts.total(), located, counts.facets().get(Facet.COUNTRY), clusters, cases);
		});
	}

	@Override
	public List<InnovationHit> located(SearchQuery query, MapArea area, int max) {
		return withSearcher((searcher) -> hits(within(ready(searcher, query), GridClusters.inArea(area)),
				query.effectiveSort(), 0, max));
	}

	@Override
	public boolean hasDemoCases() {
		return withSearcher((searcher) -> this.demoCases.get(searcher.getIndexReader(), Boolean.TRUE,
				() -> searcher.count(DEMO_CASES) > 0));
	}

	/** The matches of a search that also match a filter, scored by the keywords. */
	private static Query within(ReadySearch ready, Query filter) {
		return new BooleanQuery.Builder().add(ready.matching(), Occur.MUST).add(filter, Occur.FILTER).build();
	}

	/** Calls back with a searcher of the index as it is now. */
	private <T> T withSearcher(SearcherCallback<T> callback) {
		IndexReader reader = null;
		try {
			reader = this.index.acquire(this::openIndexReader);
			IndexSearcher searcher = new IndexSearcher(reader);
			limitTime(searcher);
			return callback.call(searcher);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not search the index", ex);
		}
		catch (RuntimeException ex) {
			if (tooComplex(ex)) {
				throw new InvalidSearchException("search.invalid.tooComplex");
			}
			throw (ex instanceof SearchTimeoutException) ? tooSlow() : ex;
		}
		finally {
			release(reader);
		}
	}

	/** Gives the searcher's next queries the search timeout, from now. */
	private void limitTime(IndexSearcher searcher) {
		if (this.timeout.isZero()) {
			return;
		}
		long deadline = System.nanoTime() + this.timeout.toNanos();
		// Lucene asks between blocks of documents. Thrown, not answered with "stop":
		// Lucene would keep the partial matches, and the caches remember answers.
		searcher.setTimeout(() -> {
			if (System.nanoTime() - deadline > 0) {
				throw tooSlow();
			}
			return false;
		});
	}

	private IndexReader openIndexReader() {
		return Search.mapping(this.entityManager.getEntityManagerFactory())
			.scope(Innovation.class)
			.extension(LuceneExtension.get())
			.openIndexReader();
	}

	private void release(IndexReader reader) {
		if (reader != null) {
			try {
				this.index.release(reader);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not release a reader of the index", ex);
			}
		}
	}

	/** Lets go of the last prepared state of the index when Casebook stops. */
	@PreDestroy
	void close() throws IOException {
		this.index.close();
	}

	private InvalidSearchException tooSlow() {
		return new InvalidSearchException("search.invalid.tooSlow", this.timeout.toMillis() / 1000.0);
	}

	/**
	 * Whether Lucene refused the query for its number of clauses. The keywords' limits
	 * keep clear of it; this is the net under them, and wrapped it may come from
	 * Hibernate Search too.
	 */
	private static boolean tooComplex(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof IndexSearcher.TooManyClauses) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The search's queries: the keywords rewritten once (typo and prefix automata
	 * expanded to terms) for the page; their remembered matches for counting.
	 */
	private ReadySearch ready(IndexSearcher searcher, SearchQuery query) throws IOException {
		KeywordQuery keywords = KeywordQuery.parse(query.text());
		Query text = searcher.rewrite(analysis().textQueries().build(keywords));
		Query counted = query.hasText() ? this.textMatches.of(searcher, text) : text;
		return new ReadySearch(query, keywords, filtered(text, query, null, false), counted);
	}

	/**
	 * A search made ready to run on one state of the index.
	 *
	 * @param matching every match, scored by the keywords: for pages in relevance order
	 * @param counted the keywords' matches, unscored, without the filters: for counting
	 */
	private record ReadySearch(SearchQuery query, KeywordQuery keywords, Query matching, Query counted) {

		/** Every match, unscored: for counting, map grids and pages in field order. */
		Query all() {
			return filtered(this.counted, this.query, null, false);
		}

	}

	/**
	 * Reads what searches need from each segment of the index as it is now (its facet
	 * columns: about a second for a million cases), so that no user's search pays for it.
	 * @return how many segments had to be read
	 */
	public int warm() {
		try {
			return this.index.refresh(this::openIndexReader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the index", ex);
		}
	}

	/** Whether every segment of the index as it is now has been read for searches. */
	boolean warmed() {
		try {
			return this.index.prepared(this::openIndexReader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the index", ex);
		}
	}

	/** How often recent answers were reused, per cache, for the benchmark's report. */
	public Map<String, Double> cacheHitRatios() {
		return Map.of("pages", this.pages.hitRatio(), "facet counts", this.facetCounts.hitRatio());
	}

	private List<InnovationHit> hits(Query matching, SearchSort order, int offset, int limit) {
		try (EntityManager session = this.entityManager.getEntityManagerFactory().createEntityManager()) {
			var hits = Search.session(session)
				.search(Innovation.class)
				.select(IndexedHit.class)
				.where((f) -> f.extension(LuceneExtension.get()).fromLuceneQuery(matching))
				.sort((f) -> sort(f, order))
				.totalHitCountThreshold(offset + limit);
			if (!this.timeout.isZero()) {
				hits = hits.failAfter(Math.max(1, this.timeout.toMillis()), TimeUnit.MILLISECONDS);
			}
			return hits.fetchHits(offset, limit).stream().map(IndexedHit::hit).toList();
		}
	}

	/**
	 * Facet values and years with their counts: one pass for every facet without a
	 * selection (and the years, unless a range is set), then one per facet with a
	 * selection without that facet's own filter, and one for the years without the range:
	 * a selection does not shrink its own counts.
	 */
	private SearchResults results(IndexSearcher searcher, ReadySearch ready, List<InnovationHit> hits,
			Set<Facet> counted, boolean countYears) throws IOException {
		SearchQuery query = ready.query();
		Query text = ready.counted();
		Map<Facet, List<FacetValue>> facets = new EnumMap<>(Facet.class);
		Query matching = ready.all();
		List<Facet> unselected = counted.stream().filter((facet) -> query.selected(facet).isEmpty()).toList();
		FacetCounter.Counts counts = count(searcher, matching, unselected, countYears && !query.hasYearRange());
		for (Facet facet : unselected) {
			facets.put(facet, facetValues(facet, counts.values().get(facet), query));
		}
		for (Facet facet : counted) {
			if (!query.selected(facet).isEmpty()) {
				FacetCounter.Counts own = count(searcher, filtered(text, query, facet, false), List.of(facet), false);
				facets.put(facet, facetValues(facet, own.values().get(facet), query));
			}
		}
		Map<Integer, Long> years;
		if (!countYears) {
			years = Map.of();
		}
		else {
			years = !query.hasYearRange() ? counts.years()
					: count(searcher, filtered(text, query, null, true), List.of(), true).years();
		}
		List<SearchResults.YearCount> histogram = years.entrySet()
			.stream()
			.map((entry) -> new SearchResults.YearCount(entry.getKey(), entry.getValue()))
			.sorted(Comparator.comparingInt(SearchResults.YearCount::year))
			.toList();
		ResultPage<InnovationHit> page = new ResultPage<>(hits, counts.matches(), query.page(), query.size());
		return new SearchResults(query, page, facets, histogram);
	}

	private FacetCounter.Counts count(IndexSearcher searcher, Query query, List<Facet> facets, boolean years)
			throws IOException {
		return this.facetCounts.get(searcher.getIndexReader(), new CountKey(query, facets, years),
				() -> FacetCounter.count(searcher, this.columns, query, facets, years));
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
			.sort((f) -> f.score().then().field("publishedAt").desc());
		return RelatedCases
			.realFirst(related.fetchHits(RelatedCases.candidates(count)).stream().map(IndexedHit::hit).toList(), count);
	}

	/**
	 * Lucene's {@link MoreLikeThis}: the text's most telling words (frequent in it, rare
	 * in the index, never a stop word) in every text of the cases, folded, and stemmed in
	 * the text's language when it has its own analysis, as one query. Choosing them costs
	 * a dictionary lookup per distinct word and field of a text of bounded length.
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
		return withSearcher((searcher) -> {
			Analysis analysis = analysis();
			MoreLikeThis like = new MoreLikeThis(searcher.getIndexReader());
			like.setAnalyzer(analysis.byField());
			like.setFieldNames(fields.toArray(String[]::new));
			like.setStopWords(StopWords.all());
			like.setMinTermFreq(1);
			like.setMinDocFreq(1);
			like.setMaxQueryTerms(SIMILAR_TERMS);
			BooleanQuery.Builder any = new BooleanQuery.Builder();
			for (String field : fields) {
				any.add(like.like(field, new StringReader(read)), Occur.SHOULD);
			}
			return hits(any.build(), SearchSort.RELEVANCE, 0, count);
		});
	}

	/**
	 * Pages through the matches with Lucene's own {@code searchAfter}, reading ids from
	 * doc values: memory stays that of one batch however many cases match (Hibernate
	 * Search's scroll keeps every hit it has passed). Each batch is one query within the
	 * search timeout, so an export of any size is never stopped by it.
	 */
	@Override
	public long forEachMatch(SearchQuery query, Consumer<List<Long>> batches) {
		return withSearcher((searcher) -> {
			ReadySearch ready = ready(searcher, query);
			SearchSort order = query.effectiveSort();
			Query matching = (order == SearchSort.RELEVANCE) ? ready.matching() : ready.all();
			Sort sort = luceneSort(order);
			long count = 0;
			ScoreDoc after = null;
			for (int size = FIRST_EXPORT_BATCH;; size = Math.min(size * 2, EXPORT_BATCH)) {
				limitTime(searcher);
				ScoreDoc[] batch = searcher.searchAfter(after, matching, size, sort, false).scoreDocs;
				if (batch.length == 0) {
					return count;
				}
				batches.accept(ids(searcher.getIndexReader(), batch));
				count += batch.length;
				after = batch[batch.length - 1];
			}
		});
	}

	/** The case ids of some documents, in their order, read in index order. */
	private static List<Long> ids(IndexReader reader, ScoreDoc[] documents) throws IOException {
		Integer[] byDoc = new Integer[documents.length];
		for (int i = 0; i < byDoc.length; i++) {
			byDoc[i] = i;
		}
		Arrays.sort(byDoc, Comparator.comparingInt((i) -> documents[i].doc));
		Long[] ids = new Long[documents.length];
		List<LeafReaderContext> leaves = reader.leaves();
		int leaf = -1;
		SortedNumericDocValues values = null;
		for (int i : byDoc) {
			int doc = documents[i].doc;
			int containing = ReaderUtil.subIndex(doc, leaves);
			if (containing != leaf) {
				leaf = containing;
				// Hibernate Search keeps numeric doc values as sorted sets, one value
				// here.
				values = DocValues.getSortedNumeric(leaves.get(leaf).reader(), InnovationIndexMapping.ID);
			}
			if (!values.advanceExact(doc - leaves.get(leaf).docBase)) {
				throw new IllegalStateException("A case in the index has no id");
			}
			ids[i] = values.nextValue();
		}
		return Arrays.asList(ids);
	}

	private static void addShared(SearchPredicateFactory f, BooleanPredicateClausesStep<?, ?> shared, String field,
			Iterable<? extends TaxonomyTerm> terms, float weight) {
		for (TaxonomyTerm term : terms) {
			shared.should(f.match().field(field).matching(term.getKey()).constantScore().boost(weight));
		}
	}

	/** What is counted: matches of a query, values of some facets, years or not. */
	private record CountKey(Query query, List<Facet> facets, boolean years) {
	}

	@FunctionalInterface
	private interface SearcherCallback<T> {

		T call(IndexSearcher searcher) throws IOException;

	}

	/**
	 * The keywords and every filter of the query, but for one facet's filter or the year
	 * range when their own counts are being computed.
	 */
	private static Query filtered(Query text, SearchQuery query, Facet exceptFacet, boolean exceptYears) {
		BooleanQuery.Builder bool = new BooleanQuery.Builder().add(text, Occur.MUST);
		query.filters().forEach((facet, keys) -> {
			if (facet != exceptFacet) {
				bool.add(new TermInSetQuery(facet.field(), keys.stream().map(BytesRef::new).toList()), Occur.FILTER);
			}
		});
		if (query.hasYearRange() && !exceptYears) {
			int from = (query.yearFrom() != null) ? query.yearFrom() : SearchQueryParser.MIN_YEAR;
			int to = (query.yearTo() != null) ? query.yearTo() : SearchQueryParser.MAX_YEAR;
			bool.add(IntPoint.newRangeQuery(FacetCounter.YEAR_FIELD, from, to), Occur.FILTER);
		}
		if (query.hideDemo()) {
			bool.add(DEMO_CASES, Occur.MUST_NOT);
		}
		return bool.build();
	}

	/**
	 * The order of a page of results. Sorts on fields are Lucene's own sort fields on the
	 * doc values Hibernate Search indexes: they let Lucene skip the hits that cannot make
	 * the page (the field's points tell it where they are), which Hibernate Search's own
	 * sorts do not. Ties are broken by the case's id, not by index order: a case keeps
	 * its place whatever the index's history (a merge between two pages moved documents).
	 * The id, a number, rather than the slug: a text sort field copies each competing
	 * hit's value out of a compressed dictionary, which cost an export of the whole
	 * catalogue more than reading its rows (README, "Open data").
	 */
	private static SortFinalStep sort(SearchSortFactory f, SearchSort sort) {
		if (sort == SearchSort.RELEVANCE) {
			return f.score().then().field("publishedAt").desc().then().field(InnovationIndexMapping.ID);
		}
		return f.extension(LuceneExtension.get()).fromLuceneSort(luceneSort(sort));
	}

	/** The same orders in Lucene's terms. */
	private static Sort luceneSort(SearchSort sort) {
		SortField published = new SortedNumericSortField("publishedAt", SortField.Type.LONG, true);
		SortField id = new SortedNumericSortField(InnovationIndexMapping.ID, SortField.Type.LONG);
		SortField[] fields = switch (sort) {
			case RELEVANCE -> new SortField[] { SortField.FIELD_SCORE, published, id };
			case NEWEST -> new SortField[] { launchYear(true), published, id };
			case OLDEST -> new SortField[] { launchYear(false), published, id };
			case PUBLISHED -> new SortField[] { published, id };
			case TITLE -> new SortField[] { new SortedSetSortField("title_sort", false), id };
		};
		return new Sort(fields);
	}

	/** The year of launch, cases without one last either way. */
	private static SortField launchYear(boolean newestFirst) {
		SortField year = new SortedNumericSortField(FacetCounter.YEAR_FIELD, SortField.Type.INT, newestFirst);
		year.setMissingValue(newestFirst ? Integer.MIN_VALUE : Integer.MAX_VALUE);
		return year;
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

	/** Built on first use: the analyzers exist only once Hibernate Search has started. */
	private Analysis analysis() {
		Analysis analysis = this.analysis;
		if (analysis == null) {
			LuceneBackend backend = Search.mapping(this.entityManager.getEntityManagerFactory())
				.backend()
				.unwrap(LuceneBackend.class);
			Analyzer folded = backend.analyzer(Analyzers.FOLDED).orElseThrow();
			Map<String, Analyzer> analyzers = new HashMap<>();
			for (TextQueryBuilder.FieldGroup group : TextQueryBuilder.FIELD_GROUPS) {
				for (String field : group.fields()) {
					Analyzer analyzer = Analyzers.LANGUAGES.stream()
						.filter((language) -> field.endsWith("_" + language))
						.findFirst()
						.map((language) -> (Analyzer) backend.analyzer(Analyzers.forLanguage(language)).orElseThrow())
						.orElse(folded);
					analyzers.put(field, analyzer);
				}
			}
			analysis = new Analysis(new TextQueryBuilder(Map.copyOf(analyzers), folded), new SummaryHighlighter(folded),
					new PerFieldAnalyzerWrapper(folded, Map.copyOf(analyzers)));
			this.analysis = analysis;
		}
		return analysis;
	}

	/**
	 * What keywords are analysed with: per field for queries and similar texts, folded
	 * for summaries.
	 */
	private record Analysis(TextQueryBuilder textQueries, SummaryHighlighter summaries, Analyzer byField) {
	}

}
