package org.casebook.search.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.IntStream;

import org.casebook.search.Facet;
import org.casebook.search.FacetValue;
import org.casebook.search.ResultPage;
import org.casebook.search.SearchQuery;
import org.casebook.search.SearchResults;
import org.casebook.search.SearchResults.YearCount;
import org.casebook.search.web.StatisticsPage.AxisLabel;
import org.casebook.search.web.StatisticsPage.Bar;
import org.casebook.search.web.StatisticsPage.Chart;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statistics' charts as their template draws them, without a search behind them:
 * which bars, their counts and links, and their geometry.
 */
class StatisticsPageTests {

	@Test
	void theChartsAreYearsSectorsStagesOrganisationTypesAndCountries() {
		StatisticsPage statistics = statistics(SearchQuery.all(), facets(), List.of(new YearCount(2015, 1)), 1);
		assertThat(statistics.charts()).extracting(Chart::id)
			.containsExactly("year", "sector", "stage", "orgType", "country");
		assertThat(statistics.charts()).extracting(Chart::lying).containsExactly(false, true, true, true, true);
	}

	@Test
	void lyingBarsAreLargestFirstWithWidthsInProportionAndLinksToTheirList() {
		Map<Facet, List<FacetValue>> facets = facets();
		facets.put(Facet.SECTOR, List.of(new FacetValue("health", "Health", 10, false),
				new FacetValue("education", "Education", 40, true), new FacetValue("housing", "Housing", 1, false),
				new FacetValue("transport", "Transport", 0, true)));
		SearchQuery query = new SearchQuery("budget",
				Map.of(Facet.SECTOR, Set.of("education", "transport"), Facet.COUNTRY, Set.of("fr")), 2000, null, null,
				3, 20);
		Chart sectors = chart(statistics(query, facets, List.of(), 45), "sector");

		assertThat(sectors.bars()).extracting(Bar::label)
			.containsExactly("Education", "Health", "Housing", "Transport");
		assertThat(sectors.bars()).extracting(Bar::count).containsExactly(40L, 10L, 1L, 0L);
		assertThat(sectors.max()).isEqualTo(40);
		// The longest bar is 80% of the width, the others in proportion; a bar of any
		// count shows, one of none does not.
		assertThat(sectors.bars()).extracting(Bar::width).containsExactly("80.00%", "20.00%", "2.00%", "0.00%");
		assertThat(sectors.bars()).extracting(Bar::countX).containsExactly("80.00%", "20.00%", "2.00%", "0.00%");
		assertThat(sectors.bars()).extracting(Bar::x).containsOnly("0.00%");
		// One row each, 42 px: the label, then the bar and its count.
		assertThat(sectors.bars()).extracting(Bar::labelY).containsExactly(15, 57, 99, 141);
		assertThat(sectors.bars()).extracting(Bar::y).containsExactly(20, 62, 104, 146);
		assertThat(sectors.bars()).extracting(Bar::countY).containsExactly(32, 74, 116, 158);
		assertThat(sectors.height()).isEqualTo(4 * 42);
		// Each links to the list with only its value of the facet, the other filters
		// kept, from the first page; one of none links nowhere.
		assertThat(sectors.bars()).extracting(Bar::url)
			.containsExactly("/innovations?q=budget&country=fr&sector=education&yearFrom=2000",
					"/innovations?q=budget&country=fr&sector=health&yearFrom=2000",
					"/innovations?q=budget&country=fr&sector=housing&yearFrom=2000", null);
		assertThat(sectors.bars()).extracting(Bar::selected).containsExactly(true, false, false, true);
		assertThat(sectors.isTop()).isFalse();

		Facet small = Facet.STAGE;
		facets.put(small, List.of(new FacetValue("evaluation", "Evaluation", 3, false)));
		assertThat(chart(statistics(query, facets, List.of(), 3), "stage").bars()).extracting(Bar::width)
			.containsExactly("80.00%");
		// A tiny share still shows.
		facets.put(small, List.of(new FacetValue("evaluation", "Evaluation", 10_000, false),
				new FacetValue("diffusing", "Diffusing lessons", 1, false)));
		assertThat(chart(statistics(query, facets, List.of(), 3), "stage").bars()).extracting(Bar::width)
			.containsExactly("80.00%", "0.50%");
	}

