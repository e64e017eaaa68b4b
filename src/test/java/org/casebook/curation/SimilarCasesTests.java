package org.casebook.curation;

import java.time.Instant;
import java.util.List;

import org.casebook.search.FakeInnovationSearch;
import org.casebook.search.InnovationHit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a draft is compared by, and what is left out of its similar cases: the case a
 * change is proposed to, and everything for a draft without a text.
 */
class SimilarCasesTests {

	final FakeInnovationSearch search = new FakeInnovationSearch();

	final SimilarCases similar = new SimilarCases(this.search);

	@Test
	void aDraftIsComparedByItsTitleSummaryAndOverviewInItsLanguage() {
		this.search.likens(hit("a"), hit("b"), hit("c"), hit("d"), hit("e"), hit("f"), hit("g"));
		CaseForm form = form("Kiosks", "Kiosks in town halls.", "");
		form.setLanguage("fr");
		assertThat(slugs(this.similar.of(draft(form, null)))).containsExactly("a", "b", "c", "d", "e");
		assertThat(this.search.calls())
			.containsExactly(new FakeInnovationSearch.Similar("Kiosks\n\nKiosks in town halls.", "fr", 6));
	}

	@Test
	void aProposedChangeIsNotSimilarToItsOwnCase() {
		this.search.likens(hit("a"), hit("b"), hit("c"), hit("d"), hit("e"), hit("f"));
		assertThat(slugs(this.similar.of(draft(form("Kiosks", "", "Kiosks."), "a")))).containsExactly("b", "c", "d",
				"e", "f");
	}

	@Test
	void aDraftWithoutATextHasNoSimilarCasesAndAsksNothing() {
		this.search.likens(hit("a"));
		assertThat(this.similar.of(draft(form(" ", "\n", null), null))).isEmpty();
		assertThat(this.search.calls()).isEmpty();
	}

	@Test
	void aSearchThatFailsGivesNoSimilarCases() {
		this.search.likens(hit("a")).fails(new IllegalStateException("The index is away"));
		assertThat(this.similar.of(draft(form("Kiosks", "", ""), null))).isEmpty();
	}

	private static CaseForm form(String title, String summary, String overview) {
		CaseForm form = new CaseForm();
		form.setTitle(title);
		form.setSummary(summary);
		form.setOverview(overview);
		return form;
	}

	private static Submissions.Draft draft(CaseForm form, String caseSlug) {
		return new Submissions.Draft(new Submission(1, null, form.getTitle(), "{}", Instant.now()), form, caseSlug);
	}

	private static InnovationHit hit(String slug) {
		return new InnovationHit(null, slug, slug, null, List.of(), List.of(), null, false, Instant.now(), null, null,
				"en", InnovationHit.TermKeys.NONE, List.of());
	}

	private static List<String> slugs(List<InnovationHit> hits) {
		return hits.stream().map(InnovationHit::slug).toList();
	}

}
