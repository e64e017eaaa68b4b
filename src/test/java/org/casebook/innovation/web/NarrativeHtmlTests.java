package org.casebook.innovation.web;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Narratives as HTML: the structure of a text survives, and nothing that could run, load
 * or restyle anything does, whatever the text holds.
 */
class NarrativeHtmlTests {

	private static final List<String> ALLOWED = List.of("body", "p", "br", "em", "strong", "ul", "ol", "li",
			"blockquote", "code", "pre", "h3", "h4", "h5", "h6", "a");

	private final NarrativeHtml narrative = new NarrativeHtml();

	@Test
	void paragraphsAndListsSurvive() {
		assertThat(html("""
				The city began with one school.

				It then opened the budget to:

				- pupils
				- *their* parents
				""")).isEqualTo("""
				<p>The city began with one school.</p>
				<p>It then opened the budget to:</p>
				<ul>
				<li>pupils</li>
				<li><em>their</em> parents</li>
				</ul>
				""");
	}

	@Test
	void aPlainTextIsEscapedTextInParagraphs() {
		assertThat(html("Schools & parents < 5 km apart.\n\nA \"second\" paragraph."))
			.isEqualTo("<p>Schools &amp; parents &lt; 5 km apart.</p>\n<p>A \"second\" paragraph.</p>\n");
	}

	@Test
	void emphasisQuotesCodeAndLinksAreKept() {
		assertThat(html("""
				**Strong**, _emphasis_ and `code`,\\
				after a line break.

				> Quoted

				1. one
				2. [two](https://example.org/a?b=1&c=2)

				```
				<code> & more
				```
				""")).isEqualTo("""
				<p><strong>Strong</strong>, <em>emphasis</em> and <code>code</code>,<br>
				after a line break.</p>
				<blockquote>
				<p>Quoted</p>
				</blockquote>
				<ol>
				<li>one</li>
				<li><a href="https://example.org/a?b=1&amp;c=2" rel="nofollow noopener">two</a></li>
				</ol>
				<pre><code>&lt;code&gt; &amp; more
				</code></pre>
				""");
		assertThat(html("[Write to us](mailto:team@example.org)"))
			.isEqualTo("<p><a href=\"mailto:team@example.org\" rel=\"nofollow noopener\">Write to us</a></p>\n");
	}

	@Test
	void headingsGoBelowThePagesOwn() {
		assertThat(this.narrative.html("# One\n\n## Two\n\n#### Four\n\n###### Six", 4))
			.isEqualTo("<h4>One</h4>\n<h5>Two</h5>\n<h6>Four</h6>\n<h6>Six</h6>\n");
		assertThat(this.narrative.html("# One", 3)).isEqualTo("<h3>One</h3>\n");
	}

	@Test
	void htmlInTheTextIsShownAsText() {
		assertThat(html("<script>alert(1)</script>")).isEqualTo("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
		assertThat(html("Before <img src=x onerror=alert(1)> after"))
			.isEqualTo("<p>Before &lt;img src=x onerror=alert(1)&gt; after</p>\n");
		assertThat(html("<iframe src=\"https://evil.example\"></iframe>"))
			.isEqualTo("<p>&lt;iframe src=\"https://evil.example\"&gt;&lt;/iframe&gt;</p>\n");
		assertThat(html("<style>body { display: none }</style>"))
			.isEqualTo("<p>&lt;style&gt;body { display: none }&lt;/style&gt;</p>\n");
		assertThat(html("<a href=\"javascript:alert(1)\">x</a>"))
			.isEqualTo("<p>&lt;a href=\"javascript:alert(1)\"&gt;x&lt;/a&gt;</p>\n");
		assertThat(html("<div onclick=\"alert(1)\">\n\nx\n\n</div>")).doesNotContain("<div", "<p onclick");
	}

	@Test
	void noHostileInputGetsThrough() {
		for (String hostile : new String[] { "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
				"<iframe src=\"https://evil.example\"></iframe>", "<style>p{}</style>",
				"<a href=\"javascript:alert(1)\">x</a>", "<svg onload=alert(1)>", "<p style=\"color:red\">x</p>",
				"[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))", "[x](data:text/html,<script>)",
				"[x](vbscript:msgbox)", "![x](https://evil.example/t.png)", "<https://example.org onmouseover=x>",
				"[x](https://example.org \"t\\\" onclick=\\\"alert(1)\")" }) {
			// Read as a browser would: only text structure, and links out of Casebook.
			for (Element element : Jsoup.parseBodyFragment(html(hostile)).body().select("*")) {
				assertThat(element.tagName()).as(hostile).isIn(ALLOWED);
				for (Attribute attribute : element.attributes()) {
					assertThat(element.tagName() + " " + attribute.getKey()).as(hostile).isIn("a href", "a rel");
				}
				if (element.hasAttr("href")) {
					assertThat(element.attr("href")).as(hostile).matches("(?i)(https?|mailto):.*");
				}
			}
		}
	}

	@Test
	void linksToOtherSchemesAreText() {
		assertThat(html("[x](javascript:alert(1))")).isEqualTo("<p>x</p>\n");
		assertThat(html("[x](/innovations)")).isEqualTo("<p>x</p>\n");
	}

	@Test
	void imagesLeaveTheirDescription() {
		assertThat(html("See ![the map of the pilot](https://example.org/map.png)."))
			.isEqualTo("<p>See the map of the pilot.</p>\n");
	}

	@Test
	void entitiesMeanTheirCharacters() {
		assertThat(html("Caf&eacute; &amp; &#60;b&#62; &lt;script&gt;"))
			.isEqualTo("<p>Café &amp; &lt;b&gt; &lt;script&gt;</p>\n");
	}

	@Test
	void noTextIsNoHtml() {
		assertThat(html(null)).isEmpty();
		assertThat(html("  \n ")).isEmpty();
	}

	private String html(String markdown) {
		return this.narrative.html(markdown, 4);
	}

}
