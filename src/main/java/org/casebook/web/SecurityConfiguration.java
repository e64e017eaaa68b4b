package org.casebook.web;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import org.casebook.map.MapTiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The catalogue is public; the maintenance endpoints under {@code /admin} are for the
 * administrator only, with HTTP Basic authentication (meant for scripts and curl).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, MapTiles tiles) throws Exception {
		return http
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers("/admin/**").hasRole("ADMIN").anyRequest().permitAll())
			.httpBasic(Customizer.withDefaults())
			// Scripts send no CSRF token; CrossSiteAdminGuard turns browsers' cross-site
			// requests away instead. The JSON API only reads, without cookies or
			// credentials: a request with another method is told so (405), not refused
			// for want of a token.
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/admin/**", "/api/**"))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.cors((cors) -> cors.configurationSource(openDataReads()))
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives(contentSecurityPolicy(tiles)))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.permissionsPolicyHeader((permissions) -> permissions.policy(PERMISSIONS_POLICY)))
			.build();
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

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	UserDetailsService administrators(AdminProperties admin, PasswordEncoder passwordEncoder) {
		String password = admin.password();
		if (password == null || password.isBlank()) {
			byte[] random = new byte[12];
			new SecureRandom().nextBytes(random);
			password = HexFormat.of().formatHex(random);
			log.warn("No CASEBOOK_ADMIN_PASSWORD set: the password of 'admin' for this run is {}", password);
		}
		return new InMemoryUserDetailsManager(
				User.withUsername("admin").password(passwordEncoder.encode(password)).roles("ADMIN").build());
	}

}
