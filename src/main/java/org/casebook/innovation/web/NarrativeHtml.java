package org.casebook.innovation.web;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

import org.springframework.stereotype.Component;

/**
 * A case's narrative (its overview and each of its sections) as HTML: the texts are
 * Markdown (CommonMark), written by editors or imported from other catalogues, so the
 * page shows their paragraphs, lists and emphasis; a plain text's blank lines part its
 * paragraphs.
 * <p>
 * The HTML is safe to write into the page unescaped, behind two locks. CommonMark writes
 * any HTML in the text as text ({@code escapeHtml}) and empties links to schemes other
 * than http, https, mailto and data, such as {@code javascript:} ({@code sanitizeUrls});
 * jsoup then keeps only a safelist of elements, with no attribute but a link's http,
 * https or mailto address (data and relative addresses go too), so that a gap in either
 * still lets no script, style, frame, image or event handler through. Links get
 * {@code rel="nofollow noopener"}: they lead out of Casebook to pages it does not vouch
 * for.
 * <p>
 * Headings in a text are moved down below the page's own (a {@code #} heading of a
 * section under a third-level heading becomes a fourth-level one), so that the page's
 * outline stays whole. Images are left out, their description kept as text: Casebook
 * serves nothing from other hosts ({@code img-src 'self'}).
 * <p>
 * Nothing is cached: a text of three paragraphs (1,300 characters) takes about 0.13 ms
 * once warm, about a millisecond for a case with ten of them.
 */
@Component
public class NarrativeHtml {

	/** The deepest heading HTML has. */
	private static final int LAST_HEADING = 6;

	/**
	 * What a narrative may hold after rendering: text structure and links, no media, no
	 * styles, no attribute but {@code href}.
	 */
	private static final Safelist SAFELIST = Safelist.none()
		.addTags("p", "br", "em", "strong", "ul", "ol", "li", "blockquote", "code", "pre", "h3", "h4", "h5", "h6", "a")
		.addAttributes("a", "href")
		.addProtocols("a", "href", "http", "https", "mailto")
		.addEnforcedAttribute("a", "rel", "nofollow noopener");

	private final Parser parser = Parser.builder().build();

	private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

	private final Cleaner cleaner = new Cleaner(SAFELIST);

	/**
	 * The text as safe HTML: block elements (paragraphs, lists...), to be written inside
	 * a {@code div}.
	 * @param markdown the text, Markdown or plain; null or blank gives an empty string
	 * @param firstHeading the level its top headings take ({@code #}), one below the
	 * heading it stands under: 3 or more
	 */
	public String html(String markdown, int firstHeading) {
		if (markdown == null || markdown.isBlank()) {
			return "";
		}
		Node document = this.parser.parse(markdown);
		document.accept(new Adjustments(firstHeading - 1));
		Document dirty = Jsoup.parseBodyFragment(this.renderer.render(document));
		Document clean = this.cleaner.clean(dirty);
		// A link whose address was dropped (a relative one, or javascript:) is text.
		clean.select("a:not([href])").unwrap();
		clean.outputSettings().prettyPrint(false);
		return clean.body().html();
	}

	/** Moves headings down and puts images' descriptions in their place. */
	private static final class Adjustments extends AbstractVisitor {

		private final int shift;

		Adjustments(int shift) {
			this.shift = shift;
		}

		@Override
		public void visit(Heading heading) {
			heading.setLevel(Math.min(heading.getLevel() + this.shift, LAST_HEADING));
			visitChildren(heading);
		}

		@Override
		public void visit(Image image) {
			visitChildren(image);
			Node child = image.getFirstChild();
			while (child != null) {
				Node next = child.getNext();
				image.insertBefore(child);
				child = next;
			}
			image.unlink();
		}

	}

}
