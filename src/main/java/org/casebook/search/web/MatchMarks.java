package org.casebook.search.web;

import org.casebook.search.InnovationHit;
import org.casebook.search.TextRange;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.HtmlUtils;

/**
 * Shows which words a search matched: a card's summary as HTML, escaped, with the matched
 * words in {@code <em>}. Every page's templates have it as {@code matchMarks}.
 */
@ControllerAdvice
public class MatchMarks {

	@ModelAttribute("matchMarks")
	MatchMarks matchMarks() {
		return this;
	}

	/**
	 * The summary as escaped HTML with its matched words marked; null without summary.
	 */
	public String summary(InnovationHit hit) {
		String summary = hit.summary();
		if (summary == null) {
			return null;
		}
		StringBuilder html = new StringBuilder(summary.length() + 32);
		int written = 0;
		for (TextRange match : hit.summaryMatches()) {
			if (match.start() < written || match.end() > summary.length()) {
				continue;
			}
			html.append(HtmlUtils.htmlEscape(summary.substring(written, match.start())))
				.append("<em>")
				.append(HtmlUtils.htmlEscape(summary.substring(match.start(), match.end())))
				.append("</em>");
			written = match.end();
		}
		return html.append(HtmlUtils.htmlEscape(summary.substring(written))).toString();
	}

}
