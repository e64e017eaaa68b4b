package org.casebook.search.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
import org.casebook.search.KeywordQuery;
import org.casebook.search.TextRange;

/**
 * Finds the searched words in a card's summary: the user's own words (folded, with their
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
	 * Where the words matched in the summary, in order; empty if none did. The summary is
	 * analysed once, token by token: no index is built for it.
	 */
	List<TextRange> matches(Set<String> words, String summary) {
		if (summary == null || words.isEmpty()) {
			return List.of();
		}
		List<TextRange> matches = new ArrayList<>();
		try (TokenStream tokens = this.folded.tokenStream(FIELD, summary)) {
			CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
			OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
			tokens.reset();
			while (tokens.incrementToken()) {
				if (words.contains(term.toString())) {
					matches.add(new TextRange(offset.startOffset(), offset.endOffset()));
				}
			}
			tokens.end();
		}
		catch (IOException ex) {
			return List.of();
		}
		return matches;
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
