package org.casebook.search.web;

import java.text.NumberFormat;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.casebook.search.Facet;
import org.casebook.search.InnovationSearch;
import org.casebook.search.InvalidSearchException;
import org.casebook.search.SearchQueryParser;
import org.casebook.search.SearchResults;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The list of innovations: a plain GET form that works without JavaScript. With htmx,
 * requests carry {@code HX-Request} and get only the part of the page that changes.
 */
@Controller
class SearchController {

	private final SearchQueryParser parser;

	private final InnovationSearch search;

	private final MessageSource messages;

	SearchController(SearchQueryParser parser, InnovationSearch search, MessageSource messages) {
		this.parser = parser;
		this.search = search;
		this.messages = messages;
	}

	@SearchWork
	@GetMapping({ "/", SearchPage.PATH })
	String list(@RequestParam MultiValueMap<String, String> parameters,
			@RequestHeader(name = "HX-Request", required = false) String htmx,
			@RequestHeader(name = "HX-History-Restore-Request", required = false) String historyRestore, Locale locale,
			Model model) {
		SearchQueryParser.Parsed parsed = this.parser.parse(parameters);
		List<String> notices = parsed.notices()
			.stream()
			.map((notice) -> this.messages.getMessage(notice, locale))
			.toList();
		SearchView view = view(parameters.getFirst("view"));
		// The map view shows counts only: its points come from the map's own API.
		SearchResults results = (view == SearchView.MAP)
				? this.search.counts(parsed.query(), EnumSet.allOf(Facet.class), true)
				: this.search.search(parsed.query());
		model.addAttribute("page", new SearchPage(results, notices, expanded(parameters.get("show")), view,
				NumberFormat.getIntegerInstance(locale)));
		// Restoring a page the browser's history no longer has needs all of it.
		return (htmx != null && historyRestore == null) ? "search/list :: results" : "search/list";
	}

	private static SearchView view(String parameter) {
		if (parameter == null || parameter.isEmpty()) {
			return SearchView.LIST;
		}
		return SearchView.ofParameter(parameter)
			.orElseThrow(() -> new InvalidSearchException("search.invalid.view", parameter));
	}

	private static Set<Facet> expanded(List<String> show) {
		Set<Facet> expanded = EnumSet.noneOf(Facet.class);
		if (show != null) {
			show.forEach((parameter) -> Facet.ofParameter(parameter).ifPresent(expanded::add));
		}
		return expanded;
	}

}
