package org.casebook.site;

import java.io.IOException;

import javax.xml.stream.XMLStreamException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * What crawlers read first: {@code robots.txt}, which points them to the sitemap, and the
 * sitemap, written as the database gives it (not held in memory, nor hashed for an ETag:
 * it is read rarely, and may be large).
 */
@Controller
class SitemapController {

	static final String XML_UTF8 = "application/xml;charset=UTF-8";

	static final MediaType TEXT_UTF8 = MediaType.parseMediaType("text/plain;charset=UTF-8");

	private final Sitemaps sitemaps;

	private final SiteUrls site;

	SitemapController(Sitemaps sitemaps, SiteUrls site) {
		this.sitemaps = sitemaps;
		this.site = site;
	}

	/** Everything may be crawled but the maintenance endpoints. */
	@GetMapping("/robots.txt")
	ResponseEntity<String> robots() {
		return ResponseEntity.ok().contentType(TEXT_UTF8).body("""
				User-agent: *
				Allow: /
				Disallow: /admin

				Sitemap: %s
				""".formatted(this.site.absolute("/sitemap.xml")));
	}

	/** The whole sitemap, or the index of its files when it needs more than one. */
	@GetMapping("/sitemap.xml")
	void sitemap(HttpServletResponse response) throws IOException, XMLStreamException {
		int files = this.sitemaps.files();
		response.setContentType(XML_UTF8);
		if (files == 0) {
			this.sitemaps.writeAll(response.getOutputStream(), this.site::absolute);
		}
		else {
			this.sitemaps.writeIndex(files, response.getOutputStream(), this.site::absolute);
		}
	}

	/**
	 * A file of the sitemap, as its index lists them; none when one file holds it all.
	 */
	@GetMapping("/sitemap-{file:[0-9]+}.xml")
	void file(@PathVariable int file, HttpServletResponse response)
			throws IOException, XMLStreamException, NoResourceFoundException {
		if (file < 1 || file > this.sitemaps.files()) {
			throw new NoResourceFoundException(HttpMethod.GET, "/sitemap-" + file + ".xml", "sitemap-" + file);
		}
		response.setContentType(XML_UTF8);
		this.sitemaps.writeFile(file, response.getOutputStream(), this.site::absolute);
	}

}
