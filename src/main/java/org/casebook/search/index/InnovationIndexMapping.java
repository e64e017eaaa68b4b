package org.casebook.search.index;

import org.casebook.innovation.Innovation;
import org.casebook.innovation.Location;
import org.casebook.innovation.Organisation;
import org.casebook.taxonomy.TaxonomyTerm;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Searchable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.orm.mapping.HibernateOrmMappingConfigurationContext;
import org.hibernate.search.mapper.orm.mapping.HibernateOrmSearchMappingConfigurer;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.bridge.builtin.programmatic.GeoPointBinder;
import org.hibernate.search.mapper.pojo.mapping.definition.programmatic.ProgrammaticMappingConfigurationContext;
import org.hibernate.search.mapper.pojo.mapping.definition.programmatic.PropertyMappingStep;
import org.hibernate.search.mapper.pojo.mapping.definition.programmatic.TypeMappingStep;

import org.springframework.stereotype.Component;

/**
 * How a case is put in the search index, beside the model rather than on it: the case
 * model and its taxonomies know nothing of search, and every engine of Hibernate Search
 * reads the same mapping. Only published cases are indexed
 * ({@link PublishedOnlyRoutingBinder}); their texts for keyword search come from
 * {@link InnovationTextBinder}.
 * <p>
 * Taxonomy terms (countries, sectors…) are embedded by key, what facets count, and some
 * by label too, what keywords find. A change of a term's label does not reindex the cases
 * that use it ({@code SHALLOW}): labels change rarely, and an index repair
 * ({@code /admin/search-index}) brings them in.
 */
@Component
public class InnovationIndexMapping implements HibernateOrmSearchMappingConfigurer {

	/** The index of cases. */
	public static final String INDEX = "innovation";

	/** The field of a case's id, a number. */
	public static final String ID = "id";

	@Override
	public void configure(HibernateOrmMappingConfigurationContext context) {
		ProgrammaticMappingConfigurationContext mapping = context.programmaticMapping();
		mapInnovation(mapping.type(Innovation.class));
		mapOrganisation(mapping.type(Organisation.class));
		mapLocation(mapping.type(Location.class));
		mapTerm(mapping.type(TaxonomyTerm.class));
		// What a result card reads from the index (@ProjectionConstructor).
		context.annotationMapping().add(IndexedHit.class);
	}

	private static void mapInnovation(TypeMappingStep innovation) {
		innovation.indexed().index(INDEX).routingBinder(new PublishedOnlyRoutingBinder());
		innovation.binder(new InnovationTextBinder());
		// The case's id as a number, for exports to read for every match: a number's doc
		// value is read as is, where a slug's is looked up in a compressed dictionary
		// (that
		// lookup was the export's largest cost in Java: README, "Open data").
		innovation.property("id").genericField(ID).sortable(Sortable.YES).searchable(Searchable.NO);
		innovation.property("slug").keywordField().projectable(Projectable.YES).sortable(Sortable.YES);
		innovation.property("title")
			.fullTextField()
			.analyzer(Analyzers.FOLDED)
			.projectable(Projectable.YES)
			.keywordField("title_sort")
			.normalizer(Analyzers.SORT)
			.sortable(Sortable.YES);
		innovation.property("summary").fullTextField().analyzer(Analyzers.FOLDED).projectable(Projectable.YES);
		innovation.property("launchYear")
			.genericField()
			.projectable(Projectable.YES)
			.sortable(Sortable.YES)
			.aggregable(Aggregable.YES);
		embedTerms(innovation.property("level"), "key");
		embedTerms(innovation.property("countries"), "key", "label", "label_text");
		embedTerms(innovation.property("sectors"), "key");
		embedTerms(innovation.property("stages"), "key");
		embedTerms(innovation.property("tags"), "key", "label_text");
		innovation.property("organisations").indexedEmbedded();
		innovation.property("location").indexedEmbedded();
		innovation.property("demo").genericField().projectable(Projectable.YES);
		innovation.property("coverImage").genericField().projectable(Projectable.YES).searchable(Searchable.NO);
		innovation.property("language")
			.keywordField()
			.projectable(Projectable.YES)
			.aggregable(Aggregable.YES)
			.searchable(Searchable.YES);
		// The index check compares it, to find cases indexed before a change.
		innovation.property("updatedAt").genericField().projectable(Projectable.YES);
		innovation.property("publishedAt").genericField().projectable(Projectable.YES).sortable(Sortable.YES);
	}

	private static void mapOrganisation(TypeMappingStep organisation) {
		organisation.property("name").fullTextField().analyzer(Analyzers.FOLDED);
		embedTerms(organisation.property("type"), "key");
	}

	private static void mapLocation(TypeMappingStep location) {
		location.binder(GeoPointBinder.create().fieldName("point").projectable(Projectable.YES).sortable(Sortable.YES));
		location.property("name").keywordField().projectable(Projectable.YES);
		location.property("latitude").marker(GeoPointBinder.latitude());
		location.property("longitude").marker(GeoPointBinder.longitude());
	}

	private static void mapTerm(TypeMappingStep term) {
		term.property("key").keywordField().aggregable(Aggregable.YES).projectable(Projectable.YES);
		term.property("label")
			.keywordField()
			.projectable(Projectable.YES)
			.fullTextField("label_text")
			.analyzer(Analyzers.FOLDED);
	}

	private static void embedTerms(PropertyMappingStep property, String... paths) {
		property.indexedEmbedded().includePaths(paths).indexingDependency().reindexOnUpdate(ReindexOnUpdate.SHALLOW);
	}

}
