package org.casebook.site;

import org.casebook.CasebookWebTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The about page in the web layer alone, with a licence and a contact of its own: what
 * Casebook is, its data licence, the credits it owes, the map's disclaimer, and where to
 * report a problem.
 */
@CasebookWebTest(value = AboutController.class,
		properties = { "casebook.data-licence=ODC-BY 1.0",
				"casebook.data-licence-url=https://opendatacommons.org/licenses/by/1-0/",
				"casebook.contact=access@example.org" })
class AboutControllerWebTests {

	@Autowired
	MockMvc mvc;

	@Test
	void theAboutPageSaysWhatCasebookIsWhatItsDataMayBeUsedForAndWhomItOwes() throws Exception {
		String page = this.mvc.perform(get("/about"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("<h1>About Casebook</h1>",
				"<a href=\"https://opendatacommons.org/licenses/by/1-0/\" rel=\"license\">ODC-BY 1.0</a>",
				"its text is published under the licence that source gave it",
				"<a href=\"https://oecd-opsi.org/case-study-library/\">", "Natural Earth</a>",
				"the map&#39;s country shapes (public domain)", "world-countries, by Mohammed Le Doze</a>",
				"Open Database License (ODbL 1.0)", "Leaflet</a>", "BSD 2-Clause",
				"do not imply the expression of any opinion whatsoever concerning the legal status", "axe-core",
				"Nu Html Checker", "keyboard alone", "works without JavaScript",
				"<a href=\"mailto:access@example.org\">access@example.org</a>",
				"<a href=\"/innovations.atom\" type=\"application/atom+xml\">");
		// Every page's footer links to it: this one's too.
		assertThat(page)
			.contains("<a href=\"/about\">About Casebook: open data licence, sources and accessibility</a>");
	}

}
