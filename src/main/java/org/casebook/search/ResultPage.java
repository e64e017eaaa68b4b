package org.casebook.search;

import java.util.List;

/**
 * One page of results.
 *
 * @param items the results on this page
 * @param total how many results there are in all
 * @param page the page number, from 1
 * @param size the page size
 */
public record ResultPage<T>(List<T> items, long total, int page, int size) {

	public int totalPages() {
		return (int) Math.max(1, (this.total + this.size - 1) / this.size);
	}

	public boolean hasPrevious() {
		return this.page > 1;
	}

	public boolean hasNext() {
		return this.page < totalPages();
	}

}
