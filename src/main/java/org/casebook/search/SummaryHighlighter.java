package org.casebook.search;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

import org.springframework.web.util.HtmlUtils;

/**
 * Marks the searched words in a card's summary: the user's own words (folded, with their
 * typo and prefix forms), found by analysing the summary once. Far cheaper than
 * highlighting with the whole search query over every field.
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

	SummaryHighlighter(Analyzer folded) {
		this.folded = folded;
	}

	/**
	 * The words to mark, once per search: the user's words as the summary field indexes
	 * them, with their typo and prefix forms expanded against the index.
	 * @return the indexed forms to mark, empty when there is nothing to mark
	 */
	Set<String> prepare(KeywordQuery keywords, IndexSearcher searcher) throws IOException {
		if (keywords.isEmpty()) {
			return Set.of();
		}
		Set<Term> terms = new HashSet<>();
		searcher.rewrite(query(keywords)).visit(QueryVisitor.termCollector(terms));
		Set<String> words = new HashSet<>();
		terms.stream().filter((term) -> FIELD.equals(term.field())).forEach((term) -> words.add(term.text()));
		return words;
	}

	/**
	 * The summary as escaped HTML with the matched words marked, or null if none matched.
	 * The summary is analysed once, token by token: no index is built for it.
	 */
	String highlight(Set<String> words, String summary) {
		if (summary == null || words.isEmpty()) {
			return null;
		}
		StringBuilder html = new StringBuilder(summary.length() + 32);
		int written = 0;
		try (TokenStream tokens = this.folded.tokenStream(FIELD, summary)) {
			CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
			OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
			tokens.reset();
			while (tokens.incrementToken()) {
				if (words.contains(term.toString())) {
					html.append(HtmlUtils.htmlEscape(summary.substring(written, offset.startOffset())))
						.append("<em>")
						.append(HtmlUtils.htmlEscape(summary.substring(offset.startOffset(), offset.endOffset())))
						.append("</em>");
					written = offset.endOffset();
				}
			}
			tokens.end();
		}
		catch (IOException ex) {
			return null;
		}
		if (written == 0) {
			return null;
		}
		return html.append(HtmlUtils.htmlEscape(summary.substring(written))).toString();
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
