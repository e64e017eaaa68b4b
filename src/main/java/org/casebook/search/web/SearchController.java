package org.casebook.search.web;

import java.text.NumberFormat;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.casebook.search.Facet;
import org.casebook.search.InnovationSearch;
import org.casebook.search.SearchLabels;
import org.casebook.search.SearchQueryParser;
import org.casebook.search.SearchResults;
import org.casebook.site.MetaDescription;
import org.casebook.site.SiteUrls;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The list of innovations, and the same search on a map or as statistics: a plain GET
 * form that works without JavaScript. With htmx, requests carry {@code HX-Request} and
 * get only the part of the page that changes.
 */
@Controller
class SearchController {

	private final SearchQueryParser parser;

	private final InnovationSearch search;

	private final MessageSource messages;

	private final SiteUrls site;

	private final SearchLabels labels;

	SearchController(SearchQueryParser parser, InnovationSearch search, MessageSource messages, SiteUrls site,
			SearchLabels labels) {
		this.parser = parser;
		this.search = search;
		this.messages = messages;
		this.site = site;
		this.labels = labels;
	}

	@SearchWork
	@GetMapping({ "/", SearchPage.PATH })
	String list(@RequestParam MultiValueMap<String, String> parameters,
			@RequestHeader(name = "HX-Request", required = false) String htmx,
			@RequestHeader(name = "HX-History-Restore-Request", required = false) String historyRestore, Locale locale,
			Model model) {
		return show(SearchView.LIST, parameters, htmx, historyRestore, locale, model);
	}

	/**
	 * The search's counts as charts, with the list's parameters: the charts change with
	 * the filters beside them, as the list does.
	 */
	@SearchWork
	@GetMapping(StatisticsPage.PATH)
	String statistics(@RequestParam MultiValueMap<String, String> parameters,
			@RequestHeader(name = "HX-Request", required = false) String htmx,
			@RequestHeader(name = "HX-History-Restore-Request", required = false) String historyRestore, Locale locale,
			Model model) {
		return show(SearchView.STATISTICS, parameters, htmx, historyRestore, locale, model);
	}

	/**
	 * A view of the search: the one its {@code view} parameter names, or the address's
	 * own. A view asked for at another view's address (such as
	 * {@code /innovations?view=statistics}) is redirected to its own, with the same
	 * search.
	 */
	private String show(SearchView byDefault, MultiValueMap<String, String> parameters, String htmx,
			String historyRestore, Locale locale, Model model) {
		SearchView view = view(parameters.getFirst("view"), byDefault);
		SearchQueryParser.Parsed parsed = this.parser.parse(parameters);
		if (!view.path().equals(byDefault.path())) {
			return "redirect:" + SearchPage.viewUrl(parsed.query(), view);
		}
		List<String> notices = parsed.notices()
			.stream()
			.map((notice) -> this.messages.getMessage(notice, locale))
			.toList();
		// The map and the statistics show counts only: the map's points come from its own
		// API.
		SearchResults results = this.labels.in(locale, (view == SearchView.LIST) ? this.search.search(parsed.query())
				: this.search.counts(parsed.query(), EnumSet.allOf(Facet.class), true));
		SearchPage page = new SearchPage(results, notices, expanded(parameters.get("show")), view,
				NumberFormat.getIntegerInstance(locale));
		model.addAttribute("page", page);
		// The filter is offered where there is something to hide, or something hidden.
		model.addAttribute("demoCases", parsed.query().hideDemo() || this.search.hasDemoCases());
		if (view == SearchView.STATISTICS) {
			model.addAttribute("statistics", StatisticsPage.of(page));
		}
		// Restoring a page the browser's history no longer has needs all of it.
		if (htmx != null && historyRestore == null) {
			return "search/list :: results";
		}
		model.addAttribute("canonicalUrl", this.site.absolute(page.canonicalUrl()));
		model.addAttribute("metaDescription", description(page, locale));
		return "search/list";
	}

	/** What the page lists, for search engines and link previews. */
	private String description(SearchPage page, Locale locale) {
		String search = SearchDescription.of(page.results(), this.messages, locale);
		String total = page.number(page.results().total());
		return MetaDescription
			.of(search.isEmpty() ? this.messages.getMessage("list.description.all", new Object[] { total }, locale)
					: this.messages.getMessage("list.description", new Object[] { search, total }, locale));
	}

	private static SearchView view(String parameter, SearchView byDefault) {
		return (parameter == null || parameter.isEmpty()) ? byDefault : SearchView.parse(parameter);
	}

	private static Set<Facet> expanded(List<String> show) {
		Set<Facet> expanded = EnumSet.noneOf(Facet.class);
		if (show != null) {
			show.forEach((parameter) -> Facet.ofParameter(parameter).ifPresent(expanded::add));
		}
		return expanded;
	}

}
