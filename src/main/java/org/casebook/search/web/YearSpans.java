package org.casebook.search.web;

import java.util.ArrayList;
import java.util.List;

import org.casebook.search.SearchResults.YearCount;

/**
 * Years of launch grouped for a chart: one span per year from the first to the last year
 * with results (years without any count as zero), or per group of 2, 5, 10… years aligned
 * on multiples (such as 2010–2014) when there are more years than bars.
 */
final class YearSpans {

	/** How many years a span may group, the fewest that keep to the number of bars. */
	private static final List<Integer> GROUPS = List.of(1, 2, 5, 10, 20, 50, 100);

	private YearSpans() {
	}

	/**
	 * The spans of some years' counts, at most {@code maxSpans} unless even a century per
	 * span gives more; each count is the sum of its years'.
	 */
	static List<Span> of(List<YearCount> years, int maxSpans) {
		if (years.isEmpty()) {
			return List.of();
		}
		int first = years.stream().mapToInt(YearCount::year).min().getAsInt();
		int last = years.stream().mapToInt(YearCount::year).max().getAsInt();
		int width = GROUPS.stream()
			.filter((group) -> last / group - first / group < maxSpans)
			.findFirst()
			.orElse(GROUPS.get(GROUPS.size() - 1));
		int firstGroup = first / width;
		long[] counts = new long[last / width - firstGroup + 1];
		years.forEach((year) -> counts[year.year() / width - firstGroup] += year.count());
		List<Span> spans = new ArrayList<>(counts.length);
		for (int group = 0; group < counts.length; group++) {
			int from = Math.max(first, (firstGroup + group) * width);
			int to = Math.min(last, (firstGroup + group) * width + width - 1);
			spans.add(new Span(from, to, counts[group]));
		}
		return spans;
	}

	/**
	 * Years of launch from one to another, inclusive, and how many results were launched
	 * in them.
	 */
	record Span(int from, int to, long count) {

		boolean isOneYear() {
			return this.from == this.to;
		}

	}

}
