package org.casebook.search.web;

import java.util.Arrays;
import java.util.Optional;

/**
 * How the results of a search are shown: as a list of cards or on a world map. The
 * search, its filters and its counts are the same in both.
 */
public enum SearchView {

	LIST("list"), MAP("map");

	private final String parameter;

	SearchView(String parameter) {
		this.parameter = parameter;
	}

	/** The value of the {@code view} URL parameter. */
	public String parameter() {
		return this.parameter;
	}

	public String messageKey() {
		return "view." + this.parameter;
	}

	public static Optional<SearchView> ofParameter(String parameter) {
		return Arrays.stream(values()).filter((view) -> view.parameter.equals(parameter)).findFirst();
	}

}
