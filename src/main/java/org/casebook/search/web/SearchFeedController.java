package org.casebook.search.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;
import org.casebook.search.InnovationHit;
import org.casebook.search.InnovationSearch;
import org.casebook.search.SearchLabels;
import org.casebook.search.SearchQuery;
import org.casebook.search.SearchQueryParser;
import org.casebook.search.SearchResults;
import org.casebook.search.SearchSort;
import org.casebook.site.SiteUrls;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Any search as an Atom feed, to follow it in a feed reader: the list page's parameters,
 * parsed the same way (so what the list refuses with a 400, the feed refuses too), and
 * its newest published cases first whatever order the list was sorted in, because a feed
 * tells what is new. Its entries are read from the index, as the list's cards are.
 */
@Controller
class SearchFeedController {

	static final String PATH = "/innovations.atom";

	static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

	/**
	 * How many cases a feed lists: the newest. OPSI receives a few hundred cases a year,
	 * so a reader that looks once a month misses none; it is also one of the list's page
	 * sizes.
	 */
	static final int ENTRIES = 50;

	/** What XML 1.0 cannot carry, even escaped: control characters, lone surrogates. */
	private static final Pattern NOT_XML = Pattern
		.compile("[^\\t\\n\\r\\x{20}-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");

	private final SearchQueryParser parser;

	private final InnovationSearch search;

	private final MessageSource messages;

	private final SiteUrls site;

	private final SearchLabels labels;

	SearchFeedController(SearchQueryParser parser, InnovationSearch search, MessageSource messages, SiteUrls site,
			SearchLabels labels) {
		this.parser = parser;
		this.search = search;
		this.messages = messages;
		this.site = site;
		this.labels = labels;
	}

	@SearchWork
	@GetMapping(PATH)
	ResponseEntity<String> feed(@RequestParam MultiValueMap<String, String> parameters, Locale locale)
			throws FeedException {
		SearchQuery asked = this.parser.parse(parameters).query();
		// The list's parameters, all of them: a view that does not exist is refused here
		// too, though a feed shows none.
		SearchView.parse(parameters.getFirst("view"));
		SearchResults results = this.labels.in(locale, this.search.search(query(asked)));
		SearchQuery filters = filters(asked);
		String description = SearchDescription.of(results, this.messages, locale);
		String appName = this.messages.getMessage("app.name", null, locale);
		String title = description.isEmpty()
				? this.messages.getMessage("feed.title.all", new Object[] { appName }, locale)
				: this.messages.getMessage("feed.title", new Object[] { appName, description }, locale);

		SyndFeed feed = new SyndFeedImpl();
		feed.setFeedType("atom_1.0");
		feed.setEncoding("UTF-8");
		feed.setTitle(xml(title));
		String self = this.site.absolute(filters.toUrl(PATH));
		// The same search has the same id, however its URL was spelled.
		feed.setUri(self);
		feed.setLinks(List.of(link("self", "application/atom+xml", self),
				link("alternate", MediaType.TEXT_HTML_VALUE, this.site.absolute(filters.toUrl(SearchPage.PATH)))));
		List<InnovationHit> hits = results.page().items();
		// The newest entry's date; a feed that has never had one is as old as can be.
		feed.setPublishedDate(Date.from(hits.isEmpty() ? Instant.EPOCH : hits.get(0).publishedAt()));
		// Casebook writes the entries of its catalogue; Atom asks each for an author.
		SyndPerson casebook = new SyndPersonImpl();
		casebook.setName(appName);
		casebook.setUri(this.site.absolute("/"));
		feed.setAuthors(List.of(casebook));
		feed.setEntries(hits.stream().map((hit) -> entry(hit, casebook)).toList());
		// The feed's own words are in the language of the message bundle that gave them
		// (app.language), the reader's; each entry's, in its case's, but for the names of
		// its countries, which are the feed's.
		Document atom = new SyndFeedOutput().outputJDom(feed);
		String language = this.messages.getMessage("app.language", null, locale);
		Namespace namespace = atom.getRootElement().getNamespace();
		atom.getRootElement().setAttribute("lang", language, Namespace.XML_NAMESPACE);
		List<Element> entries = atom.getRootElement().getChildren("entry", namespace);
		for (int i = 0; i < entries.size() && i < hits.size(); i++) {
			String own = hits.get(i).language();
			if (own != null) {
				entries.get(i).setAttribute("lang", own, Namespace.XML_NAMESPACE);
			}
			if (own != null && !own.equals(language)) {
				entries.get(i)
					.getChildren("category", namespace)
					.forEach((category) -> category.setAttribute("lang", language, Namespace.XML_NAMESPACE));
			}
		}
		return ResponseEntity.ok()
			.contentType(ATOM)
			.body(new XMLOutputter(Format.getPrettyFormat().setEncoding("UTF-8")).outputString(atom));
	}

	/** The newest published first, one page of them. */
	static SearchQuery query(SearchQuery asked) {
		return new SearchQuery(asked.text(), asked.filters(), asked.yearFrom(), asked.yearTo(), SearchSort.PUBLISHED, 1,
				ENTRIES, asked.hideDemo());
	}

	/**
	 * What a search selects, without its order, page and page size: what makes a feed
	 * that one and no other.
	 */
	static SearchQuery filters(SearchQuery query) {
		return new SearchQuery(query.text(), query.filters(), query.yearFrom(), query.yearTo(), null, 1,
				SearchQuery.DEFAULT_SIZE, query.hideDemo());
	}

	private SyndEntry entry(InnovationHit hit, SyndPerson author) {
		SyndEntry entry = new SyndEntryImpl();
		entry.setAuthors(List.of(author));
		String url = this.site.absolute("/innovations/" + hit.slug());
		entry.setTitle(xml(hit.title()));
		entry.setLink(url);
		// A case's page is where it stays, under its slug: its id.
		entry.setUri(url);
		Date published = Date.from(hit.publishedAt());
		entry.setPublishedDate(published);
		// The index keeps when a case was published, not when it last changed.
		entry.setUpdatedDate(published);
		if (hit.summary() != null && !hit.summary().isBlank()) {
			SyndContent summary = new SyndContentImpl();
			summary.setType(Content.TEXT);
			summary.setValue(xml(hit.summary()));
			entry.setDescription(summary);
		}
		List<SyndCategory> categories = new ArrayList<>();
		for (int i = 0; i < hit.countryKeys().size(); i++) {
			SyndCategory country = new SyndCategoryImpl();
			country.setName(hit.countryKeys().get(i));
			country.setLabel(xml(hit.countries().get(i)));
			country.setTaxonomyUri(this.site.absolute("/api/v1/countries"));
			categories.add(country);
		}
		entry.setCategories(categories);
		return entry;
	}

	private static SyndLink link(String rel, String type, String href) {
		SyndLink link = new SyndLinkImpl();
		link.setRel(rel);
		link.setType(type);
		link.setHref(href);
		return link;
	}

	private static String xml(String text) {
		return NOT_XML.matcher(text).replaceAll("");
	}

}
