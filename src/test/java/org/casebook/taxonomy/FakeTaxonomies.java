package org.casebook.taxonomy;

import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;

/**
 * A few terms of each taxonomy, held in memory, for web slices: the real
 * {@link Taxonomies} reads them through JPA, which a slice does not start. A subclass
 * rather than a Mockito mock, so that the real {@code SearchQueryParser} asks it as it
 * asks the real one, and tests read as plain code.
 */
public class FakeTaxonomies extends Taxonomies {

	private static final Map<Class<? extends TaxonomyTerm>, Map<String, String>> TERMS = Map.of(Country.class,
			Map.of("br", "Brazil", "mx", "Mexico", "fr", "France", "de", "Germany", "us", "United States", "eg",
					"Egypt"),
			OrganisationType.class, Map.of("government", "Government"), Sector.class,
			Map.of("education", "Education", "health", "Health"), GovernmentLevel.class,
			Map.of("national", "National/Federal"), InnovationStage.class, Map.of("implementation", "Implementation"),
			Tag.class, Map.of("open-data", "Open data"), ContentLanguage.class,
			Map.of("en", "English", "fr", "French", "es", "Spanish", "pt", "Portuguese"));

	/** Translations come from the message bundle, as the real one's. */
	public FakeTaxonomies(MessageSource messages) {
		super(null, messages);
	}

	@Override
	public Optional<String> label(Class<? extends TaxonomyTerm> taxonomy, String key) {
		return Optional.ofNullable(TERMS.get(taxonomy).get(key));
	}

	/** Nothing to read ahead: the terms are here. */
	@Override
	public void preload() {
	}

}
