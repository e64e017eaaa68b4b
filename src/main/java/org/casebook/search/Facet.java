package org.casebook.search;

import java.util.Arrays;
import java.util.Optional;

import org.casebook.taxonomy.ContentLanguage;
import org.casebook.taxonomy.Country;
import org.casebook.taxonomy.GovernmentLevel;
import org.casebook.taxonomy.InnovationStage;
import org.casebook.taxonomy.OrganisationType;
import org.casebook.taxonomy.Sector;
import org.casebook.taxonomy.Tag;
import org.casebook.taxonomy.TaxonomyTerm;

/**
 * A taxonomy that results can be filtered by: its URL parameter, its index field and its
 * terms. Values of one facet are OR-ed, facets are AND-ed.
 */
public enum Facet {

	COUNTRY("country", "countries.key", Country.class),
	ORG_TYPE("orgType", "organisations.type.key", OrganisationType.class),
	SECTOR("sector", "sectors.key", Sector.class), LEVEL("level", "level.key", GovernmentLevel.class),
	STAGE("stage", "stages.key", InnovationStage.class), TAG("tag", "tags.key", Tag.class),
	/**
	 * The language a case is written in (not the reader's: search does not depend on it).
	 */
	LANGUAGE("language", "language", ContentLanguage.class);

	private final String parameter;

	private final String field;

	private final Class<? extends TaxonomyTerm> taxonomy;

	Facet(String parameter, String field, Class<? extends TaxonomyTerm> taxonomy) {
		this.parameter = parameter;
		this.field = field;
		this.taxonomy = taxonomy;
	}

	/** The URL parameter, such as {@code country}; also the facet's name in JSON. */
	public String parameter() {
		return this.parameter;
	}

	public String field() {
		return this.field;
	}

	public Class<? extends TaxonomyTerm> taxonomy() {
		return this.taxonomy;
	}

	public String messageKey() {
		return "facet." + this.parameter;
	}

	public static Optional<Facet> ofParameter(String parameter) {
		return Arrays.stream(values()).filter((facet) -> facet.parameter.equals(parameter)).findFirst();
	}

}
