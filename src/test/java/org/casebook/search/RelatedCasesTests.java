package org.casebook.search;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order both engines give a case's related cases (SeamTests runs them on each).
 */
class RelatedCasesTests {

	@Test
	void realCasesComeBeforeDemoOnesEachInTheirOrder() {
		List<InnovationHit> candidates = List.of(hit("demo-a", true), hit("real-a", false), hit("demo-b", true),
				hit("real-b", false), hit("real-c", false));
		assertThat(RelatedCases.realFirst(candidates, 4)).extracting(InnovationHit::slug)
			.containsExactly("real-a", "real-b", "real-c", "demo-a");
		assertThat(RelatedCases.realFirst(candidates, 2)).extracting(InnovationHit::slug)
			.containsExactly("real-a", "real-b");
		assertThat(RelatedCases.realFirst(List.of(), 3)).isEmpty();
	}

	@Test
	void enginesReadMoreCandidatesThanTheyShow() {
		assertThat(RelatedCases.candidates(5)).isGreaterThan(5);
	}

	private static InnovationHit hit(String slug, boolean demo) {
		return new InnovationHit(null, slug, slug, null, List.of(), List.of(), null, demo,
				Instant.parse("2024-01-01T00:00:00Z"), null, null, "en", InnovationHit.TermKeys.NONE, List.of());
	}

}
