package org.casebook.search.index;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.casebook.search.Coordinates;
import org.casebook.search.InnovationHit;
import org.hibernate.search.engine.spatial.GeoPoint;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FieldProjection;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IdProjection;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ProjectionConstructor;

/**
 * A result as the index holds it: what a card and a JSON item show, projected by any
 * engine of Hibernate Search without touching the database. Taxonomy terms come as keys;
 * their labels are the taxonomies' own, current ones.
 */
@ProjectionConstructor
public record IndexedHit(@IdProjection Long id, @FieldProjection String slug, @FieldProjection String title,
		@FieldProjection String summary, @FieldProjection(path = "countries.key") List<String> countryKeys,
		@FieldProjection(path = "countries.label") List<String> countries, @FieldProjection Integer launchYear,
		@FieldProjection boolean demo, @FieldProjection Instant publishedAt,
		@FieldProjection(path = "location.name") String locationName,
		@FieldProjection(path = "location.point") GeoPoint point, @FieldProjection String language,
		@FieldProjection(path = "level.key") String level, @FieldProjection(path = "sectors.key") List<String> sectors,
		@FieldProjection(path = "stages.key") List<String> stages,
		@FieldProjection(path = "tags.key") List<String> tags,
		@FieldProjection(path = "organisations.type.key") List<String> organisationTypes,
		@FieldProjection UUID coverImage) {

	/** The result in Casebook's own terms. */
	public InnovationHit hit() {
		return new InnovationHit(this.id, this.slug, this.title, this.summary, this.countryKeys, this.countries,
				this.launchYear, this.demo, this.publishedAt, this.locationName,
				(this.point != null) ? new Coordinates(this.point.latitude(), this.point.longitude()) : null,
				this.language,
				new InnovationHit.TermKeys(this.level, this.sectors, this.stages, this.tags, this.organisationTypes),
				List.of(), this.coverImage);
	}

}
