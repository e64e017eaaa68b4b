package org.casebook.search.web;

import java.text.NumberFormat;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.casebook.search.Facet;
import org.casebook.search.FacetValue;
import org.casebook.search.ResultPage;
import org.casebook.search.SearchQuery;
import org.casebook.search.SearchResults;
import org.casebook.search.SearchResults.YearCount;
import org.casebook.search.web.SearchPage.YearBar;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The year histogram's bars, and the count of the "Filters (N selected)" control: what
 * the list page's template draws, without a search behind it.
 */
class YearHistogramTests {

	@Test
	void upToTenYearsGetABarEachWithHeightsInStepsOfFivePercent() {
		List<YearBar> bars = page(SearchQuery.all(),
				List.of(new YearCount(2015, 40), new YearCount(2017, 3), new YearCount(2024, 10)))
			.yearBars();
		assertThat(bars).extracting(YearBar::from)
			.containsExactly(2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024);
		assertThat(bars).allSatisfy((bar) -> assertThat(bar.to()).isEqualTo(bar.from()));
		assertThat(bars).extracting(YearBar::height).containsExactly(100, 0, 10, 0, 0, 0, 0, 0, 0, 25);
		assertThat(bars.get(0).url()).isEqualTo("/innovations?yearFrom=2015&yearTo=2015");
		assertThat(bars).allMatch(YearBar::inRange);
	}

	@Test
	void moreYearsAreGroupedIntoAlignedSpansOfTwoFiveOrTenYears() {
		// 1993 to 2024: 32 years; in spans of 5 years, 1990-1994 to 2020-2024 are 7 bars.
		List<YearCount> years = IntStream.rangeClosed(1993, 2024).mapToObj((year) -> new YearCount(year, 1)).toList();
		List<YearBar> bars = page(SearchQuery.all().withYears(2012, 2013), years).yearBars();
		assertThat(bars).extracting(YearBar::from).containsExactly(1993, 1995, 2000, 2005, 2010, 2015, 2020);
		assertThat(bars).extracting(YearBar::to).containsExactly(1994, 1999, 2004, 2009, 2014, 2019, 2024);
		assertThat(bars).extracting(YearBar::count).containsExactly(2L, 5L, 5L, 5L, 5L, 5L, 5L);
		assertThat(bars.get(0).height()).isEqualTo(40);
		assertThat(bars.get(4).url()).isEqualTo("/innovations?yearFrom=2010&yearTo=2014");
		// The bar that holds the selected years is in range, the others not.
		assertThat(bars).extracting(YearBar::inRange).containsExactly(false, false, false, false, true, false, false);

		// Eleven years need spans of two.
		List<YearCount> eleven = IntStream.rangeClosed(2010, 2020).mapToObj((year) -> new YearCount(year, 1)).toList();
		assertThat(page(SearchQuery.all(), eleven).yearBars()).hasSize(6)
			.allSatisfy((bar) -> assertThat(bar.from() % 2).isZero());
		assertThat(page(SearchQuery.all(), years).yearBars()).hasSizeLessThanOrEqualTo(SearchPage.MAX_YEAR_BARS);
	}

	@Test
	void noYearsNoBars() {
		assertThat(page(SearchQuery.all(), List.of()).yearBars()).isEmpty();
	}

	@Test
	void theFiltersControlCountsSelectedValuesAndTheYearRangeAsOne() {
		Map<Facet, List<FacetValue>> facets = facets();
		facets.put(Facet.COUNTRY, List.of(new FacetValue("fr", "France", 3, true),
				new FacetValue("de", "Germany", 2, true), new FacetValue("pl", "Poland", 5, false)));
		facets.put(Facet.SECTOR, List.of(new FacetValue("education", "Education", 0, true)));
		SearchQuery query = SearchQuery.all().withYears(2000, null);
		assertThat(page(query, facets, List.of()).selectedFilters()).isEqualTo(4);
		assertThat(page(SearchQuery.all(), facets, List.of()).selectedFilters()).isEqualTo(3);
		assertThat(page(SearchQuery.all(), facets(), List.of()).selectedFilters()).isZero();
	}

	private static SearchPage page(SearchQuery query, List<YearCount> years) {
		return page(query, facets(), years);
	}

	private static SearchPage page(SearchQuery query, Map<Facet, List<FacetValue>> facets, List<YearCount> years) {
		SearchResults results = new SearchResults(query, new ResultPage<>(List.of(), 0, 1, 20), facets, years);
		return new SearchPage(results, List.of(), Set.of(), SearchView.LIST, NumberFormat.getInstance(Locale.ENGLISH));
	}

	private static Map<Facet, List<FacetValue>> facets() {
		Map<Facet, List<FacetValue>> facets = new EnumMap<>(Facet.class);
		for (Facet facet : Facet.values()) {
			facets.put(facet, List.of());
		}
		return facets;
	}

}
