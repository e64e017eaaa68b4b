package org.casebook.search.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller method whose work is a search: it waits for its turn
 * ({@link SearchConcurrencyLimit}), so that searches never crowd out case pages, static
 * files and health checks.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface SearchWork {

}
