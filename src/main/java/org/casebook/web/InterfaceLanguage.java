package org.casebook.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;

/**
 * The language of Casebook's own words, its interface: one of {@link #SUPPORTED}. A
 * request's {@code lang} query parameter names it (what the language switcher of every
 * page links to, and what the {@code hreflang} alternates are); else the one chosen
 * earlier, kept in the {@value #COOKIE} cookie; else the browser's first choice among
 * them ({@code Accept-Language}); else English. Addresses are the same in every language,
 * and a case keeps its own language whatever the interface's.
 */
public final class InterfaceLanguage {

	/** Casebook's interface languages, English (the bundle's default) first. */
	public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH, Locale.forLanguageTag("es"));

	/** The language of a request that asks for none of them. */
	public static final Locale DEFAULT = Locale.ENGLISH;

	/** The query parameter that chooses the language, such as {@code lang=fr}. */
	public static final String PARAMETER = "lang";

	/** The cookie that keeps the language chosen. */
	public static final String COOKIE = "casebook-lang";

	private InterfaceLanguage() {
	}

	/** The interface language of a request. */
	public static Locale of(HttpServletRequest request) {
		return chosen(request).or(() -> kept(request)).orElseGet(() -> accepted(request));
	}

	/** The supported language of this code ({@code fr}), if it is one. */
	public static Optional<Locale> named(String code) {
		return SUPPORTED.stream().filter((locale) -> locale.getLanguage().equals(code)).findFirst();
	}

	/**
	 * The language the request's query names. Read from the query string only, never from
	 * a form's body: this runs before the body's encoding is known.
	 */
	static Optional<Locale> chosen(HttpServletRequest request) {
		String query = request.getQueryString();
		if (query == null) {
			return Optional.empty();
		}
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0 && PARAMETER.equals(decoded(pair.substring(0, equals)))) {
				Optional<Locale> named = named(decoded(pair.substring(equals + 1)));
				if (named.isPresent()) {
					return named;
				}
			}
		}
		return Optional.empty();
	}

	/** The language kept in the cookie, if it is a supported one. */
	static Optional<Locale> kept(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (COOKIE.equals(cookie.getName())) {
					return named(cookie.getValue());
				}
			}
		}
		return Optional.empty();
	}

	/** The browser's preferred language among the supported ones, else the default. */
	static Locale accepted(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
		if (header == null || header.isBlank()) {
			return DEFAULT;
		}
		try {
			Locale match = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
			return (match != null) ? match : DEFAULT;
		}
		catch (IllegalArgumentException ex) {
			// A malformed header (a weight that is not a number) asks for nothing.
			return DEFAULT;
		}
	}

	/** A part of a query, decoded; one that cannot be decoded matches no name. */
	private static String decoded(String part) {
		try {
			return URLDecoder.decode(part, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return "";
		}
	}

}
