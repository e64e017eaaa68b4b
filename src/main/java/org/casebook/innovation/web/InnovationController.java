package org.casebook.innovation.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import org.casebook.attachment.Attachments;
import org.casebook.innovation.Innovation;
import org.casebook.innovation.InnovationCatalogue;
import org.casebook.search.InnovationSearch;
import org.casebook.site.SiteUrls;

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

	InnovationController(InnovationCatalogue catalogue, InnovationSearch search, SiteUrls site, MessageSource messages,
			NarrativeHtml narrativeHtml, Attachments attachments, Clock clock) {
		this.catalogue = catalogue;
		this.search = search;
		this.site = site;
		this.messages = messages;
		this.narrativeHtml = narrativeHtml;
		this.attachments = attachments;
		this.clock = clock;
	}

	@GetMapping("/innovations/{slug}")
	String show(@PathVariable String slug, Locale locale, Model model) {
		Innovation innovation = this.catalogue.published(slug);
		model.addAttribute("innovation", innovation);
		model.addAttribute("head",
				CaseHead.of(innovation, this.site, this.messages.getMessage("app.name", null, locale)));
		model.addAttribute("related", this.search.related(innovation, RELATED_CASES));
		model.addAttribute("narrativeHtml", this.narrativeHtml);
		model.addAttribute("files", this.attachments.ofPublishedCase(slug));
		// A citation names the day its reader saw the page (in UTC, as Casebook's clock).
		model.addAttribute("accessedOn", LocalDate.now(this.clock));
		return "innovation/detail";
	}

}
