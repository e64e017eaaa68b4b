package org.casebook.search.lucene;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.casebook.search.index.SearchEngine;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * A bean of the Lucene engine: it exists only when that engine is chosen
 * ({@code casebook.search.engine=lucene}, the default).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnProperty(name = SearchEngine.PROPERTY, havingValue = "lucene", matchIfMissing = true)
@interface LuceneEngine {

}
