package org.casebook.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.casebook.site.SiteUrls;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The links of the page being written to itself in each interface language: the language
 * switcher of every page, and the {@code hreflang} alternates that tell search engines
 * about them. Each is the page's own address with {@code lang=} set, so that it works
 * without JavaScript and the addresses of cases and searches stay the same in every
 * language. The layout asks for them ({@code @languageLinks}), error pages too, which no
 * controller's model reaches.
 */
@Component("languageLinks")
public class LanguageLinks {

	/** The alternate of a page for a reader whose language Casebook does not have. */
	static final String X_DEFAULT = "x-default";

	private final SiteUrls site;

	LanguageLinks(SiteUrls site) {
		this.site = site;
	}

	/** A link to this page in every interface language, the one shown marked current. */
	public List<Link> switcher() {
		HttpServletRequest request = request();
		String page = pageWithoutLanguage(request);
		String shown = InterfaceLanguage.of(request).getLanguage();
		List<Link> links = new ArrayList<>();
		for (Locale language : InterfaceLanguage.SUPPORTED) {
			String code = language.getLanguage();
			links.add(new Link(code, withLanguage(page, code), code.equals(shown)));
		}
		return links;
	}

	/**
	 * The page's absolute address in each interface language, and without one for the
	 * others; none for a page answering a form, which cannot be asked for again.
	 */
	public List<Link> alternates() {
		HttpServletRequest request = request();
		if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
			return List.of();
		}
		String page = this.site.absolute(pageWithoutLanguage(request));
		List<Link> alternates = new ArrayList<>();
		for (Locale language : InterfaceLanguage.SUPPORTED) {
			alternates.add(new Link(language.getLanguage(), withLanguage(page, language.getLanguage()), false));
		}
		alternates.add(new Link(X_DEFAULT, page, false));
		return alternates;
	}

	/**
	 * A page's canonical address in the language it is read in: with {@code lang=} when
	 * the address named one, as each language's page is its own for search engines.
	 */
	public String canonical(String url) {
		return InterfaceLanguage.chosen(request())
			.map((language) -> withLanguage(url, language.getLanguage()))
			.orElse(url);
	}

	/**
	 * The address of the page asked for (not of an error page showing for it), its query
	 * without {@code lang}.
	 */
	static String pageWithoutLanguage(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String query = request.getQueryString();
		if (request.getDispatcherType() == DispatcherType.ERROR) {
			uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
			query = (String) request.getAttribute(RequestDispatcher.ERROR_QUERY_STRING);
		}
		if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
			// A form's answer: its address read again is the form (its values are not in
			// the address).
			return uri;
		}
		StringJoiner kept = new StringJoiner("&");
		if (query != null) {
			for (String pair : query.split("&")) {
				String name = (pair.indexOf('=') >= 0) ? pair.substring(0, pair.indexOf('=')) : pair;
				if (!pair.isEmpty() && !InterfaceLanguage.PARAMETER.equals(decoded(name))) {
					kept.add(pair);
				}
			}
		}
		return (kept.length() == 0) ? uri : uri + "?" + kept;
	}

	/**
	 * An address with {@code lang=} added at the end of its query (before a fragment).
	 */
	static String withLanguage(String url, String code) {
		int hash = url.indexOf('#');
		String fragment = (hash >= 0) ? url.substring(hash) : "";
		String address = (hash >= 0) ? url.substring(0, hash) : url;
		return address + (address.contains("?") ? "&" : "?") + InterfaceLanguage.PARAMETER + "=" + code + fragment;
	}

	private static String decoded(String part) {
		try {
			return URLDecoder.decode(part, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return part;
		}
	}

	private static HttpServletRequest request() {
		return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
	}

	/**
	 * A link to a page in a language.
	 *
	 * @param language the language's code ({@code fr}), or {@code x-default}
	 * @param href the page's address in it
	 * @param current whether it is the language the page is shown in
	 */
	public record Link(String language, String href, boolean current) {
	}

}
