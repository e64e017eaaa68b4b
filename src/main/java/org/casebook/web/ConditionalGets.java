package org.casebook.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * Pages and API answers carry an ETag (a hash of the body) and answer a request that
 * names it with 304 Not Modified and no body. They may be kept by browsers and caches,
 * which ask again each time ({@code no-cache}): the catalogue changes whenever an editor
 * publishes.
 */
@Configuration(proxyBeanMethods = false)
class ConditionalGets {

	@Bean
	FilterRegistrationBean<ShallowEtagHeaderFilter> conditionalGetFilter() {
		FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(
				new RevalidatedEtagFilter());
		// The site's root (""), the list, case pages, the statistics, the API, a search's
		// feed and the small pages of the site. Not the sitemap nor exports: they are
		// streamed, and may be large.
		registration.addUrlPatterns("", "/innovations/*", "/statistics", "/api/*", "/innovations.atom", "/about",
				"/robots.txt");
		// Outside the search concurrency limit, so that hashing the page does not hold a
		// search's turn.
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
		return registration;
	}

	/** Adds {@code Cache-Control: no-cache} unless the answer says otherwise. */
	static class RevalidatedEtagFilter extends ShallowEtagHeaderFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
				FilterChain filterChain) throws ServletException, IOException {
			if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
				response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
				// htmx asks the same URL for the part of the page that changes; the
				// interface language comes from a cookie or Accept-Language
				// (InterfaceLanguage).
				response.addHeader(HttpHeaders.VARY, "HX-Request");
				response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
				response.addHeader(HttpHeaders.VARY, HttpHeaders.COOKIE);
			}
			super.doFilterInternal(request, response, filterChain);
		}

	}

}
