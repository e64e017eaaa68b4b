package org.casebook.search.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.casebook.search.Facet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Facet counts over a small Lucene index of several segments with deletions, checked
 * against counts worked out from the documents themselves: for every share of matches, so
 * that both ways of counting (scanning a column, and match by match) are used.
 */
class FacetCounterTests {

	static final int DOCUMENTS = 3000;

	static final List<Facet> FACETS = List.of(Facet.values());

	static final List<Case> cases = new ArrayList<>();

	static ByteBuffersDirectory directory;

	static IndexSearcher searcher;

	@BeforeAll
	static void index() throws IOException {
		Random random = new Random(7);
		directory = new ByteBuffersDirectory();
		try (IndexWriter writer = new IndexWriter(directory,
				new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
			for (int i = 0; i < DOCUMENTS; i++) {
				Map<Facet, Set<String>> values = new EnumMap<>(Facet.class);
				Document document = new Document();
				document.add(new StringField("id", Integer.toString(i), Field.Store.NO));
				document.add(new StringField("mod", "m" + (i % 50), Field.Store.NO));
				document.add(new StringField("third", (i % 3 == 0) ? "yes" : "no", Field.Store.NO));
				for (Facet facet : FACETS) {
					// Some documents have none, some one, some several values.
					int count = random.nextInt((facet == Facet.LEVEL) ? 2 : 4);
					Set<String> keys = new TreeSet<>();
					for (int n = 0; n < count; n++) {
						keys.add(facet.parameter() + "-" + random.nextInt(12));
					}
					keys.forEach((key) -> document.add(new SortedSetDocValuesField(facet.field(), new BytesRef(key))));
					values.put(facet, keys);
				}
				Integer year = random.nextBoolean() ? 1990 + random.nextInt(30) : null;
				if (year != null) {
					document.add(new SortedNumericDocValuesField(FacetCounter.YEAR_FIELD, year));
				}
				writer.addDocument(document);
				boolean deleted = i % 17 == 0;
				cases.add(new Case(i, values, year, deleted));
				if (i % 700 == 699) {
					writer.commit();
				}
			}
			for (Case c : cases) {
				if (c.deleted()) {
					writer.deleteDocuments(new Term("id", Integer.toString(c.id())));
				}
			}
		}
		DirectoryReader reader = DirectoryReader.open(directory);
		assertThat(reader.leaves()).hasSizeGreaterThan(3);
		searcher = new IndexSearcher(reader);
	}

	@Test
	void everyDocument() throws IOException {
		check(new MatchAllDocsQuery(), (id) -> true);
	}

	@Test
	void aThirdOfTheDocuments() throws IOException {
		check(new TermQuery(new Term("third", "yes")), (id) -> id % 3 == 0);
	}

	@Test
	void aFewDocuments() throws IOException {
		check(new TermQuery(new Term("mod", "m7")), (id) -> id % 50 == 7);
	}

	@Test
	void noDocument() throws IOException {
		check(new TermQuery(new Term("mod", "none")), (id) -> false);
	}

	@Test
	void columnsAreHeldWhileTheirSegmentIsOpen() throws IOException {
		FacetColumns columns = new FacetColumns();
		try (DirectoryReader reader = DirectoryReader.open(directory)) {
			FacetCounter.count(new IndexSearcher(reader), columns, new MatchAllDocsQuery(), FACETS, true);
			assertThat(columns.size()).isEqualTo(reader.leaves().size());
		}
		assertThat(columns.size()).isZero();
	}

	private void check(Query query, IntPredicate matching) throws IOException {
		FacetColumns columns = new FacetColumns();
		FacetCounter.Counts counts = FacetCounter.count(searcher, columns, query, FACETS, true);

		List<Case> matches = cases.stream().filter((c) -> !c.deleted() && matching.test(c.id())).toList();
		assertThat(counts.matches()).isEqualTo(matches.size());
		for (Facet facet : FACETS) {
			Map<String, Long> expected = new HashMap<>();
			matches.forEach((c) -> c.values().get(facet).forEach((key) -> expected.merge(key, 1L, Long::sum)));
			assertThat(counts.values().get(facet)).as(facet.parameter()).isEqualTo(expected);
		}
		Map<Integer, Long> years = new HashMap<>();
		matches.stream().filter((c) -> c.year() != null).forEach((c) -> years.merge(c.year(), 1L, Long::sum));
		assertThat(counts.years()).isEqualTo(years);
		// Counting again reads the remembered columns and gives the same.
		assertThat(FacetCounter.count(searcher, columns, query, FACETS, true)).isEqualTo(counts);
	}

	record Case(int id, Map<Facet, Set<String>> values, Integer year, boolean deleted) {
	}

}
