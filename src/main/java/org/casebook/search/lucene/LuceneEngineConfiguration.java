package org.casebook.search.lucene;

import java.nio.file.Path;
import java.util.Map;

import org.casebook.search.index.IndexStorage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hibernate Search on its Lucene backend, the index in a local folder
 * ({@code casebook.index-directory}).
 */
@Configuration(proxyBeanMethods = false)
@LuceneEngine
class LuceneEngineConfiguration {

	/**
	 * @param synchronization when a commit returns
	 * ({@code casebook.search.lucene.synchronization}, such as {@code sync} in tests:
	 * once its changes are searchable); Hibernate Search's default unless set. Lucene's
	 * own: with OpenSearch's outbox polling no commit waits for the index.
	 */
	@Bean
	HibernatePropertiesCustomizer luceneBackend(@Value("${casebook.index-directory}") String indexDirectory,
			@Value("${casebook.search.lucene.synchronization:}") String synchronization) {
		return (properties) -> {
			properties
				.putAll(Map.of("hibernate.search.backend.type", "lucene", "hibernate.search.backend.directory.root",
						indexDirectory, "hibernate.search.backend.lucene_version", "LATEST",
						"hibernate.search.backend.analysis.configurer", "bean:casebookAnalysisConfigurer"));
			if (!synchronization.isBlank()) {
				properties.put("hibernate.search.indexing.plan.synchronization.strategy", synchronization);
			}
		};
	}

	@Bean
	IndexStorage localIndexStorage(@Value("${casebook.index-directory}") Path indexDirectory) {
		return new LocalIndexStorage(indexDirectory);
	}

}
