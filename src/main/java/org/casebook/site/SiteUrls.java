package org.casebook.site;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Casebook's absolute URLs, for what is read away from its pages: feeds, the sitemap,
 * canonical links, structured data. They start with {@code casebook.site-url} when it is
 * set; otherwise with the scheme, host and port of the request being answered (behind a
 * trusted proxy, those it forwarded). Set it in production: a client chooses the
 * {@code Host} header it sends.
 */
@Component
public class SiteUrls {

	private final String siteUrl;

	public SiteUrls(SiteProperties properties) {
		this.siteUrl = properties.siteUrl();
	}

	/**
	 * The absolute URL of one of Casebook's paths.
	 * @param path a path with its query, encoded, such as {@code /innovations?q=open}
	 */
	public String absolute(String path) {
		return base() + path;
	}

	private String base() {
		if (this.siteUrl != null) {
			return this.siteUrl;
		}
		return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
	}

}
