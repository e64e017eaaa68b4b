package org.casebook.search.opensearch;

import org.casebook.search.index.Analyzers;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;

import org.springframework.stereotype.Component;

/**
 * The analyzers named in {@link Analyzers}, as the Lucene engine defines them, from
 * OpenSearch's built-in components: the same tokenizer, stop word lists ({@code _french_}
 * is Lucene's Snowball list), stemmers and accent folding, so that both engines find the
 * same cases for the same words.
 */
@Component("casebookOpenSearchAnalysis")
@OpenSearchEngine
class OpenSearchAnalysisConfigurer implements ElasticsearchAnalysisConfigurer {

	@Override
	public void configure(ElasticsearchAnalysisConfigurationContext context) {
		context.analyzer(Analyzers.FOLDED).custom().tokenizer("standard").tokenFilters("lowercase", "asciifolding");
		context.normalizer(Analyzers.SORT).custom().tokenFilters("lowercase", "asciifolding");

		context.tokenFilter("casebook_english_possessive").type("stemmer").param("language", "possessive_english");
		// Lucene's French articles, which its elision filter takes by default.
		context.tokenFilter("casebook_french_elision")
			.type("elision")
			.param("articles", "l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu")
			.param("articles_case", true);
		for (String language : new String[] { "english", "french", "spanish", "portuguese" }) {
			context.tokenFilter("casebook_" + language + "_stop").type("stop").param("stopwords", "_" + language + "_");
		}
		context.tokenFilter("casebook_french_stem").type("stemmer").param("language", "light_french");
		context.tokenFilter("casebook_spanish_stem").type("stemmer").param("language", "light_spanish");
		context.tokenFilter("casebook_portuguese_stem").type("stemmer").param("language", "light_portuguese");

		context.analyzer(Analyzers.forLanguage("en"))
			.custom()
			.tokenizer("standard")
			.tokenFilters("casebook_english_possessive", "lowercase", "casebook_english_stop", "porter_stem",
					"asciifolding");
		context.analyzer(Analyzers.forLanguage("fr"))
			.custom()
			.tokenizer("standard")
			.tokenFilters("casebook_french_elision", "lowercase", "casebook_french_stop", "casebook_french_stem",
					"asciifolding");
		context.analyzer(Analyzers.forLanguage("es"))
			.custom()
			.tokenizer("standard")
			.tokenFilters("lowercase", "casebook_spanish_stop", "casebook_spanish_stem", "asciifolding");
		context.analyzer(Analyzers.forLanguage("pt"))
			.custom()
			.tokenizer("standard")
			.tokenFilters("lowercase", "casebook_portuguese_stop", "casebook_portuguese_stem", "asciifolding");
	}

}
