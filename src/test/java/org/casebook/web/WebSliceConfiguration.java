package org.casebook.web;

import org.casebook.account.Role;
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
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * What every request goes through in Casebook, for web slices: the security filter chain
 * with its headers, an account of each role, the error controller of the JSON API, and
 * what the error advice and the filters need.
 * <p>
 * In Boot 4 a {@code @WebMvcTest} brings Spring Security only with
 * {@code spring-boot-security-test}, and picks up no {@code @Configuration} of ours: the
 * security auto-configurations are imported here as the application has them, with
 * {@link SecurityConfiguration} itself. The startup gate asks for the application's
 * availability, which the slice does not configure either.
 * <p>
 * Pages and feeds make absolute URLs with {@link SiteUrls}, from the request's address as
 * the application does when {@code casebook.site-url} is not set; every page links to
 * itself in each interface language with {@link LanguageLinks}.
 * <p>
 * {@link Errors} asks {@link DatabaseFailures} whether a failure comes from a database
 * that is away. A slice has no database: its data source is one that cannot be reached,
 * which is what it is. Failures that say so themselves (such as a
 * {@code DataAccessResourceFailureException}) are told apart without asking it.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ SecurityConfiguration.class, FirstRequests.class, SiteUrls.class, LanguageLinks.class,
		ProblemErrorController.Registration.class })
@ImportAutoConfiguration({ SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
		SecurityFilterAutoConfiguration.class, ApplicationAvailabilityAutoConfiguration.class })
@EnableConfigurationProperties({ MapTiles.class, SiteProperties.class })
public class WebSliceConfiguration {

	/**
	 * Accounts live in PostgreSQL; a slice has one of each role instead, all with this
	 * password.
	 */
	public static final String PASSWORD = "slice-secret";

	@Bean
	UserDetailsService sliceAccounts() {
		return new InMemoryUserDetailsManager(user("admin@casebook.test", Role.ADMIN),
				user("editor@casebook.test", Role.EDITOR), user("contributor@casebook.test", Role.CONTRIBUTOR));
	}

	private static UserDetails user(String email, Role role) {
		return User.withUsername(email).password("{noop}" + PASSWORD).roles(role.name()).build();
	}

	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.fromHierarchy(Role.hierarchy());
	}

	@Bean
	DatabaseFailures databaseFailures() {
		return new DatabaseFailures(new DriverManagerDataSource("jdbc:casebook:no-database-in-a-web-slice"));
	}

}