	@Test
	void theCountryChartShowsTheTwentyLargest() {
		Map<Facet, List<FacetValue>> facets = facets();
		List<FacetValue> countries = new ArrayList<>();
		for (int i = 1; i <= 25; i++) {
			countries.add(new FacetValue("c" + i, "Country " + i, i, false));
		}
		facets.put(Facet.COUNTRY, countries);
		Chart chart = chart(statistics(SearchQuery.all(), facets, List.of(), 100), "country");
		assertThat(chart.bars()).hasSize(StatisticsPage.TOP_COUNTRIES);
		assertThat(chart.bars().get(0).label()).isEqualTo("Country 25");
		assertThat(chart.bars().get(19).label()).isEqualTo("Country 6");
		assertThat(chart.valueCount()).isEqualTo(25);
		assertThat(chart.isTop()).isTrue();
		assertThat(chart.height()).isEqualTo(20 * 42);
		// Other facets are shown whole.
		facets.put(Facet.SECTOR, countries);
		assertThat(chart(statistics(SearchQuery.all(), facets, List.of(), 100), "sector").bars()).hasSize(25);
	}

	@Test
	void standingBarsGoFromTheFirstYearToTheLastWithHeightsInProportion() {
		SearchQuery query = SearchQuery.all().withYears(2016, 2017);
		StatisticsPage statistics = statistics(query, facets(),
				List.of(new YearCount(2015, 40), new YearCount(2017, 10), new YearCount(2018, 3)), 13);
		Chart years = chart(statistics, "year");
		assertThat(years.bars()).extracting(Bar::label).containsExactly("2015", "2016", "2017", "2018");
		assertThat(years.bars()).extracting(Bar::count).containsExactly(40L, 0L, 10L, 3L);
		// 160 px for the tallest, from a baseline at 22 + 160 px; a bar of any count
		// shows.
		assertThat(years.bars()).extracting(Bar::height).containsExactly(160, 0, 40, 12);
		assertThat(years.bars()).extracting(Bar::y).containsExactly(22, 182, 142, 170);
		assertThat(years.baseline()).isEqualTo(182);
		// Four slots of 25%, each bar 80% of its slot.
		assertThat(years.bars()).extracting(Bar::x).containsExactly("2.50%", "27.50%", "52.50%", "77.50%");
		assertThat(years.bars()).extracting(Bar::width).containsOnly("20.00%");
		// The selected years' bars are in colour, the others grey; each links to its
		// year, whatever the range was.
		assertThat(years.bars()).extracting(Bar::muted).containsExactly(true, false, false, true);
		assertThat(years.bars()).extracting(Bar::url)
			.containsExactly("/innovations?yearFrom=2015&yearTo=2015", null, "/innovations?yearFrom=2017&yearTo=2017",
					"/innovations?yearFrom=2018&yearTo=2018");
		assertThat(years.axis()).extracting(AxisLabel::text).containsExactly("2015", "2016", "2017", "2018");
		assertThat(years.axis()).extracting(AxisLabel::x).containsExactly("12.50%", "37.50%", "62.50%", "87.50%");
		// With a year range the years' counts and the total count different things.
		assertThat(statistics.withoutYear()).isNull();
		assertThat(statistics(SearchQuery.all(), facets(), List.of(new YearCount(2015, 40)), 45).withoutYear())
			.isEqualTo(5);
	}

