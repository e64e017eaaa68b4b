package org.casebook.site;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How Casebook presents itself as a site.
 *
 * @param siteUrl the address the public reaches Casebook at, such as
 * {@code https://casebook.example.org} ({@code CASEBOOK_SITEURL}); absolute URLs (feeds,
 * the sitemap, canonical links) start with it. Unset, they are derived from each request
 * (its host, and the {@code X-Forwarded-*} headers of a trusted proxy)
 * @param dataLicence the licence of what Casebook's own editors write, by name
 * @param dataLicenceUrl where that licence is
 * @param contact where to report a problem with the site, an address or a {@code mailto:}
 * link; unset, the about page says to tell whoever runs the site
 */
@ConfigurationProperties("casebook")
public record SiteProperties(String siteUrl, String dataLicence, String dataLicenceUrl, String contact) {

	public SiteProperties {
		siteUrl = (siteUrl != null && !siteUrl.isBlank()) ? withoutTrailingSlash(siteUrl.strip()) : null;
		if (siteUrl != null) {
			URI uri = URI.create(siteUrl);
			if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
					|| uri.getRawQuery() != null || uri.getRawFragment() != null) {
				throw new IllegalArgumentException(
						"casebook.site-url must be an absolute http or https address, such as https://casebook.example.org: "
								+ siteUrl);
			}
		}
		dataLicence = (dataLicence != null && !dataLicence.isBlank()) ? dataLicence.strip() : "CC BY 4.0";
		dataLicenceUrl = (dataLicenceUrl != null && !dataLicenceUrl.isBlank()) ? dataLicenceUrl.strip()
				: "https://creativecommons.org/licenses/by/4.0/";
		contact = (contact != null && !contact.isBlank()) ? contact.strip() : null;
	}

	/**
	 * Where to report a problem, as a link: an e-mail address becomes a {@code mailto:}
	 * link; null when none is set.
	 */
	public String contactUrl() {
		if (this.contact == null) {
			return null;
		}
		return (this.contact.contains("@") && !this.contact.contains(":")) ? "mailto:" + this.contact : this.contact;
	}

	private static String withoutTrailingSlash(String url) {
		return url.endsWith("/") ? withoutTrailingSlash(url.substring(0, url.length() - 1)) : url;
	}

}
