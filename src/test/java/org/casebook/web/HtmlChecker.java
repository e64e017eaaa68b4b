package org.casebook.web;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * The Nu Html Checker (the W3C's HTML validator), run in-process: the errors it finds in
 * a page. Warnings are not errors and are left out. Setting it up reads its schemas,
 * which takes a few seconds: make one and check every page with it.
 */
final class HtmlChecker {

	/** Without its language detection, which only warns. */
	private final SimpleDocumentValidator validator = new SimpleDocumentValidator(true, false, false);

	private final List<String> errors = new ArrayList<>();

	HtmlChecker() throws Exception {
		ErrorHandler collect = new ErrorHandler() {

			@Override
			public void warning(SAXParseException exception) {
			}

			@Override
			public void error(SAXParseException exception) {
				add(exception);
			}

			@Override
			public void fatalError(SAXParseException exception) {
				add(exception);
			}

		};
		this.validator.setUpMainSchema("http://s.validator.nu/html5-all.rnc", collect);
		this.validator.setUpValidatorAndParsers(collect, false, false);
	}

	/** The errors in a page, each as "line:column message". */
	synchronized List<String> errors(String html) throws Exception {
		this.errors.clear();
		this.validator.checkHtmlInputSource(new InputSource(new StringReader(html)));
		return List.copyOf(this.errors);
	}

	private void add(SAXParseException exception) {
		this.errors.add(exception.getLineNumber() + ":" + exception.getColumnNumber() + " " + exception.getMessage());
	}

}