	@Test
	void manyYearsAreGroupedAndOnlySomeAreWrittenUnderTheAxis() {
		// 1951 to 2024: 74 years, in spans of two aligned on even years: 38 bars.
		List<YearCount> years = IntStream.rangeClosed(1951, 2024).mapToObj((year) -> new YearCount(year, 1)).toList();
		Chart chart = chart(statistics(SearchQuery.all(), facets(), years, 74), "year");
		assertThat(chart.bars()).hasSize(38);
		assertThat(chart.bars().get(0).label()).isEqualTo("1951");
		assertThat(chart.bars().get(1).label()).isEqualTo("1952–1953");
		assertThat(chart.bars().get(1).count()).isEqualTo(2);
		assertThat(chart.bars().get(1).url()).isEqualTo("/innovations?yearFrom=1952&yearTo=1953");
		assertThat(chart.bars()).extracting(Bar::count).containsOnly(1L, 2L);
		assertThat(chart.bars().stream().mapToLong(Bar::count).sum()).isEqualTo(74);
		// Every tenth year.
		assertThat(chart.axis()).extracting(AxisLabel::text)
			.containsExactly("1960", "1970", "1980", "1990", "2000", "2010", "2020");

		// 35 single years: every fifth.
		List<YearCount> recent = IntStream.rangeClosed(1990, 2024).mapToObj((year) -> new YearCount(year, 1)).toList();
		Chart one = chart(statistics(SearchQuery.all(), facets(), recent, 35), "year");
		assertThat(one.bars()).hasSize(35);
		assertThat(one.axis()).extracting(AxisLabel::text)
			.containsExactly("1990", "1995", "2000", "2005", "2010", "2015", "2020");
	}

	@Test
	void noCountsNoBars() {
		StatisticsPage statistics = statistics(SearchQuery.all(), facets(), List.of(), 0);
		assertThat(statistics.charts()).allSatisfy((chart) -> assertThat(chart.bars()).isEmpty());
		assertThat(chart(statistics, "year").axis()).isEmpty();
	}

	@Test
	void theListAndTheMapLinkToTheStatisticsWithEveryFilter() {
		// In the order they were chosen, as the parser keeps them.
		SearchQuery query = new SearchQuery("open data",
				Map.of(Facet.COUNTRY, new LinkedHashSet<>(List.of("fr", "de"))), 2000, 2010, null, 1, 20);
		SearchPage list = page(query, facets(), List.of(), 0, SearchView.LIST);
		assertThat(list.viewUrl(SearchView.STATISTICS))
			.isEqualTo("/statistics?q=open%20data&country=fr,de&yearFrom=2000&yearTo=2010");
		assertThat(list.viewUrl(SearchView.MAP))
			.isEqualTo("/innovations?q=open%20data&country=fr,de&yearFrom=2000&yearTo=2010&view=map");
		SearchPage statistics = page(query, facets(), List.of(), 0, SearchView.STATISTICS);
		// Chips and "show all" keep to the statistics.
		assertThat(statistics.url(query.withoutText()))
			.isEqualTo("/statistics?country=fr,de&yearFrom=2000&yearTo=2010");
		assertThat(statistics.viewUrl(SearchView.LIST))
			.isEqualTo("/innovations?q=open%20data&country=fr,de&yearFrom=2000&yearTo=2010");
	}

	@Test
	void everyChartHasACaptionAndAHeading() throws IOException {
		Properties messages = new Properties();
		try (InputStream in = getClass().getClassLoader().getResourceAsStream("messages.properties")) {
			messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		for (Chart chart : statistics(SearchQuery.all(), facets(), List.of(), 0).charts()) {
			assertThat(messages).containsKeys("statistics.caption." + chart.id(), chart.labelKey());
		}
	}

	private static Chart chart(StatisticsPage statistics, String id) {
		return statistics.charts().stream().filter((chart) -> chart.id().equals(id)).findFirst().orElseThrow();
	}

	private static StatisticsPage statistics(SearchQuery query, Map<Facet, List<FacetValue>> facets,
			List<YearCount> years, long total) {
		return StatisticsPage.of(page(query, facets, years, total, SearchView.STATISTICS));
	}

	private static SearchPage page(SearchQuery query, Map<Facet, List<FacetValue>> facets, List<YearCount> years,
			long total, SearchView view) {
		SearchResults results = new SearchResults(query, new ResultPage<>(List.of(), total, 1, 20), facets, years);
		return new SearchPage(results, List.of(), Set.of(), view, NumberFormat.getIntegerInstance(Locale.ENGLISH));
	}

	private static Map<Facet, List<FacetValue>> facets() {
		Map<Facet, List<FacetValue>> facets = new EnumMap<>(Facet.class);
		for (Facet facet : Facet.values()) {
			facets.put(facet, List.of());
		}
		return facets;
	}

}
