package org.casebook.web;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import nu.validator.htmlparser.common.XmlViolationPolicy;
import nu.validator.htmlparser.dom.HtmlDocumentBuilder;
import org.casebook.CasebookIntegrationTest;
import org.casebook.web.PageTypes.PageType;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Casebook's Content-Security-Policy ({@code SecurityConfiguration}) has no
 * {@code 'unsafe-inline'}: browsers ignore every style attribute, inline script,
 * {@code <style>} element and event handler attribute. None may be needed, so none may be
 * sent.
 */
@CasebookIntegrationTest
class ContentSecurityPolicyTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void noPageTypeHasInlineStylesScriptsOrEventHandlers() throws Exception {
		for (PageType page : PageTypes.all(this.jdbc)) {
			MockHttpServletResponse response = this.mvc.perform(get(page.path()).accept(MediaType.TEXT_HTML))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).as(page.toString()).isEqualTo(page.status());
			assertThat(inlineCode(response.getContentAsString())).as(page.toString()).isEmpty();
		}
	}

	@Test
	void thePartThatHtmxReplacesHasNoneEither() throws Exception {
		String fragment = this.mvc
			.perform(get("/innovations?q=digital&country=fr&yearFrom=2000").header("HX-Request", "true"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(fragment).contains("class=\"histogram\"");
		assertThat(inlineCode(fragment)).isEmpty();
	}

	@Test
	void theCheckSeesEachKindOfInlineCode() throws Exception {
		assertThat(inlineCode("""
				<!DOCTYPE html><html lang="en"><head><title>t</title><style>p { color: red }</style>
				<script>alert(1)</script><script src="/js/casebook.js"></script>
				<script type="application/ld+json">{"name": "data, not code"}</script>
				<script type="text/javascript">alert(2)</script></head>
				<body><p style="color: red" onclick="go()"><a href="javascript:go()">x</a></p></body></html>
				""")).hasSize(6);
	}

	@Test
	void casebooksOwnScriptsWriteNoStyleAttributeOrElement() throws IOException {
		// Setting element.style.x (CSSOM) is allowed by the policy; these are not.
		try (Stream<Path> scripts = Files.list(Path.of("src/main/resources/static/js"))) {
			List<Path> all = scripts.filter((path) -> path.toString().endsWith(".js")).toList();
			assertThat(all).isNotEmpty();
			for (Path script : all) {
				assertThat(Files.readString(script)).as(script.toString())
					.doesNotContainPattern("setAttribute\\(\\s*['\"]style")
					.doesNotContain("cssText", "<style")
					.doesNotContainPattern("style\\s*=\\s*\\\\?['\"]")
					.doesNotContainPattern("\\son[a-z]+\\s*=\\s*\\\\?['\"]")
					.doesNotContainPattern("setAttribute\\(\\s*['\"]on");
			}
		}
	}

	/**
	 * A script element of a data type, such as a case's JSON-LD: a browser runs none, so
	 * a policy blocks none.
	 */
	private static boolean isDataBlock(Element script) {
		String type = script.getAttribute("type").strip().toLowerCase();
		return type.equals("application/ld+json") || type.equals("application/json");
	}

	/** What a policy without 'unsafe-inline' would block, one line each. */
	static List<String> inlineCode(String html) throws Exception {
		HtmlDocumentBuilder parser = new HtmlDocumentBuilder(XmlViolationPolicy.ALTER_INFOSET);
		Document document = parser.parse(new InputSource(new StringReader(html)));
		List<String> found = new ArrayList<>();
		NodeList elements = document.getElementsByTagName("*");
		for (int i = 0; i < elements.getLength(); i++) {
			Element element = (Element) elements.item(i);
			String name = element.getLocalName();
			if (name.equals("style")) {
				found.add("<style> element");
			}
			if (name.equals("script") && !element.hasAttribute("src") && !isDataBlock(element)) {
				found.add("inline <script>: " + element.getTextContent().strip());
			}
			NamedNodeMap attributes = element.getAttributes();
			for (int a = 0; a < attributes.getLength(); a++) {
				Attr attribute = (Attr) attributes.item(a);
				String attributeName = attribute.getName().toLowerCase();
				if (attributeName.equals("style") || attributeName.startsWith("on")) {
					found.add("<" + name + " " + attributeName + "=\"" + attribute.getValue() + "\">");
				}
				if ((attributeName.equals("href") || attributeName.equals("src") || attributeName.equals("action"))
						&& attribute.getValue().strip().toLowerCase().startsWith("javascript:")) {
					found.add("<" + name + " " + attributeName + "=\"" + attribute.getValue() + "\">");
				}
			}
		}
		return found;
	}

}
