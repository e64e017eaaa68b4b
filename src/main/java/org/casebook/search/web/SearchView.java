package org.casebook.search.web;

import java.util.Arrays;
import java.util.Optional;

import org.casebook.search.InvalidSearchException;

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

	/**
	 * The view a {@code view} parameter asks for: the list when it is absent.
	 * @throws InvalidSearchException for a view that does not exist
	 */
	static SearchView parse(String parameter) {
		if (parameter == null || parameter.isEmpty()) {
			return LIST;
		}
		return ofParameter(parameter).orElseThrow(() -> new InvalidSearchException("search.invalid.view", parameter));
	}

	public static Optional<SearchView> ofParameter(String parameter) {
		return Arrays.stream(values()).filter((view) -> view.parameter.equals(parameter)).findFirst();
	}

}
