package org.casebook.web;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One address of each kind of page that Casebook shows, for the checks that every page
 * type must pass (valid HTML, ready for a Content-Security-Policy, accessible).
 */
final class PageTypes {

	/** A seed case: real text, organisations, links. */
	static final String SEED_CASE = "/innovations/govtech-poland-challenge-based-procurement";

	private PageTypes() {
	}

	/**
	 * The page types, with a demo case of the catalogue (it has a demo notice and related
	 * cases).
	 */
	static List<PageType> all(JdbcTemplate jdbc) {
		String demo = jdbc.queryForObject(
				"SELECT slug FROM innovation WHERE demo AND status = 'PUBLISHED' AND latitude IS NOT NULL ORDER BY id LIMIT 1",
				String.class);
		return List.of(new PageType("list", "/innovations", 200),
				// Keywords, two facets, a year range, and an unknown tag: chips, notices,
				// marked words.
				new PageType("filtered list",
						"/innovations?q=digital&country=fr,de&tag=no-such-tag&yearFrom=2000&yearTo=2030", 200),
				new PageType("empty list", "/innovations?q=zzzzqqqq", 200),
				new PageType("map", "/innovations?view=map", 200), new PageType("statistics", "/statistics", 200),
				// Chips, a selected sector, the years outside the range in grey.
				new PageType("filtered statistics", "/statistics?sector=education,health&yearFrom=2010", 200),
				new PageType("seed case", SEED_CASE, 200), new PageType("history", SEED_CASE + "/history", 200),
				new PageType("demo case", "/innovations/" + demo, 200), new PageType("about", "/about", 200),
				new PageType("sign in", "/login", 200), new PageType("sign up", "/signup", 200),
				new PageType("forgotten password", "/forgot-password", 200),
				new PageType("new password", "/reset-password?token=from-a-mail", 200),
				new PageType("confirm an address", "/verify-email?token=from-a-mail", 200),
				new PageType("404", "/innovations/no-such-case", 404),
				new PageType("400", "/innovations?yearFrom=abc", 400));
	}

	/**
	 * A page to check.
	 *
	 * @param name what it is, for failure messages
	 * @param path its address
	 * @param status the HTTP status it is sent with
	 */
	record PageType(String name, String path, int status) {

		@Override
		public String toString() {
			return this.name + " (" + this.path + ")";
		}

	}

}
