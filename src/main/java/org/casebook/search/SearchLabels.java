package org.casebook.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.casebook.taxonomy.Country;
import org.casebook.taxonomy.Taxonomies;
import org.casebook.taxonomy.TermLabels;

import org.springframework.stereotype.Component;

/**
 * What a search found, in the words of a reader's language: the labels of facet values
 * and the names of a result's countries. An engine answers the same whatever language its
 * reader reads (the search does not depend on it); this only names what it found, and
 * orders facet values of equal counts as that language orders words.
 */
@Component
public class SearchLabels {

	private final Taxonomies taxonomies;

	SearchLabels(Taxonomies taxonomies) {
		this.taxonomies = taxonomies;
	}

	/** Results with their facet values and countries named in a language. */
	public SearchResults in(Locale locale, SearchResults results) {
		TermLabels labels = this.taxonomies.in(locale);
		Map<Facet, List<FacetValue>> facets = new EnumMap<>(Facet.class);
		results.facets().forEach((facet, values) -> facets.put(facet, values(labels, facet, values)));
		ResultPage<InnovationHit> page = results.page();
		return new SearchResults(results.query(),
				new ResultPage<>(hits(labels, page.items()), page.total(), page.page(), page.size()), facets,
				results.years());
	}

	/** The map of a search, its countries and cases named in a language. */
	public MapResults in(Locale locale, MapResults results) {
		TermLabels labels = this.taxonomies.in(locale);
		Map<String, InnovationHit> cases = new LinkedHashMap<>();
		results.cases().forEach((slug, hit) -> cases.put(slug, hit(labels, hit)));
		return new MapResults(results.total(), results.located(), values(labels, Facet.COUNTRY, results.countries()),
				results.clusters(), cases);
	}

	/** Results (related cases, the cases of a spot) with their countries named. */
	public List<InnovationHit> in(Locale locale, List<InnovationHit> hits) {
		return hits(this.taxonomies.in(locale), hits);
	}

	/**
	 * A facet's values named in a language, largest first, then as the language orders
	 * their names.
	 */
	static List<FacetValue> values(TermLabels labels, Facet facet, List<FacetValue> values) {
		List<FacetValue> named = new ArrayList<>(values.size());
		for (FacetValue value : values) {
			named.add(new FacetValue(value.key(), labels.of(facet.taxonomy(), value.key(), value.label()),
					value.count(), value.selected()));
		}
		named.sort(Comparator.comparingLong(FacetValue::count)
			.reversed()
			.thenComparing(FacetValue::label, labels.collation())
			.thenComparing(FacetValue::key));
		return List.copyOf(named);
	}

	private static List<InnovationHit> hits(TermLabels labels, List<InnovationHit> hits) {
		return hits.stream().map((hit) -> hit(labels, hit)).toList();
	}

	private static InnovationHit hit(TermLabels labels, InnovationHit hit) {
		List<String> countries = new ArrayList<>(hit.countryKeys().size());
		for (int i = 0; i < hit.countryKeys().size(); i++) {
			countries.add(labels.of(Country.class, hit.countryKeys().get(i), hit.countries().get(i)));
		}
		return hit.withCountries(countries);
	}

}
