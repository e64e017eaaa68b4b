package org.casebook.search.opensearch;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.casebook.search.InvalidSearchException;
import org.casebook.search.KeywordQuery;
import org.casebook.search.index.Analyzers;
import org.casebook.search.index.InnovationTextBinder;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;

/**
 * Keywords as predicates of Hibernate Search's DSL, as the Lucene engine's
 * {@code TextQueryBuilder} builds them: every word and phrase must match in some text
 * field, each analysed as it was indexed (OpenSearch analyses per field); stop words only
 * add to the score; a title match weighs most; words of five letters or more forgive one
 * typo and the word being typed matches as a prefix, in the folded text of all fields;
 * excluded words and phrases must match nowhere.
 */
final class KeywordPredicates {

	/** Text fields by weight, as the Lucene engine has them. */
	private static final List<FieldGroup> FIELD_GROUPS = List.of(new FieldGroup(3f, List.of("title")),
			new FieldGroup(2f, List.of("summary")),
			new FieldGroup(1.5f, List.of("organisations.name", "tags.label_text")),
			new FieldGroup(1f,
					Stream
						.concat(Stream.of(InnovationTextBinder.BODY, "countries.label_text"),
								Analyzers.LANGUAGES.stream().map(InnovationTextBinder::languageField))
						.toList()));

	/** As the Lucene engine: no query reaches OpenSearch's clause limit. */
	static final int MAX_ANALYSED_TERMS = 48;

	private static final int MAX_FORGIVING_WORDS = 8;

	private static final int FUZZY_MIN_LENGTH = 5;

	private static final float FORGIVING_BOOST = 0.5f;

	/**
	 * The tokens the standard tokenizer makes, near enough to count them: letters and
	 * digits, kept whole across a dot or an apostrophe between them ("make.org", "21.5").
	 */
	private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:[.'’][\\p{L}\\p{N}]+)*");

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private final KeywordQuery keywords;

	/**
	 * @throws InvalidSearchException if the keywords have more than
	 * {@value #MAX_ANALYSED_TERMS} terms
	 */
	KeywordPredicates(KeywordQuery keywords) {
		int terms = 0;
		for (List<String> part : List.of(keywords.words(), keywords.phrases(), keywords.excluded())) {
			for (String text : part) {
				Matcher tokens = TOKEN.matcher(text);
				while (tokens.find()) {
					terms++;
				}
			}
		}
		if (terms > MAX_ANALYSED_TERMS) {
			throw new InvalidSearchException("search.invalid.tooManyTerms", terms, MAX_ANALYSED_TERMS);
		}
		this.keywords = keywords;
	}

	boolean isEmpty() {
		return this.keywords.isEmpty();
	}

	PredicateFinalStep predicate(SearchPredicateFactory f) {
		boolean forgiving = this.keywords.words().size() <= MAX_FORGIVING_WORDS;
		boolean onlyStopWords = this.keywords.phrases().isEmpty()
				&& this.keywords.words().stream().allMatch(StopWords::contains);
		BooleanPredicateClausesStep<?, ?> query = f.bool();
		boolean required = false;
		for (String word : this.keywords.words()) {
			PredicateFinalStep match = word(f, word, forgiving, word.equals(this.keywords.prefix()));
			if (StopWords.contains(word) && !onlyStopWords) {
				query.should(match);
			}
			else {
				query.must(match);
				required = true;
			}
		}
		for (String phrase : this.keywords.phrases()) {
			BooleanPredicateClausesStep<?, ?> anyField = f.bool();
			forEachField((field, boost) -> anyField.should(f.phrase().field(field).matching(phrase).boost(boost)));
			query.must(anyField);
			required = true;
		}
		if (!required) {
			query.must(f.matchAll());
		}
		for (String excluded : this.keywords.excluded()) {
			BooleanPredicateClausesStep<?, ?> anyField = f.bool();
			forEachField((field, boost) -> anyField.should(excluded.contains(" ")
					? f.phrase().field(field).matching(excluded) : allTerms(f, field, excluded)));
			query.mustNot(anyField);
		}
		return query;
	}

	private static PredicateFinalStep word(SearchPredicateFactory f, String word, boolean forgiving, boolean prefix) {
		BooleanPredicateClausesStep<?, ?> anyField = f.bool();
		forEachField((field, boost) -> anyField.should(allTerms(f, field, word).boost(boost)));
		String folded = fold(word);
		if (forgiving && isOneToken(folded) && folded.codePointCount(0, folded.length()) >= FUZZY_MIN_LENGTH) {
			anyField
				.should(f.match().field(InnovationTextBinder.ALL).matching(folded).fuzzy(1, 1).boost(FORGIVING_BOOST));
		}
		if (prefix) {
			anyField.should(f.prefix().field(InnovationTextBinder.ALL).matching(folded).boost(FORGIVING_BOOST));
		}
		return anyField;
	}

	/**
	 * A word as one field analyses it: every term it makes must be there ("21/05" is
	 * two).
	 */
	private static org.hibernate.search.engine.search.predicate.dsl.MatchPredicateOptionsStep<?> allTerms(
			SearchPredicateFactory f, String field, String text) {
		return f.match().field(field).matching(text).minimumShouldMatchPercent(100);
	}

	/**
	 * The words to mark in a card's summary: the user's words there, their typo and
	 * prefix forms, the phrases; as OpenSearch's {@code highlight_query}, since the
	 * search's own query matches typos and prefixes in another field.
	 */
	JsonObject summaryHighlightQuery() {
		JsonArray should = new JsonArray();
		for (String word : this.keywords.words()) {
			should.add(match("match", word, null));
			String folded = fold(word);
			if (isOneToken(folded) && folded.codePointCount(0, folded.length()) >= FUZZY_MIN_LENGTH) {
				should.add(match("match", folded, 1));
			}
			if (word.equals(this.keywords.prefix())) {
				JsonObject value = new JsonObject();
				value.addProperty("value", folded);
				JsonObject field = new JsonObject();
				field.add("summary", value);
				JsonObject prefix = new JsonObject();
				prefix.add("prefix", field);
				should.add(prefix);
			}
		}
		for (String phrase : this.keywords.phrases()) {
			should.add(match("match_phrase", phrase, null));
		}
		JsonObject bool = new JsonObject();
		bool.add("should", should);
		JsonObject query = new JsonObject();
		query.add("bool", bool);
		return query;
	}

	private static JsonObject match(String type, String text, Integer fuzziness) {
		JsonObject options = new JsonObject();
		options.addProperty("query", text);
		if (fuzziness != null) {
			options.addProperty("fuzziness", fuzziness);
			options.addProperty("prefix_length", 1);
		}
		JsonObject field = new JsonObject();
		field.add("summary", options);
		JsonObject match = new JsonObject();
		match.add(type, field);
		return match;
	}

	/** Lower case without accents, as the folded analyzer leaves a word. */
	static String fold(String word) {
		return MARKS.matcher(Normalizer.normalize(word.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)).replaceAll("");
	}

	private static boolean isOneToken(String word) {
		return !word.isEmpty() && word.codePoints().allMatch(Character::isLetterOrDigit);
	}

	private static void forEachField(FieldAction action) {
		for (FieldGroup group : FIELD_GROUPS) {
			for (String field : group.fields()) {
				action.apply(field, group.boost());
			}
		}
	}

	@FunctionalInterface
	private interface FieldAction {

		void apply(String field, float boost);

	}

	/** Text fields of one weight. */
	private record FieldGroup(float boost, List<String> fields) {
	}

}
