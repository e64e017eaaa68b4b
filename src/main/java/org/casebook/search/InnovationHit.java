package org.casebook.search;

import java.time.Instant;
import java.util.List;

import org.hibernate.search.engine.spatial.GeoPoint;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FieldProjection;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.HighlightProjection;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IdProjection;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ProjectionConstructor;

/**
 * A result as its card shows it, projected from the index without touching the database.
 * Highlights are HTML-escaped text with the matched words in {@code <em>}.
 */
@ProjectionConstructor
public record InnovationHit(@IdProjection Long id, @FieldProjection String slug, @FieldProjection String title,
		@FieldProjection String summary, @FieldProjection(path = "countries.key") List<String> countryKeys,
		@FieldProjection(path = "countries.label") List<String> countries, @FieldProjection Integer launchYear,
		@FieldProjection boolean demo, @FieldProjection Instant publishedAt,
		@FieldProjection(path = "location.name") String locationName,
		@FieldProjection(path = "location.point") GeoPoint point,
		@HighlightProjection(path = "summary",
				highlighter = InnovationSearch.SUMMARY_HIGHLIGHTER) List<String> summaryHighlights,
		@HighlightProjection(path = InnovationTextBinder.BODY,
				highlighter = InnovationSearch.BODY_HIGHLIGHTER) List<String> bodyHighlights) {

	/**
	 * The sentences of the summary that matched, with the matched words marked, if any.
	 */
	public String highlightedSummary() {
		return (this.summaryHighlights != null && !this.summaryHighlights.isEmpty())
				? String.join(" … ", this.summaryHighlights) : null;
	}

	/** A passage of the body around the matched words, if any matched there. */
	public String bodySnippet() {
		return (this.bodyHighlights != null && !this.bodyHighlights.isEmpty()) ? this.bodyHighlights.get(0) : null;
	}

}
