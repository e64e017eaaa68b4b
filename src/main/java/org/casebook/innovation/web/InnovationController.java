package org.casebook.innovation.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import org.casebook.attachment.Attachments;
import org.casebook.innovation.Innovation;
import org.casebook.innovation.InnovationCatalogue;
import org.casebook.search.InnovationSearch;
import org.casebook.search.SearchLabels;
import org.casebook.site.SiteUrls;
import org.casebook.taxonomy.Taxonomies;
import org.casebook.taxonomy.TermLabels;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The page of one case: its narrative (Markdown, see {@link NarrativeHtml}), its facts,
 * each a link to the cases that share it, its images and files, how to cite it, and
 * related cases.
 */
@Controller
class InnovationController {

	static final int RELATED_CASES = 5;

	private final InnovationCatalogue catalogue;

	private final InnovationSearch search;

	private final SiteUrls site;

	private final MessageSource messages;

	private final NarrativeHtml narrativeHtml;

	private final Attachments attachments;

	private final Clock clock;

	private final Taxonomies taxonomies;

	private final SearchLabels labels;

	InnovationController(InnovationCatalogue catalogue, InnovationSearch search, SiteUrls site, MessageSource messages,
			NarrativeHtml narrativeHtml, Attachments attachments, Clock clock, Taxonomies taxonomies,
			SearchLabels labels) {
		this.catalogue = catalogue;
		this.search = search;
		this.site = site;
		this.messages = messages;
		this.narrativeHtml = narrativeHtml;
		this.attachments = attachments;
		this.clock = clock;
		this.taxonomies = taxonomies;
		this.labels = labels;
	}

	@GetMapping("/innovations/{slug}")
	String show(@PathVariable String slug, Locale locale, Model model) {
		Innovation innovation = this.catalogue.published(slug);
		// Its facts are named in the reader's language; its own words stay in its own.
		TermLabels terms = this.taxonomies.in(locale);
		model.addAttribute("innovation", innovation);
		model.addAttribute("terms", terms);
		String siteName = this.messages.getMessage("app.name", null, locale);
		CaseHead head = CaseHead.of(innovation, this.site, siteName, terms);
		model.addAttribute("head", head);
		model.addAttribute("related", this.labels.in(locale, this.search.related(innovation, RELATED_CASES)));
		model.addAttribute("narrativeHtml", this.narrativeHtml);
		model.addAttribute("files", this.attachments.ofPublishedCase(slug));
		// A citation names the day its reader saw the page (in UTC, as Casebook's clock).
		String source = (innovation.getProvenance().getSourceName() != null)
				? innovation.getProvenance().getSourceName() : siteName;
		model.addAttribute("citation",
				Citation.of(this.messages, locale, source, head.canonicalUrl(), LocalDate.now(this.clock)));
		return "innovation/detail";
	}

}
