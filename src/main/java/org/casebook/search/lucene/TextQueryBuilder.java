package org.casebook.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.casebook.search.InvalidSearchException;
import org.casebook.search.KeywordQuery;
import org.casebook.search.index.Analyzers;
import org.casebook.search.index.InnovationTextBinder;

/**
 * Turns a {@link KeywordQuery} into a Lucene query over every text field, each analysed
 * as it was indexed: every word and phrase must match somewhere (stop words only add to
 * the score), a title match weighs most, words of five letters or more forgive one typo,
 * and the word being typed matches as a prefix.
 */
public final class TextQueryBuilder {

	/**
	 * Text fields by weight: a word in the title counts most, then the summary, then the
	 * rest. The language fields hold every text of a case, stemmed in its own language.
	 */
	static final List<FieldGroup> FIELD_GROUPS = List.of(new FieldGroup(3f, List.of("title")),
			new FieldGroup(2f, List.of("summary")),
			new FieldGroup(1.5f, List.of("organisations.name", "tags.label_text")),
			new FieldGroup(1f,
					Stream
						.concat(Stream.of(InnovationTextBinder.BODY, "countries.label_text"),
								Analyzers.LANGUAGES.stream().map(InnovationTextBinder::languageField))
						.toList()));

	/** Where typos and prefixes are matched: every text of a case, language-neutral. */
	static final List<String> FOLDED_FIELDS = List.of(InnovationTextBinder.ALL);

	private static final int FUZZY_MIN_LENGTH = 5;

	/**
	 * The most terms the keywords may have once analysed. A word the analyzer splits
	 * (digits between slashes, say) counts for each of its pieces: each piece becomes a
	 * clause per text field, and Lucene refuses a query of more than
	 * {@link IndexSearcher#getMaxClauseCount()} clauses in all.
	 */
	public static final int MAX_ANALYSED_TERMS = 48;

	/**
	 * Typos are forgiven in at most this many words: a word's typo variants may add up to
	 * 50 clauses. A longer search has enough other words to find what it looks for.
	 */
	static final int MAX_FORGIVING_WORDS = 8;

	private static final float FORGIVING_BOOST = 0.5f;

	private final Map<String, Analyzer> analyzers;

	private final Analyzer folded;

	/**
	 * @param analyzers the analyzer of every text field, by field name
	 * @param folded the language-neutral analyzer
	 */
	TextQueryBuilder(Map<String, Analyzer> analyzers, Analyzer folded) {
		this.analyzers = analyzers;
		this.folded = folded;
	}

	/**
	 * @throws InvalidSearchException if the keywords have more than
	 * {@value #MAX_ANALYSED_TERMS} terms once analysed
	 */
	Query build(KeywordQuery keywords) {
		int terms = analysedTerms(keywords);
		if (terms > MAX_ANALYSED_TERMS) {
			throw new InvalidSearchException("search.invalid.tooManyTerms", terms, MAX_ANALYSED_TERMS);
		}
		boolean forgiving = keywords.words().size() <= MAX_FORGIVING_WORDS;
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		boolean onlyStopWords = keywords.phrases().isEmpty() && keywords.words().stream().allMatch(StopWords::contains);
		boolean required = false;
		for (String word : keywords.words()) {
			Query match = word(word, forgiving, word.equals(keywords.prefix()));
			if (StopWords.contains(word) && !onlyStopWords) {
				query.add(match, Occur.SHOULD);
			}
			else {
				query.add(match, Occur.MUST);
				required = true;
			}
		}
		for (String phrase : keywords.phrases()) {
			BooleanQuery.Builder anyField = new BooleanQuery.Builder();
			for (FieldGroup group : FIELD_GROUPS) {
				for (String field : group.fields()) {
					add(anyField, builder(field).createPhraseQuery(field, phrase), group.boost());
				}
			}
			query.add(anyField.build(), Occur.MUST);
			required = true;
		}
		if (!required) {
			query.add(new MatchAllDocsQuery(), Occur.MUST);
		}
		for (String excluded : keywords.excluded()) {
			BooleanQuery.Builder anyField = new BooleanQuery.Builder();
			for (FieldGroup group : FIELD_GROUPS) {
				for (String field : group.fields()) {
					QueryBuilder builder = builder(field);
					add(anyField, excluded.contains(" ") ? builder.createPhraseQuery(field, excluded)
							: builder.createBooleanQuery(field, excluded, Occur.MUST), 1f);
				}
			}
			query.add(anyField.build(), Occur.MUST_NOT);
		}
		return query.build();
	}

	/**
	 * How many terms the folded analyzer makes of the keywords. The language analyzers
	 * split text the same way and may only drop stop words, so no field gets more.
	 */
	private int analysedTerms(KeywordQuery keywords) {
		int terms = 0;
		for (List<String> part : List.of(keywords.words(), keywords.phrases(), keywords.excluded())) {
			for (String text : part) {
				try (TokenStream tokens = this.folded.tokenStream(FOLDED_FIELDS.get(0), text)) {
					tokens.reset();
					while (tokens.incrementToken()) {
						terms++;
					}
					tokens.end();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}
		return terms;
	}

	private Query word(String word, boolean forgiving, boolean prefix) {
		BooleanQuery.Builder anyField = new BooleanQuery.Builder();
		for (FieldGroup group : FIELD_GROUPS) {
			for (String field : group.fields()) {
				add(anyField, builder(field).createBooleanQuery(field, word, Occur.MUST), group.boost());
			}
		}
		String term = singleFoldedTerm(word);
		if (forgiving && term != null && term.codePointCount(0, term.length()) >= FUZZY_MIN_LENGTH) {
			for (String field : FOLDED_FIELDS) {
				add(anyField, new FuzzyQuery(new Term(field, term), 1, 1), FORGIVING_BOOST);
			}
		}
		if (prefix) {
			BytesRef normalized = this.folded.normalize(FOLDED_FIELDS.get(0), word);
			for (String field : FOLDED_FIELDS) {
				add(anyField, new PrefixQuery(new Term(field, BytesRef.deepCopyOf(normalized))), FORGIVING_BOOST);
			}
		}
		return anyField.build();
	}

	/** The word as the folded analyzer indexes it, if it is one token. */
	private String singleFoldedTerm(String word) {
		Query query = new QueryBuilder(this.folded).createBooleanQuery("f", word);
		return (query instanceof TermQuery termQuery) ? termQuery.getTerm().text() : null;
	}

	private QueryBuilder builder(String field) {
		Analyzer analyzer = this.analyzers.get(field);
		if (analyzer == null) {
			throw new IllegalStateException("No analyzer known for field " + field);
		}
		return new QueryBuilder(analyzer);
	}

	private static void add(BooleanQuery.Builder anyField, Query query, float boost) {
		// An analyzer may leave nothing of the input (a stop word): that field cannot
		// match.
		if (query != null) {
			anyField.add((boost == 1f) ? query : new BoostQuery(query, boost), Occur.SHOULD);
		}
	}

	/** Text fields of one weight. */
	record FieldGroup(float boost, List<String> fields) {
	}

}
