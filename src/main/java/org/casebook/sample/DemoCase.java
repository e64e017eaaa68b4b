package org.casebook.sample;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.casebook.innovation.PublicationStatus;
import org.casebook.innovation.Section;

/** A synthetic case made by the {@link DemoCaseGenerator}, ready to be written. */
record DemoCase(int index, String slug, String title, String language, String summary, String overview,
		Map<Section, String> sections, int launchYear, String level, List<String> countries, List<String> sectors,
		List<String> stages, List<String> tags, List<DemoOrganisation> organisations, DemoLocation location,
		String website, PublicationStatus status, Instant createdAt, Instant publishedAt) {

	record DemoOrganisation(String name, String type) {
	}

	record DemoLocation(String name, double latitude, double longitude) {
	}

}
