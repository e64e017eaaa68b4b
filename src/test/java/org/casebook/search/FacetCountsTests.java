package org.casebook.search;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.casebook.CasebookIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For random keyword and filter combinations, the total and every facet count of the
 * search equal counts computed independently with SQL on the same data.
 */
@CasebookIntegrationTest
class FacetCountsTests {

	static final int COMBINATIONS = 60;

	/**
	 * Words whose matches SQL can tell exactly: whole words of the demo texts that no
	 * other word is a stem, a prefix or a typo away from.
	 */
	static final List<String> WORDS = List.of("procurement", "refugee", "broadband", "dashboard", "Brazil");

	/** Where each facet's values live in the database. */
	static final Map<Facet, String> TERM_SQL = Map.of(Facet.COUNTRY,
			"SELECT innovation_id, country_code AS key FROM innovation_country", Facet.ORG_TYPE,
			"SELECT innovation_id, type_key AS key FROM innovation_organisation WHERE type_key IS NOT NULL",
			Facet.SECTOR, "SELECT innovation_id, sector_key AS key FROM innovation_sector", Facet.LEVEL,
			"SELECT id AS innovation_id, level_key AS key FROM innovation WHERE level_key IS NOT NULL", Facet.STAGE,
			"SELECT innovation_id, stage_key AS key FROM innovation_innovation_stage", Facet.TAG,
			"SELECT innovation_id, tag_key AS key FROM innovation_tag", Facet.LANGUAGE,
			"SELECT id AS innovation_id, language AS key FROM innovation");

	/** Every text a case is searched by, in one string. */
	static final String SEARCHED_TEXT = """
			concat_ws(' ', i.title, i.summary, i.overview, i.what_makes_it_innovative, i.current_status,
			  i.collaborations, i.users_and_stakeholders, i.results_and_impacts, i.challenges_and_failures,
			  i.conditions_for_success, i.replication, i.lessons_learned, i.anything_else,
			  (SELECT string_agg(o.name, ' ') FROM innovation_organisation o WHERE o.innovation_id = i.id),
			  (SELECT string_agg(t.label, ' ') FROM innovation_tag it JOIN tag t ON t.key = it.tag_key WHERE it.innovation_id = i.id),
			  (SELECT string_agg(c.name, ' ') FROM innovation_country ic JOIN country c ON c.code = ic.country_code WHERE ic.innovation_id = i.id))
			""";

	@Autowired
	InnovationSearch search;

	@Autowired
	NamedParameterJdbcTemplate jdbc;

	@Test
	void totalsAndFacetCountsEqualSql() {
		Random random = new Random(20261128);
		Map<Facet, List<String>> used = RandomSearches.usedValues(this.jdbc);
		for (int i = 0; i < COMBINATIONS; i++) {
			SearchQuery query = RandomSearches.query(random, used);
			SearchResults results = this.search.search(query);
			String description = "combination " + i + ": " + query.toUrl("/innovations");

			assertThat(results.total()).as(description + " total").isEqualTo(sqlCount(query, null, false));
			for (Facet facet : Facet.values()) {
				Map<String, Long> expected = sqlFacet(query, facet);
				query.selected(facet).forEach((key) -> expected.putIfAbsent(key, 0L));
				Map<String, Long> actual = results.facets()
					.get(facet)
					.stream()
					.collect(Collectors.toMap(FacetValue::key, FacetValue::count));
				assertThat(actual).as(description + " facet " + facet.parameter()).isEqualTo(expected);
				results.facets()
					.get(facet)
					.forEach((value) -> assertThat(value.selected()).isEqualTo(query.isSelected(facet, value.key())));
			}
			Map<Integer, Long> years = results.years()
				.stream()
				.collect(Collectors.toMap(SearchResults.YearCount::year, SearchResults.YearCount::count));
			assertThat(years).as(description + " years").isEqualTo(sqlYears(query));
		}
	}

	@Test
	void hidingTheDemoCasesLeavesTheRealOnes() {
		SearchQuery all = SearchQuery.all();
		SearchResults real = this.search.search(all.withDemoHidden(true));

		assertThat(this.search.hasDemoCases()).isTrue();
		assertThat(real.total()).isPositive()
			.isLessThan(this.search.search(all).total())
			.isEqualTo(sqlCount(all.withDemoHidden(true), null, false));
		assertThat(real.page().items()).isNotEmpty().noneMatch(InnovationHit::demo);
	}

	private long sqlCount(SearchQuery query, Facet exceptFacet, boolean exceptYears) {
		MapSqlParameterSource parameters = new MapSqlParameterSource();
		String where = conditions(query, exceptFacet, exceptYears, parameters);
		return this.jdbc.queryForObject("SELECT count(*) FROM innovation i WHERE " + where, parameters, Long.class);
	}

	private Map<String, Long> sqlFacet(SearchQuery query, Facet facet) {
		MapSqlParameterSource parameters = new MapSqlParameterSource();
		String where = conditions(query, facet, false, parameters);
		Map<String, Long> counts = new HashMap<>();
		this.jdbc.query("SELECT t.key, count(DISTINCT i.id) FROM innovation i JOIN (" + TERM_SQL.get(facet)
				+ ") t ON t.innovation_id = i.id WHERE " + where + " GROUP BY t.key", parameters, (row) -> {
					counts.put(row.getString(1), row.getLong(2));
				});
		return counts;
	}

	private Map<Integer, Long> sqlYears(SearchQuery query) {
		MapSqlParameterSource parameters = new MapSqlParameterSource();
		String where = conditions(query, null, true, parameters);
		Map<Integer, Long> counts = new HashMap<>();
		this.jdbc.query("SELECT launch_year, count(*) FROM innovation i WHERE " + where
				+ " AND launch_year IS NOT NULL GROUP BY launch_year", parameters, (row) -> {
					counts.put(row.getInt(1), row.getLong(2));
				});
		return counts;
	}

	private static String conditions(SearchQuery query, Facet exceptFacet, boolean exceptYears,
			MapSqlParameterSource parameters) {
		List<String> conditions = new ArrayList<>();
		conditions.add("i.status = 'PUBLISHED'");
		if (query.hasText()) {
			parameters.addValue("word", "\\m" + query.text().toLowerCase() + "\\M");
			conditions.add("lower(" + SEARCHED_TEXT + ") ~ :word");
		}
		query.filters().forEach((facet, keys) -> {
			if (facet != exceptFacet) {
				String name = facet.parameter();
				parameters.addValue(name, keys);
				conditions.add("i.id IN (SELECT innovation_id FROM (" + TERM_SQL.get(facet) + ") t WHERE t.key IN (:"
						+ name + "))");
			}
		});
		if (query.hideDemo()) {
			conditions.add("NOT i.demo");
		}
		if (query.hasYearRange() && !exceptYears) {
			parameters.addValue("yearFrom", query.yearFrom());
			parameters.addValue("yearTo", (query.yearTo() != null) ? query.yearTo() : 2100);
			conditions.add("i.launch_year BETWEEN :yearFrom AND :yearTo");
		}
		return String.join(" AND ", conditions);
	}

}
