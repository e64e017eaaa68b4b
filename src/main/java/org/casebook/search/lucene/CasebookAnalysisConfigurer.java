package org.casebook.search.lucene;

import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.core.StopFilterFactory;
import org.apache.lucene.analysis.en.EnglishPossessiveFilterFactory;
import org.apache.lucene.analysis.en.PorterStemFilterFactory;
import org.apache.lucene.analysis.es.SpanishLightStemFilterFactory;
import org.apache.lucene.analysis.fr.FrenchLightStemFilterFactory;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.apache.lucene.analysis.pt.PortugueseLightStemFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.apache.lucene.analysis.util.ElisionFilterFactory;
import org.casebook.search.index.Analyzers;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

import org.springframework.stereotype.Component;

/**
 * Defines the analyzers named in {@link Analyzers}. The standard tokenizer keeps words
 * with symbols or digits whole ("make.org", "21st", "1600"); every analyzer folds accents
 * last, so that "decret" finds "décret".
 */
@Component("casebookAnalysisConfigurer")
@LuceneEngine
public class CasebookAnalysisConfigurer implements LuceneAnalysisConfigurer {

	private static final String SNOWBALL_STOP_WORDS = "org/apache/lucene/analysis/snowball/%s_stop.txt";

	@Override
	public void configure(LuceneAnalysisConfigurationContext context) {
		context.analyzer(Analyzers.FOLDED)
			.custom()
			.tokenizer(StandardTokenizerFactory.class)
			.tokenFilter(LowerCaseFilterFactory.class)
			.tokenFilter(ASCIIFoldingFilterFactory.class);
		context.normalizer(Analyzers.SORT)
			.custom()
			.tokenFilter(LowerCaseFilterFactory.class)
			.tokenFilter(ASCIIFoldingFilterFactory.class);

		context.analyzer(Analyzers.forLanguage("en"))
			.custom()
			.tokenizer(StandardTokenizerFactory.class)
			.tokenFilter(EnglishPossessiveFilterFactory.class)
			.tokenFilter(LowerCaseFilterFactory.class)
			.tokenFilter(StopFilterFactory.class)
			.tokenFilter(PorterStemFilterFactory.class)
			.tokenFilter(ASCIIFoldingFilterFactory.class);
		context.analyzer(Analyzers.forLanguage("fr"))
			.custom()
			.tokenizer(StandardTokenizerFactory.class)
			.tokenFilter(ElisionFilterFactory.class)
			.param("ignoreCase", "true")
			.tokenFilter(LowerCaseFilterFactory.class)
			.tokenFilter(StopFilterFactory.class)
			.param("words", SNOWBALL_STOP_WORDS.formatted("french"))
			.param("format", "snowball")
			.tokenFilter(FrenchLightStemFilterFactory.class)
			.tokenFilter(ASCIIFoldingFilterFactory.class);
		lightStemmed(context, "es", "spanish", SpanishLightStemFilterFactory.class);
		lightStemmed(context, "pt", "portuguese", PortugueseLightStemFilterFactory.class);
	}

	/**
	 * Standard tokens, lower case, Snowball stop words, a light stemmer, accents folded.
	 */
	private static void lightStemmed(LuceneAnalysisConfigurationContext context, String language, String stopWords,
			Class<? extends TokenFilterFactory> stemmer) {
		context.analyzer(Analyzers.forLanguage(language))
			.custom()
			.tokenizer(StandardTokenizerFactory.class)
			.tokenFilter(LowerCaseFilterFactory.class)
			.tokenFilter(StopFilterFactory.class)
			.param("words", SNOWBALL_STOP_WORDS.formatted(stopWords))
			.param("format", "snowball")
			.tokenFilter(stemmer)
			.tokenFilter(ASCIIFoldingFilterFactory.class);
	}

}
