package org.casebook;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.casebook.web.WebSliceConfiguration;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/**
 * A test of controllers in the web layer alone: Spring MVC, Thymeleaf, the message
 * bundle, the error advice, the filters and the security of the application, but no
 * PostgreSQL and no index. What the controllers need beyond the web (the search engine,
 * the catalogue) the test gives them as fakes; see {@link WebSliceConfiguration} for the
 * rest.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest
@Import(WebSliceConfiguration.class)
public @interface CasebookWebTest {

	/** The controllers under test. */
	@AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
	Class<?>[] value() default {};

	/** Properties of the test, such as {@code casebook.site-url=…}. */
	@AliasFor(annotation = WebMvcTest.class, attribute = "properties")
	String[] properties() default {};

}
