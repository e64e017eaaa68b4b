package org.casebook.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.casebook.map.MapTiles;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The catalogue is public. People sign in with a form (sessions kept in PostgreSQL, CSRF
 * tokens on every form); their roles open the rest: editors the imports, administrators
 * everything under {@code /admin}. Scripts reach {@code /admin/api/**} with an account's
 * address and password by HTTP Basic, without a session.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** Where editors work; the rest of {@code /admin} is for administrators. */
	static final String[] EDITOR_ROUTES = { "/admin/import", "/admin/import/**", "/admin/api/imports",
			"/admin/api/imports/**" };

	@Bean
	@Order(1)
	SecurityFilterChain scripts(HttpSecurity http, MapTiles tiles) throws Exception {
		http.securityMatcher("/admin/api/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers(EDITOR_ROUTES)
				.hasRole("EDITOR")
				.anyRequest()
				.hasRole("ADMIN"))
			.httpBasic(Customizer.withDefaults())
			// Scripts send no CSRF token and no cookie: nothing a browser sends by itself
			// authenticates here but HTTP Basic, and CrossSiteAdminGuard turns browsers'
			// cross-site requests away.
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return headers(http, tiles).build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, MapTiles tiles,
			ObjectProvider<AuthenticationFailureHandler> signInFailures, ObjectProvider<AccessDeniedHandler> refusals)
			throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers(EDITOR_ROUTES)
			.hasRole("EDITOR")
			.requestMatchers("/admin/**")
			.hasRole("ADMIN")
			.requestMatchers("/review", "/review/**")
			.hasRole("EDITOR")
			.requestMatchers("/contribute", "/contribute/**")
			.hasRole("CONTRIBUTOR")
			.requestMatchers("/account", "/account/**")
			.authenticated()
			.anyRequest()
			.permitAll()).formLogin((form) -> {
				form.loginPage("/login").usernameParameter("email").permitAll();
				signInFailures.ifAvailable(form::failureHandler);
			})
			.logout((logout) -> logout.logoutSuccessUrl("/"))
			.exceptionHandling((exceptions) -> refusals.ifAvailable(exceptions::accessDeniedHandler))
			// The JSON API only reads, without cookies or credentials: a request with
			// another method is told so (405), not refused for want of a token.
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/api/**"));
		return headers(http, tiles).build();
	}

	private static HttpSecurity headers(HttpSecurity http, MapTiles tiles) throws Exception {
		return http.cors((cors) -> cors.configurationSource(openDataReads()))
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives(contentSecurityPolicy(tiles)))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.permissionsPolicyHeader((permissions) -> permissions.policy(PERMISSIONS_POLICY)));
	}

	/**
	 * The JSON API is open data: any site may read it from a browser (GET, without
	 * credentials). Nothing else is shared across origins.
	 */
	static CorsConfigurationSource openDataReads() {
		CorsConfiguration reads = new CorsConfiguration();
		reads.addAllowedOrigin("*");
		reads.setAllowedMethods(List.of("GET", "HEAD"));
		reads.setAllowCredentials(false);
		reads.setExposedHeaders(List.of("ETag", "Retry-After"));
		reads.setMaxAge(Duration.ofHours(1));
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/api/**", reads);
		return source;
	}

	/** Features no page of Casebook uses: none may be asked for. */
	static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
			+ "accelerometer=(), gyroscope=(), magnetometer=(), browsing-topics=()";

	/**
	 * Everything comes from Casebook itself: no inline script or style, no frames, forms
	 * that post only here. A configured tile layer is the one other host, for its images.
	 */
	static String contentSecurityPolicy(MapTiles tiles) {
		String images = "'self' data:";
		String tileOrigin = origin(tiles.url());
		if (tileOrigin != null) {
			images += " " + tileOrigin;
		}
		return "default-src 'self'; script-src 'self'; style-src 'self'; img-src " + images + "; "
				+ "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
				+ "frame-ancestors 'none'";
	}

	/** The scheme, host and port of an absolute URL template, or null for a local one. */
	private static String origin(String urlTemplate) {
		if (urlTemplate == null || !urlTemplate.contains("://")) {
			return null;
		}
		URI uri = URI.create(urlTemplate.replaceAll("[{}]", ""));
		return uri.getScheme() + "://" + uri.getRawAuthority();
	}

}
