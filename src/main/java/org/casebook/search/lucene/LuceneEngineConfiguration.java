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

	@Bean
	HibernatePropertiesCustomizer luceneBackend(@Value("${casebook.index-directory}") String indexDirectory) {
		return (properties) -> properties.putAll(Map.of("hibernate.search.backend.type", "lucene",
				"hibernate.search.backend.directory.root", indexDirectory, "hibernate.search.backend.lucene_version",
				"LATEST", "hibernate.search.backend.analysis.configurer", "bean:casebookAnalysisConfigurer"));
	}

	@Bean
	IndexStorage localIndexStorage(@Value("${casebook.index-directory}") Path indexDirectory) {
		return new LocalIndexStorage(indexDirectory);
	}

}
