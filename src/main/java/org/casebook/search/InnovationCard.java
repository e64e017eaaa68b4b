package org.casebook.search;

import java.util.List;

import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FieldProjection;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ProjectionConstructor;

/** What a result card shows, projected from the index without touching the database. */
@ProjectionConstructor
public record InnovationCard(@FieldProjection String slug, @FieldProjection String title,
		@FieldProjection String summary, @FieldProjection(path = "countries.label") List<String> countries,
		@FieldProjection Integer launchYear, @FieldProjection boolean demo) {
}
