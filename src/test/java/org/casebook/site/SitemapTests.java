package org.casebook.site;

import java.io.ByteArrayInputStream;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.casebook.CasebookIntegrationTest;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The sitemap and robots.txt against a real PostgreSQL: every published case, and no
 * other, with when it last changed; split into an index of files when a file would hold
 * too many, whose files together list every case once.
 */
@CasebookIntegrationTest
class SitemapTests {

	static final String SITE = "https://casebook.example.org";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theSitemapListsEveryPublishedCaseWithWhenItLastChanged() throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get("/sitemap.xml"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(response.getContentType()).isEqualTo("application/xml;charset=UTF-8");
		Document sitemap = xml(response.getContentAsByteArray());
		assertThat(sitemap.getDocumentElement().getLocalName()).isEqualTo("urlset");
		Map<String, String> listed = urls(sitemap);
		Map<String, String> expected = published("http://localhost");
		expected.put("http://localhost/innovations", null);
		expected.put("http://localhost/about", null);
		assertThat(expected).hasSizeGreaterThan(200);
		assertThat(listed).isEqualTo(expected);
		// A sitemap this small is one file: there are none of an index.
		this.mvc.perform(get("/sitemap-1.xml")).andExpect(status().isNotFound());
		this.mvc.perform(get("/sitemap-99999999999.xml")).andExpect(status().isBadRequest());
	}

	@Test
	void pastItsLimitTheSitemapIsAnIndexOfFilesThatTogetherListEveryCaseOnce() throws Exception {
		int limit = 50;
		// A few cases per query, so that each file takes several.
		SitemapController controller = new SitemapController(new Sitemaps(this.jdbc, limit, 7),
				new SiteUrls(new SiteProperties(SITE + "/", null, null, null)));
		MockHttpServletResponse response = new MockHttpServletResponse();
		controller.sitemap(response);
		Document index = xml(response.getContentAsByteArray());
		assertThat(index.getDocumentElement().getLocalName()).isEqualTo("sitemapindex");
		assertThat(index.getDocumentElement().getNamespaceURI()).isEqualTo(Sitemaps.NAMESPACE);
		List<String> files = texts(index, "loc");
		long lastId = this.jdbc.queryForObject("SELECT max(id) FROM innovation WHERE status = 'PUBLISHED'", Long.class);
		int count = (int) ((lastId + limit - 3) / (limit - 2));
		assertThat(files).hasSize(count).hasSizeGreaterThan(5);
		Map<String, String> listed = new HashMap<>();
		int urls = 0;
		for (int file = 1; file <= files.size(); file++) {
			assertThat(files.get(file - 1)).isEqualTo(SITE + "/sitemap-" + file + ".xml");
			MockHttpServletResponse part = new MockHttpServletResponse();
			controller.file(file, part);
			Document urlset = xml(part.getContentAsByteArray());
			assertThat(urlset.getDocumentElement().getLocalName()).isEqualTo("urlset");
			Map<String, String> inFile = urls(urlset);
			assertThat(inFile.size()).as("file " + file).isLessThanOrEqualTo(limit);
			urls += inFile.size();
			listed.putAll(inFile);
		}
		assertThat(urls).as("no case in two files").isEqualTo(listed.size());
		Map<String, String> expected = published(SITE);
		expected.put(SITE + "/innovations", null);
		expected.put(SITE + "/about", null);
		assertThat(listed).isEqualTo(expected);
		assertThatExceptionOfType(NoResourceFoundException.class)
			.isThrownBy(() -> controller.file(files.size() + 1, new MockHttpServletResponse()));
	}

	@Test
	void robotsMayCrawlAllButTheAdministrationAndAreToldWhereTheSitemapIs() throws Exception {
		String robots = this.mvc.perform(get("/robots.txt"))
			.andExpect(status().isOk())
			.andExpect(content().contentType("text/plain;charset=UTF-8"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(robots.lines()).containsExactly("User-agent: *", "Allow: /", "Disallow: /admin", "",
				"Sitemap: http://localhost/sitemap.xml");
	}

	/** Every published case's URL, with its last change as the sitemap writes it. */
	private Map<String, String> published(String site) {
		Map<String, String> published = new HashMap<>();
		this.jdbc.query("SELECT slug, updated_at FROM innovation WHERE status = 'PUBLISHED'",
				(RowCallbackHandler) (row) -> published.put(site + "/innovations/" + row.getString("slug"),
						row.getTimestamp("updated_at").toInstant().truncatedTo(ChronoUnit.SECONDS).toString()));
		return published;
	}

	private static Document xml(byte[] bytes) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
	}

	/** Each url's loc, with its lastmod or null; a loc listed twice fails. */
	private static Map<String, String> urls(Document urlset) {
		Map<String, String> urls = new HashMap<>();
		Set<String> seen = new HashSet<>();
		NodeList elements = urlset.getElementsByTagNameNS(Sitemaps.NAMESPACE, "url");
		for (int i = 0; i < elements.getLength(); i++) {
			Element url = (Element) elements.item(i);
			String loc = url.getElementsByTagNameNS(Sitemaps.NAMESPACE, "loc").item(0).getTextContent();
			NodeList lastmod = url.getElementsByTagNameNS(Sitemaps.NAMESPACE, "lastmod");
			assertThat(seen.add(loc)).as(loc).isTrue();
			urls.put(loc, (lastmod.getLength() > 0) ? lastmod.item(0).getTextContent() : null);
		}
		return urls;
	}

	private static List<String> texts(Document document, String name) {
		List<String> texts = new ArrayList<>();
		NodeList elements = document.getElementsByTagNameNS(Sitemaps.NAMESPACE, name);
		for (int i = 0; i < elements.getLength(); i++) {
			texts.add(elements.item(i).getTextContent());
		}
		return texts;
	}

}
