package org.casebook.search;

/**
 * A value of a facet: how many results have it among those matching every other filter,
 * and whether it is selected.
 */
public record FacetValue(String key, String label, long count, boolean selected) {
}
