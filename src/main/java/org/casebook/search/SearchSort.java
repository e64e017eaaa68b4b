package org.casebook.search;

import java.util.Arrays;
import java.util.Optional;

/** The orders results can be listed in. */
public enum SearchSort {

	RELEVANCE("relevance"), NEWEST("newest"), OLDEST("oldest"), PUBLISHED("published"), TITLE("title");

	private final String parameter;

	SearchSort(String parameter) {
		this.parameter = parameter;
	}

	public String parameter() {
		return this.parameter;
	}

	public String messageKey() {
		return "sort." + this.parameter;
	}

	public static Optional<SearchSort> ofParameter(String parameter) {
		return Arrays.stream(values()).filter((sort) -> sort.parameter.equals(parameter)).findFirst();
	}

}
