package org.casebook.sample;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.casebook.CasebookIntegrationTest;
import org.casebook.innovation.PublicationStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@CasebookIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoCaseGeneratorTests {

	static final int SAMPLE = 20_000;

	@Autowired
	DemoDataService demoData;

	@Autowired
	DemoProperties demo;

	@Autowired
	JdbcTemplate jdbc;

	List<DemoCase> cases;

	Map<String, DemoCaseGenerator.DemoCountry> countries;

	@BeforeAll
	void generate() {
		DemoCaseGenerator generator = this.demoData.generator(42);
		this.cases = IntStream.range(0, SAMPLE).mapToObj(generator::generate).toList();
		this.countries = this.jdbc
			.query("SELECT code, name, latitude, longitude, area_km2, grouping FROM country",
					(row, number) -> new DemoCaseGenerator.DemoCountry(row.getString(1), row.getString(2),
							row.getDouble(3), row.getDouble(4), row.getDouble(5), row.getBoolean(6)))
			.stream()
			.collect(Collectors.toMap(DemoCaseGenerator.DemoCountry::code, Function.identity()));
	}

	@Test
	void sameSeedAndIndexGiveTheSameCase() {
		DemoCaseGenerator again = this.demoData.generator(42);
		assertThat(again.generate(12_345)).isEqualTo(this.cases.get(12_345));
		assertThat(again.generate(0)).isEqualTo(this.cases.get(0));
		assertThat(this.demoData.generator(43).generate(0)).isNotEqualTo(this.cases.get(0));
	}

	@Test
	void everyTaxonomyIsFilled() {
		assertThat(this.cases).allSatisfy((demo) -> {
			assertThat(demo.title()).isNotBlank();
			assertThat(demo.summary()).isNotBlank();
			assertThat(demo.overview()).isNotBlank();
			assertThat(demo.countries()).isNotEmpty();
			assertThat(demo.sectors()).isNotEmpty();
			assertThat(demo.stages()).isNotEmpty();
			assertThat(demo.tags()).isNotEmpty();
			assertThat(demo.organisations()).isNotEmpty().allSatisfy((o) -> assertThat(o.type()).isNotNull());
			assertThat(demo.level()).isNotNull();
		});
		assertThat(this.cases.stream().map(DemoCase::slug).distinct()).hasSize(SAMPLE);
	}

	@Test
	void countriesAndTagsAreSkewedWithALongTail() {
		Map<String, Long> countryCounts = frequencies(this.cases.stream().map(DemoCase::countries).toList());
		List<Long> countryShares = sortedDescending(countryCounts);
		long uses = countryShares.stream().mapToLong(Long::longValue).sum();
		assertThat(countryShares.get(0)).as("the most common country").isGreaterThan(uses / 10);
		assertThat(countryCounts).as("countries used").hasSizeGreaterThan(150);
		assertThat(countryCounts.values().stream().filter((count) -> count < uses / 1000))
			.as("rare countries (under 0.1% of uses)")
			.hasSizeGreaterThan(50);

		Map<String, Long> tagCounts = frequencies(this.cases.stream().map(DemoCase::tags).toList());
		List<Long> tagShares = sortedDescending(tagCounts);
		long tagUses = tagShares.stream().mapToLong(Long::longValue).sum();
		assertThat(tagShares.subList(0, 5).stream().mapToLong(Long::longValue).sum()).as("the five most common tags")
			.isGreaterThan(tagUses / 4);
		assertThat(tagCounts).hasSizeGreaterThan(200);
	}

	@Test
	void yearsRunFrom1990To2026WithMoreRecentCases() {
		Map<Integer, Long> years = this.cases.stream()
			.collect(Collectors.groupingBy(DemoCase::launchYear, Collectors.counting()));
		assertThat(years.keySet()).contains(1990, 2026).allSatisfy((year) -> assertThat(year).isBetween(1990, 2026));
		long nineties = years.entrySet().stream().filter((e) -> e.getKey() < 2000).mapToLong(Map.Entry::getValue).sum();
		long twenties = years.entrySet()
			.stream()
			.filter((e) -> e.getKey() >= 2020)
			.mapToLong(Map.Entry::getValue)
			.sum();
		assertThat(twenties).isGreaterThan(3 * nineties);
	}

	@Test
	void textsAreInFourLanguages() {
		Map<String, Long> languages = this.cases.stream()
			.collect(Collectors.groupingBy(DemoCase::language, Collectors.counting()));
		assertThat(languages.keySet()).containsExactlyInAnyOrder("en", "fr", "es", "pt");
		assertThat(languages.get("en")).isGreaterThan(languages.get("fr"));
		DemoCase french = this.cases.stream().filter((c) -> c.language().equals("fr")).findFirst().orElseThrow();
		assertThat(french.overview()).containsAnyOf(" les ", " des ", " de ", " à ");
	}

	@Test
	void aboutFortyPercentHaveALocationInsideTheirCountry() {
		List<DemoCase> located = this.cases.stream().filter((c) -> c.location() != null).toList();
		assertThat((double) located.size() / SAMPLE).isBetween(0.36, 0.42);
		assertThat(located).allSatisfy((demo) -> {
			DemoCaseGenerator.DemoCountry country = this.countries.get(demo.countries().get(0));
			assertThat(country.grouping()).isFalse();
			double distanceKm = Math.hypot(demo.location().latitude() - country.latitude(),
					(demo.location().longitude() - country.longitude()) * Math.cos(Math.toRadians(country.latitude())))
					* 111;
			// Within a quarter of the square root of the country's area from its
			// representative point.
			assertThat(distanceKm).isLessThanOrEqualTo(Math.max(2, 0.25 * Math.sqrt(country.areaKm2()) + 1));
			assertThat(demo.location().name()).isNotBlank();
		});
	}

	@Test
	void mostCasesArePublishedAndSomeAreInTheWorkflow() {
		Map<PublicationStatus, Long> statuses = this.cases.stream()
			.collect(Collectors.groupingBy(DemoCase::status, Collectors.counting()));
		assertThat(statuses.get(PublicationStatus.PUBLISHED)).isGreaterThan(SAMPLE * 85L / 100);
		assertThat(statuses).containsKeys(PublicationStatus.values());
		assertThat(this.cases).allSatisfy((demo) -> assertThat(demo.publishedAt() != null)
			.isEqualTo(demo.status() == PublicationStatus.PUBLISHED || demo.status() == PublicationStatus.ARCHIVED));
	}

	@Test
	void generatedCasesAreStoredAsDemoData() {
		// The stored demo cases are the generator's first cases for the configured seed.
		DemoCaseGenerator generator = this.demoData.generator(this.demo.seed());
		List<String> generated = IntStream.range(0, this.demo.casesOn(true))
			.mapToObj(generator::generate)
			.map((generatedCase) -> generatedCase.slug() + " " + generatedCase.status())
			.toList();
		assertThat(this.jdbc.queryForList("SELECT slug || ' ' || status FROM innovation WHERE demo", String.class))
			.containsExactlyInAnyOrderElementsOf(generated);
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM innovation i WHERE demo AND NOT EXISTS (SELECT 1 FROM innovation_country c WHERE c.innovation_id = i.id)",
				Integer.class))
			.isZero();
	}

	private static Map<String, Long> frequencies(List<? extends Collection<String>> values) {
		Map<String, Long> counts = new HashMap<>();
		values.forEach((list) -> list.forEach((value) -> counts.merge(value, 1L, Long::sum)));
		return counts;
	}

	private static List<Long> sortedDescending(Map<String, Long> counts) {
		return counts.values().stream().sorted((a, b) -> Long.compare(b, a)).toList();
	}

}
