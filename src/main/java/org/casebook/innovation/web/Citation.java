package org.casebook.innovation.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * How to cite a case, in the reader's language ({@code cite.text}), around its title: the
 * page writes the title between the two parts, marked with the case's own language, where
 * the rest is the reader's.
 *
 * @param before what comes before the title (an opening quotation mark)
 * @param after what comes after it: the source, the address, the day it was read
 */
record Citation(String before, String after) {

	/** Where the title goes: a character no message has. */
	private static final String TITLE = "\u0000";

	static Citation of(MessageSource messages, Locale locale, String source, String url, LocalDate accessedOn) {
		String date = DateTimeFormatter.ofPattern(messages.getMessage("format.date", null, locale), locale)
			.format(accessedOn);
		String text = messages.getMessage("cite.text", new Object[] { TITLE, source, url, date }, locale);
		int title = text.indexOf(TITLE);
		return new Citation(text.substring(0, title), text.substring(title + TITLE.length()));
	}

}
