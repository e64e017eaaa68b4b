package org.casebook.search;

import java.time.Instant;
import java.util.List;

import org.hibernate.search.engine.spatial.GeoPoint;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FieldProjection;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IdProjection;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ProjectionConstructor;

/**
 * A result as its card shows it, projected from the index without touching the database.
 *
 * @param highlightedSummary the summary as HTML-escaped text with the matched words in
 * {@code <em>}, or null when no keyword matched in it
 */
public record InnovationHit(Long id, String slug, String title, String summary, List<String> countryKeys,
		List<String> countries, Integer launchYear, boolean demo, Instant publishedAt, String locationName,
		GeoPoint point, String highlightedSummary) {

	@ProjectionConstructor
	public InnovationHit(@IdProjection Long id, @FieldProjection String slug, @FieldProjection String title,
			@FieldProjection String summary, @FieldProjection(path = "countries.key") List<String> countryKeys,
			@FieldProjection(path = "countries.label") List<String> countries, @FieldProjection Integer launchYear,
			@FieldProjection boolean demo, @FieldProjection Instant publishedAt,
			@FieldProjection(path = "location.name") String locationName,
			@FieldProjection(path = "location.point") GeoPoint point) {
		this(id, slug, title, summary, countryKeys, countries, launchYear, demo, publishedAt, locationName, point,
				null);
	}

	InnovationHit withHighlightedSummary(String html) {
		return new InnovationHit(this.id, this.slug, this.title, this.summary, this.countryKeys, this.countries,
				this.launchYear, this.demo, this.publishedAt, this.locationName, this.point, html);
	}

}
