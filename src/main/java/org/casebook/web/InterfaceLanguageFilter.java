package org.casebook.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Gives every request its {@link InterfaceLanguage}, first of all: as its locale (what
 * the filters after it, such as the startup gate, and Spring MVC read) and as Spring
 * MVC's {@link LocaleResolver} (the bean of that name), so that a page, its error page
 * and its JSON all speak one language. A page read with {@code lang=} keeps the choice in
 * a cookie for the pages after it; the JSON API answers in it but keeps nothing, as it is
 * read by scripts and other sites. The cookie is no session: reading pages still makes
 * none.
 */
@Component("localeResolver")
@Order(Ordered.HIGHEST_PRECEDENCE)
class InterfaceLanguageFilter extends OncePerRequestFilter implements LocaleResolver {

	/** A choice outlives a browser's session: a year, renewed with each choice. */
	static final Duration KEPT_FOR = Duration.ofDays(365);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<Locale> chosen = InterfaceLanguage.chosen(request);
		if (chosen.isPresent() && isPageRead(request) && !chosen.equals(InterfaceLanguage.kept(request))) {
			ResponseCookie cookie = ResponseCookie.from(InterfaceLanguage.COOKIE, chosen.get().getLanguage())
				.path(request.getContextPath().isEmpty() ? "/" : request.getContextPath())
				.maxAge(KEPT_FOR)
				.httpOnly(true)
				.secure(request.isSecure())
				.sameSite("Lax")
				.build();
			response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
		}
		Locale locale = chosen.orElseGet(() -> InterfaceLanguage.of(request));
		if (Problems.isApi(request, request.getRequestURI())) {
			// Pages declare it as they are written (Spring MVC sets the answer's locale);
			// the API's labels, titles and problems are in it too.
			response.setHeader(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
		}
		chain.doFilter(new InLanguage(request, locale), response);
	}

	private static boolean isPageRead(HttpServletRequest request) {
		return ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
				&& !Problems.isApi(request, request.getRequestURI());
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		return InterfaceLanguage.of(request);
	}

	/** The language is chosen by links ({@code lang=}), never by code. */
	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		throw new UnsupportedOperationException("The interface language is chosen with the lang parameter");
	}

	/** A request whose locale is its interface language. */
	private static final class InLanguage extends HttpServletRequestWrapper {

		private final Locale locale;

		InLanguage(HttpServletRequest request, Locale locale) {
			super(request);
			this.locale = locale;
		}

		@Override
		public Locale getLocale() {
			return this.locale;
		}

		@Override
		public Enumeration<Locale> getLocales() {
			return Collections.enumeration(java.util.List.of(this.locale));
		}

	}

}
