package org.casebook.web;

import org.casebook.map.MapTiles;
import org.casebook.site.SiteProperties;
import org.casebook.site.SiteUrls;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * What every request goes through in Casebook, for web slices: the security filter chain
 * with its headers and the administrator's account, the error controller of the JSON API,
 * and what the error advice and the filters need.
 * <p>
 * In Boot 4 a {@code @WebMvcTest} brings Spring Security only with
 * {@code spring-boot-security-test}, and picks up no {@code @Configuration} of ours: the
 * security auto-configurations are imported here as the application has them, with
 * {@link SecurityConfiguration} itself. The startup gate asks for the application's
 * availability, which the slice does not configure either.
 * <p>
 * Pages and feeds make absolute URLs with {@link SiteUrls}, from the request's address as
 * the application does when {@code casebook.site-url} is not set.
 * <p>
 * {@link Errors} asks {@link DatabaseFailures} whether a failure comes from a database
 * that is away. A slice has no database: its data source is one that cannot be reached,
 * which is what it is. Failures that say so themselves (such as a
 * {@code DataAccessResourceFailureException}) are told apart without asking it.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ SecurityConfiguration.class, FirstRequests.class, SiteUrls.class, ProblemErrorController.Registration.class })
@ImportAutoConfiguration({ SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
		SecurityFilterAutoConfiguration.class, ApplicationAvailabilityAutoConfiguration.class })
@EnableConfigurationProperties({ AdminProperties.class, MapTiles.class, SiteProperties.class })
public class WebSliceConfiguration {

	@Bean
	DatabaseFailures databaseFailures() {
		return new DatabaseFailures(new DriverManagerDataSource("jdbc:casebook:no-database-in-a-web-slice"));
	}

}
