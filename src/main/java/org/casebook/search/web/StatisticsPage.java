package org.casebook.search.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.casebook.search.Facet;
import org.casebook.search.FacetValue;
import org.casebook.search.SearchResults;

/**
 * The statistics view of a search: bar charts of its results per year of launch, sector,
 * stage, organisation type and country (the largest twenty), each drawn as SVG by its
 * template from the geometry computed here, beside a table of the same numbers. The
 * counts are the search's facet counts and year histogram, as the list's filters show
 * them: a bar counts what its link lists.
 * <p>
 * Widths and horizontal positions are percentages of the chart's width, so that a chart
 * fills its column at any screen size while its text keeps the page's size; heights and
 * vertical positions are pixels. Everything is an attribute of the SVG: Casebook's
 * Content-Security-Policy allows no style attribute.
 *
 * @param charts the charts, years first
 * @param withoutYear how many results have no year of launch, or null when a year range
 * is selected (the year chart then counts every year, and the total only those in range)
 */
public record StatisticsPage(List<Chart> charts, Long withoutYear) {

	static final String PATH = "/statistics";

	/** The country chart shows this many countries, those with the most results. */
	static final int TOP_COUNTRIES = 20;

	/**
	 * The year chart has at most this many bars, so that a bar stays a few pixels wide on
	 * a phone; more years are grouped by 2, 5, 10…
	 */
	static final int MAX_YEAR_BARS = 40;

	/** The categorical charts, in the page's order. */
	static final List<Facet> CATEGORIES = List.of(Facet.SECTOR, Facet.STAGE, Facet.ORG_TYPE, Facet.COUNTRY);

	/** Height of a lying bar's row: its label above, the bar and its count below. */
	static final int ROW = 42;

	/** The longest lying bar, in percent of the width: its count is written after it. */
	static final double BAR_SPAN = 80;

	/**
	 * Standing bars: room for the top gridline's label above the plot, and its height.
	 */
	static final int PLOT_TOP = 22;

	static final int PLOT_HEIGHT = 160;

	/** Below the plot, the axis' years. */
	static final int AXIS_HEIGHT = 24;

	/** The most years written under the year chart's axis. */
	static final int MAX_AXIS_LABELS = 8;

	private static final List<Integer> AXIS_STEPS = List.of(1, 2, 5, 10, 20, 50, 100);

	/** The charts of a search page's results. */
	static StatisticsPage of(SearchPage page) {
		SearchResults results = page.results();
		List<Chart> charts = new ArrayList<>();
		charts.add(years(page));
		for (Facet facet : CATEGORIES) {
			charts.add(category(page, facet));
		}
		Long withoutYear = null;
		if (!page.query().hasYearRange()) {
			withoutYear = results.total() - results.years().stream().mapToLong(SearchResults.YearCount::count).sum();
		}
		return new StatisticsPage(charts, withoutYear);
	}

	/** Standing bars, one per year or group of years, from the first year to the last. */
	static Chart years(SearchPage page) {
		List<YearSpans.Span> spans = YearSpans.of(page.results().years(), MAX_YEAR_BARS);
		long max = spans.stream().mapToLong(YearSpans.Span::count).max().orElse(0);
		double slot = 100.0 / Math.max(1, spans.size());
		int labelEvery = axisStep(spans);
		int width = spanWidth(spans);
		List<Bar> bars = new ArrayList<>();
		List<AxisLabel> axis = new ArrayList<>();
		for (int i = 0; i < spans.size(); i++) {
			YearSpans.Span span = spans.get(i);
			int height = (span.count() == 0) ? 0
					: (int) Math.max(1, Math.round((double) PLOT_HEIGHT * span.count() / max));
			String label = span.isOneYear() ? Integer.toString(span.from()) : span.from() + "–" + span.to();
			String url = (span.count() > 0) ? page.yearsListUrl(span.from(), span.to()) : null;
			boolean muted = !page.inYearRange(span.from(), span.to());
			bars.add(new Bar(label, span.count(), url, false, muted, percent(slot * i + slot * 0.1),
					PLOT_TOP + PLOT_HEIGHT - height, percent(slot * 0.8), height, 0, null, 0));
			// Round years only, at the start of a whole span.
			if (span.from() % (labelEvery * width) == 0 || spans.size() == 1) {
				axis.add(new AxisLabel(Integer.toString(span.from()), percent(slot * i + slot / 2),
						PLOT_TOP + PLOT_HEIGHT + 18));
			}
		}
		return new Chart("year", "facet.year", false, bars, spans.size(), PLOT_TOP + PLOT_HEIGHT + AXIS_HEIGHT, max,
				axis);
	}

