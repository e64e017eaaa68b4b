package org.casebook.search;

import java.util.List;
import java.util.stream.Stream;

/**
 * The order in which both engines list a case's related cases: real cases before
 * generated demo ones, each in the order of what they share with the case. The engines
 * read a few times more candidates than they show, so that a real case a little less
 * alike still comes before a generated one.
 */
public final class RelatedCases {

	/** Candidates read for each related case shown. */
	private static final int CANDIDATES_PER_CASE = 4;

	private RelatedCases() {
	}

	/** How many candidates an engine reads, most alike first, to show this many. */
	public static int candidates(int count) {
		return count * CANDIDATES_PER_CASE;
	}

	/**
	 * The cases to show: the real candidates, then the demo ones, each in the given
	 * order.
	 * @param candidates the candidates, most alike first
	 * @param count how many to show at most
	 */
	public static List<InnovationHit> realFirst(List<InnovationHit> candidates, int count) {
		return Stream
			.concat(candidates.stream().filter((hit) -> !hit.demo()), candidates.stream().filter(InnovationHit::demo))
			.limit(count)
			.toList();
	}

}
