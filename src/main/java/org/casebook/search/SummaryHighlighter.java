package org.casebook.search;

import java.io.IOException;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

/**
 * Marks the searched words in a card's summary. It reads only the summary, with a query
 * made of the user's own words (folded, with their typo and prefix forms), which is far
 * cheaper than highlighting with the whole search query over every field.
 */
final class SummaryHighlighter {

	private static final String FIELD = "summary";

	private static final int FUZZY_MIN_LENGTH = 5;

	/**
	 * A prefix stands for its 50 most frequent words: enough to mark what is on a page.
	 */
	private static final MultiTermQuery.RewriteMethod EXPANDED_PREFIX = new MultiTermQuery.TopTermsScoringBooleanQueryRewrite(
			50);

	private final Analyzer folded;

	private final UnifiedHighlighter highlighter;

	SummaryHighlighter(Analyzer folded) {
		this.folded = folded;
		this.highlighter = UnifiedHighlighter.builderWithoutSearcher(folded)
			.withBreakIterator(WholeBreakIterator::new)
			.withFormatter(new DefaultPassageFormatter("<em>", "</em>", "… ", true))
			.build();
	}

	/**
	 * The query that marks the user's words, once per search: its typo and prefix forms
	 * are expanded against the index, so that marking each summary builds no automaton.
	 * @return the query, or null when there is nothing to mark
	 */
	Query prepare(KeywordQuery keywords, IndexSearcher searcher) throws IOException {
		return keywords.isEmpty() ? null : searcher.rewrite(query(keywords));
	}

	/**
	 * The summary as escaped HTML with the matched words marked, or null if none matched.
	 */
	String highlight(Query prepared, String summary) {
		if (summary == null || prepared == null) {
			return null;
		}
		try {
			Object highlighted = this.highlighter.highlightWithoutSearcher(FIELD, prepared, summary, 1);
			String html = (highlighted != null) ? highlighted.toString() : null;
			return (html != null && html.contains("<em>")) ? html : null;
		}
		catch (IOException ex) {
			return null;
		}
	}

	private Query query(KeywordQuery keywords) {
		QueryBuilder builder = new QueryBuilder(this.folded);
		BooleanQuery.Builder any = new BooleanQuery.Builder();
		for (String word : keywords.words()) {
			Query exact = builder.createBooleanQuery(FIELD, word);
			if (exact != null) {
				any.add(exact, Occur.SHOULD);
			}
			if (exact instanceof TermQuery term && term.getTerm().text().length() >= FUZZY_MIN_LENGTH) {
				any.add(new FuzzyQuery(term.getTerm(), 1, 1), Occur.SHOULD);
			}
			if (word.equals(keywords.prefix())) {
				BytesRef prefix = BytesRef.deepCopyOf(this.folded.normalize(FIELD, word));
				any.add(new PrefixQuery(new Term(FIELD, prefix), EXPANDED_PREFIX), Occur.SHOULD);
			}
		}
		for (String phrase : keywords.phrases()) {
			Query query = builder.createPhraseQuery(FIELD, phrase);
			if (query != null) {
				any.add(query, Occur.SHOULD);
			}
		}
		return any.build();
	}

}
