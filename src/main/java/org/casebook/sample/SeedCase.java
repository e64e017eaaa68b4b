package org.casebook.sample;

import java.util.List;

/**
 * A case of the seed text, as written in {@code sample/seed-cases.json}: only the facts
 * the text states or plainly implies; anything unknown is absent.
 */
record SeedCase(String slug, String title, String language, String summary, Integer launchYear, String level,
		List<String> countries, List<String> sectors, List<String> stages, List<String> tags,
		List<SeedOrganisation> organisations, SeedLocation location) {

	SeedCase {
		countries = (countries != null) ? countries : List.of();
		sectors = (sectors != null) ? sectors : List.of();
		stages = (stages != null) ? stages : List.of();
		tags = (tags != null) ? tags : List.of();
		organisations = (organisations != null) ? organisations : List.of();
	}

	record SeedOrganisation(String name, String type) {
	}

	record SeedLocation(String name, double latitude, double longitude) {
	}

}
