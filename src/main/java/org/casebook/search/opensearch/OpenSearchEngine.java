package org.casebook.search.opensearch;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.casebook.search.index.SearchEngine;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * A bean of the OpenSearch engine: it exists only when that engine is chosen
 * ({@code casebook.search.engine=opensearch}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnProperty(name = SearchEngine.PROPERTY, havingValue = "opensearch")
@interface OpenSearchEngine {

}
