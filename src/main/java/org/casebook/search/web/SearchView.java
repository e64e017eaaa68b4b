package org.casebook.search.web;

import java.util.Arrays;
import java.util.Optional;

import org.casebook.search.InvalidSearchException;

/**
 * How the results of a search are shown: as a list of cards, on a world map, or as
 * statistics (charts of its counts). The search, its filters and its counts are the same
 * in each.
 */
public enum SearchView {

	LIST("list", "list.title"), MAP("map", "map.title"), STATISTICS("statistics", "statistics.title");

	private final String parameter;

	private final String titleKey;

	SearchView(String parameter, String titleKey) {
		this.parameter = parameter;
		this.titleKey = titleKey;
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

	/** The message key of the page's title. */
	public String titleKey() {
		return this.titleKey;
	}

	/**
	 * Where the view is served: the map shares the list's address (with
	 * {@code view=map}), the statistics have their own.
	 */
	public String path() {
		return (this == STATISTICS) ? StatisticsPage.PATH : SearchPage.PATH;
	}

	public static Optional<SearchView> ofParameter(String parameter) {
		return Arrays.stream(values()).filter((view) -> view.parameter.equals(parameter)).findFirst();
	}

}
