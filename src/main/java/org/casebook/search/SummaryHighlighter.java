package org.casebook.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
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
	 * The summary as escaped HTML with the matched words marked, or null if none matched.
	 */
	String highlight(KeywordQuery keywords, String summary) {
		if (summary == null || keywords.isEmpty()) {
			return null;
		}
		try {
			Object highlighted = this.highlighter.highlightWithoutSearcher(FIELD, query(keywords), summary, 1);
			String html = (highlighted != null) ? highlighted.toString() : null;
			return (html != null && html.contains("<em>")) ? html : null;
		}
		catch (java.io.IOException ex) {
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
				any.add(new PrefixQuery(new Term(FIELD, prefix)), Occur.SHOULD);
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