	/**
	 * Lying bars, one per value of a facet, largest first: every value the facet counts,
	 * or the {@link #TOP_COUNTRIES} largest countries.
	 */
	static Chart category(SearchPage page, Facet facet) {
		List<FacetValue> values = page.results()
			.facets()
			.getOrDefault(facet, List.of())
			.stream()
			.sorted(Comparator.comparingLong(FacetValue::count).reversed())
			.toList();
		List<FacetValue> shown = (facet == Facet.COUNTRY && values.size() > TOP_COUNTRIES)
				? values.subList(0, TOP_COUNTRIES) : values;
		long max = shown.stream().mapToLong(FacetValue::count).max().orElse(0);
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < shown.size(); i++) {
			FacetValue value = shown.get(i);
			double width = (value.count() == 0) ? 0 : Math.max(0.5, BAR_SPAN * value.count() / max);
			int top = i * ROW;
			String url = (value.count() > 0) ? page.listUrl(facet, value.key()) : null;
			bars.add(new Bar(value.label(), value.count(), url, value.selected(), false, percent(0), top + 20,
					percent(width), 14, top + 15, percent(width), top + 32));
		}
		return new Chart(facet.parameter(), facet.messageKey(), true, bars, values.size(), shown.size() * ROW, max,
				List.of());
	}

	/** The first years of how many spans are written under the axis, at most eight. */
	private static int axisStep(List<YearSpans.Span> spans) {
		return AXIS_STEPS.stream()
			.filter((step) -> (spans.size() + step - 1) / step <= MAX_AXIS_LABELS)
			.findFirst()
			.orElse(AXIS_STEPS.get(AXIS_STEPS.size() - 1));
	}

	/** How many years a span groups: the widest span's. */
	private static int spanWidth(List<YearSpans.Span> spans) {
		return spans.stream().mapToInt((span) -> span.to() - span.from() + 1).max().orElse(1);
	}

	static String percent(double value) {
		return String.format(Locale.ROOT, "%.2f%%", value);
	}

	/**
	 * A bar chart, with the numbers it draws.
	 *
	 * @param id what it counts, in element ids: {@code year} or a facet's parameter
	 * @param labelKey the message key of what its bars are, such as {@code facet.sector}
	 * @param lying whether its bars lie (categories, each labelled) or stand (years, with
	 * an axis)
	 * @param bars its bars, in order
	 * @param valueCount how many values there are, of which the chart may show only the
	 * largest
	 * @param height its height in pixels
	 * @param max its largest count, the top of its scale
	 * @param axis the years written under standing bars
	 */
	public record Chart(String id, String labelKey, boolean lying, List<Bar> bars, int valueCount, int height, long max,
			List<AxisLabel> axis) {

		/** Whether it shows only the largest of its values. */
		public boolean isTop() {
			return this.bars.size() < this.valueCount;
		}

		/** Where the top of a standing chart's scale is drawn, in pixels. */
		public int top() {
			return PLOT_TOP;
		}

		/** Where standing bars stand, in pixels. */
		public int baseline() {
			return PLOT_TOP + PLOT_HEIGHT;
		}

	}

	/**
	 * A bar, and what it counts.
	 *
	 * @param label what it counts, such as {@code Education} or {@code 2010–2014}
	 * @param count how many results
	 * @param url the list of those results, or null when there are none
	 * @param selected whether it is a selected value of its facet
	 * @param muted whether it is outside the selected years
	 * @param x the bar's left, in percent
	 * @param y the bar's top, in pixels
	 * @param width in percent
	 * @param height in pixels
	 * @param labelY the baseline of a lying bar's label, written above it at the left
	 * @param countX where a lying bar's count is written, after its end, in percent
	 * @param countY the baseline of a lying bar's count
	 */
	public record Bar(String label, long count, String url, boolean selected, boolean muted, String x, int y,
			String width, int height, int labelY, String countX, int countY) {
	}

	/**
	 * A year written under the axis of standing bars, centred on its bar.
	 *
	 * @param x in percent
	 * @param y its baseline, in pixels
	 */
	public record AxisLabel(String text, String x, int y) {
	}

}
