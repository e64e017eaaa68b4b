package org.casebook.web;

import java.security.SecureRandom;
import java.util.HexFormat;

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

/**
 * The catalogue is public; the maintenance endpoints under {@code /admin} are for the
 * administrator only, with HTTP Basic authentication (meant for scripts and curl).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		return http
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers("/admin/**").hasRole("ADMIN").anyRequest().permitAll())
			.httpBasic(Customizer.withDefaults())
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/admin/**"))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.build();
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
