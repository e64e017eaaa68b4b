package org.casebook.search.lucene;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Remembered keyword matches give what the keywords give, on the index they were taken
 * from and on later states of it: a search may read a newer state than the one its
 * matches were remembered on.
 */
class TextMatchesTests {

	final Query word = new TermQuery(new Term("word", "zorb"));

	@Test
	void rememberedMatchesFollowTheIndexAsItChanges() throws IOException {
		ByteBuffersDirectory directory = new ByteBuffersDirectory();
		try (IndexWriter writer = new IndexWriter(directory,
				new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
			for (int i = 0; i < 300; i++) {
				add(writer, i);
				if (i % 100 == 99) {
					writer.commit();
				}
			}
			DirectoryReader before = DirectoryReader.open(writer);
			Query remembered = new TextMatches(4).of(new IndexSearcher(before), this.word);
			assertThat(ids(new IndexSearcher(before), remembered)).isEqualTo(ids(new IndexSearcher(before), this.word))
				.hasSize(100);

			// A deletion in an old segment, a new segment, then everything merged into
			// one.
			writer.deleteDocuments(new Term("id", "3"));
			for (int i = 300; i < 330; i++) {
				add(writer, i);
			}
			DirectoryReader changed = DirectoryReader.open(writer);
			assertThat(ids(new IndexSearcher(changed), remembered))
				.isEqualTo(ids(new IndexSearcher(changed), this.word))
				.hasSize(109)
				.doesNotContain("3");

			writer.forceMerge(1);
			DirectoryReader merged = DirectoryReader.open(writer);
			assertThat(ids(new IndexSearcher(merged), remembered)).isEqualTo(ids(new IndexSearcher(merged), this.word))
				.hasSize(109);
			before.close();
			changed.close();
			merged.close();
		}
	}

	private static void add(IndexWriter writer, int i) throws IOException {
		Document document = new Document();
		document.add(new StringField("id", Integer.toString(i), Field.Store.YES));
		document.add(new StringField("word", (i % 3 == 0) ? "zorb" : "other", Field.Store.NO));
		writer.addDocument(document);
	}

	private static Set<String> ids(IndexSearcher searcher, Query query) throws IOException {
		Set<String> ids = new HashSet<>();
		StoredFields stored = searcher.storedFields();
		for (ScoreDoc hit : searcher.search(query, 10_000).scoreDocs) {
			ids.add(stored.document(hit.doc).get("id"));
		}
		return ids;
	}

}
