package org.casebook.curation;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.casebook.search.InnovationHit;
import org.casebook.search.InnovationSearch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * The published cases a draft may duplicate, by the likeness of its title, summary and
 * overview, shown before it is submitted: its author may rather propose a change to one
 * of them, and its editor is spared a duplicate.
 */
@Service
public class SimilarCases {

	/** How many similar cases a draft is shown. */
	public static final int SHOWN = 5;

	private static final Logger log = LoggerFactory.getLogger(SimilarCases.class);

	private final InnovationSearch search;

	SimilarCases(InnovationSearch search) {
		this.search = search;
	}

	/**
	 * The published cases most like a draft, most alike first; never the case a proposed
	 * change is to, and none for a draft without a text yet.
	 */
	public List<InnovationHit> of(Submissions.Draft draft) {
		CaseForm form = draft.form();
		String text = Stream.of(form.getTitle(), form.getSummary(), form.getOverview())
			.filter(Objects::nonNull)
			.filter((part) -> !part.isBlank())
			.collect(Collectors.joining("\n\n"));
		if (text.isEmpty()) {
			return List.of();
		}
		List<InnovationHit> similar;
		try {
			similar = this.search.similar(text, form.getLanguage(), SHOWN + 1);
		}
		catch (RuntimeException ex) {
			// Advice only: a search that fails or times out must not keep a case from
			// being submitted.
			log.warn("No similar cases for submission {}", draft.submission().getId(), ex);
			return List.of();
		}
		return similar.stream().filter((hit) -> !hit.slug().equals(draft.caseSlug())).limit(SHOWN).toList();
	}

}
