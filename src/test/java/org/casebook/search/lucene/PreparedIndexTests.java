package org.casebook.search.lucene;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Searches read the newest state of the index, prepared, except while a merge's segment
 * is being prepared: then the previous state, which holds the same cases. A real Lucene
 * index in memory, written and merged as Hibernate Search's writer does.
 */
class PreparedIndexTests {

	private final Set<Object> preparedSegments = ConcurrentHashMap.newKeySet();

	private final PreparedIndex.Preparation preparation = new PreparedIndex.Preparation() {

		@Override
		public boolean prepared(LeafReader segment) {
			return PreparedIndexTests.this.preparedSegments.contains(segment.getCoreCacheHelper().getKey());
		}

		@Override
		public void prepare(LeafReader segment) {
			PreparedIndexTests.this.preparedSegments.add(segment.getCoreCacheHelper().getKey());
		}

	};

	private ByteBuffersDirectory directory;

	private IndexWriter writer;

	/**
	 * Every new segment counts as big: searches never prepare one themselves if they can
	 * wait.
	 */
	private PreparedIndex index;

	@BeforeEach
	void twoSegments() throws IOException {
		this.directory = new ByteBuffersDirectory();
		// Lucene's default merge policy: no merge of so few segments unless asked for.
		this.writer = new IndexWriter(this.directory, new IndexWriterConfig(new StandardAnalyzer()));
		this.index = new PreparedIndex(this.preparation, 0);
		add("a");
		add("b");
		this.writer.commit();
		add("c");
		this.writer.commit();
		assertThat(this.index.refresh(this::open)).isEqualTo(2);
	}

	@AfterEach
	void close() throws IOException {
		this.index.close();
		this.writer.close();
		this.directory.close();
	}

	@Test
	void aWrittenCaseIsFoundAtOnceItsSegmentPreparedByTheSearch() throws IOException {
		add("d");

		IndexReader reader = this.index.acquire(this::open);

		assertThat(reader.numDocs()).isEqualTo(4);
		assertThat(segmentsOf(reader)).allMatch(this.preparation::prepared);
		this.index.release(reader);
	}

	@Test
	void aDeletedCaseIsGoneAtOnce() throws IOException {
		this.writer.deleteDocuments(new Term("id", "a"));

		IndexReader reader = this.index.acquire(this::open);

		assertThat(reader.numDocs()).isEqualTo(2);
		this.index.release(reader);
	}

	@Test
	void whileAMergedSegmentIsUnpreparedSearchesReadThePreviousStateThenTheNewOne() throws IOException {
		IndexReader before = this.index.acquire(this::open);
		this.index.release(before);
		this.writer.forceMerge(1);

		IndexReader during = this.index.acquire(this::open);
		assertThat(during).as("the state prepared before the merge").isSameAs(before);
		assertThat(during.numDocs()).isEqualTo(3);
		assertThat(this.index.prepared(this::open)).as("the merged segment, not read by the search").isFalse();
		this.index.release(during);

		assertThat(this.index.refresh(this::open)).as("segments the warmer prepares").isEqualTo(1);
		IndexReader after = this.index.acquire(this::open);
		assertThat(after).isNotSameAs(before);
		assertThat(after.leaves()).hasSize(1);
		assertThat(after.numDocs()).isEqualTo(3);
		this.index.release(after);
		assertThat(before.getRefCount()).as("the previous state, closed once no search reads it").isZero();
	}

	@Test
	void aMergeTogetherWithAWriteShowsTheWriteAtOnce() throws IOException {
		this.writer.forceMerge(1);
		add("d");

		IndexReader reader = this.index.acquire(this::open);

		assertThat(reader.numDocs()).isEqualTo(4);
		assertThat(segmentsOf(reader)).allMatch(this.preparation::prepared);
		this.index.release(reader);
	}

	@Test
	void aMergeTogetherWithADeletionShowsTheDeletionAtOnce() throws IOException {
		this.writer.forceMerge(1);
		this.writer.deleteDocuments(new Term("id", "c"));

		IndexReader reader = this.index.acquire(this::open);

		assertThat(reader.numDocs()).isEqualTo(2);
		this.index.release(reader);
	}

	@Test
	void aStateIsKeptOpenWhileASearchReadsItEvenOnceANewerOneIsPrepared() throws IOException {
		IndexReader reading = this.index.acquire(this::open);
		add("d");
		this.index.refresh(this::open);

		assertThat(reading.getRefCount()).isPositive();
		assertThat(reading.numDocs()).isEqualTo(3);
		this.index.release(reading);
		assertThat(reading.getRefCount()).isZero();
	}

	private IndexReader open() throws IOException {
		return DirectoryReader.open(this.writer);
	}

	private void add(String id) throws IOException {
		Document document = new Document();
		document.add(new StringField("id", id, Field.Store.NO));
		this.writer.addDocument(document);
	}

	private static List<LeafReader> segmentsOf(IndexReader reader) {
		return reader.leaves().stream().map(LeafReaderContext::reader).toList();
	}

}
