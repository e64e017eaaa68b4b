package org.casebook.search.web;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.SyndFeedInput;
import org.casebook.CasebookWebTest;
import org.casebook.search.Facet;
import org.casebook.search.FacetValue;
import org.casebook.search.FakeInnovationSearch;
import org.casebook.search.FakeInnovationSearch.Search;
import org.casebook.search.InnovationHit;
import org.casebook.search.SearchQuery;
import org.casebook.search.SearchLabels;
import org.casebook.search.SearchQueryParser;
import org.casebook.search.SearchSort;
import org.casebook.taxonomy.FakeTaxonomies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A search's Atom feed in the web layer alone: which query the engine is asked (the
 * newest published first, whatever the order asked for), what the feed says of its
 * results, with Casebook's configured address, and the 400 page for what the list page
 * refuses too.
 */
@CasebookWebTest(value = SearchFeedController.class, properties = "casebook.site-url=https://casebook.example.org/")
@Import({ SearchQueryParser.class, FakeTaxonomies.class, FakeInnovationSearch.class, SearchLabels.class })
class SearchFeedControllerWebTests {

	static final InnovationHit BUDGETS = new InnovationHit(1L, "school-budgets",
			"Participatory school budgets & </title> tags", "Open budgets for schools\u0001", List.of("br", "mx"),
			List.of("Brazil", "Mexico"), 2015, false, Instant.parse("2024-05-01T10:00:00Z"), "Porto Alegre", null, "fr",
			InnovationHit.TermKeys.NONE, List.of());

	static final InnovationHit DASHBOARD = new InnovationHit(2L, "health-dashboard", "A health dashboard", null,
			List.of(), List.of(), null, true, Instant.parse("2024-04-01T10:00:00Z"), null, null, "fr",
			InnovationHit.TermKeys.NONE, List.of());

	@Autowired
	MockMvc mvc;

	@Autowired
	FakeInnovationSearch search;

	@BeforeEach
	void forgetEarlierSearches() {
		this.search.reset();
	}

	@Test
	void aFeedListsTheNewestResultsOfItsSearchWhateverOrderTheListHad() throws Exception {
		this.search.finds(BUDGETS, DASHBOARD)
			.counts(Facet.COUNTRY, new FacetValue("br", "Brazil", 1, false), new FacetValue("fr", "France", 1, false))
			.counts(Facet.SECTOR, new FacetValue("education", "Education", 1, false));
		MockHttpServletResponse response = this.mvc.perform(get(
				"/innovations.atom?q=budgets&country=BR,fr&sector=education&yearFrom=2000&sort=title&page=3&size=10&show=tag"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(response.getContentType()).isEqualTo("application/atom+xml;charset=UTF-8");
		assertThat(this.search.calls()).containsExactly(new Search(
				new SearchQuery("budgets", Map.of(Facet.COUNTRY, Set.of("br", "fr"), Facet.SECTOR, Set.of("education")),
						2000, null, SearchSort.PUBLISHED, 1, SearchFeedController.ENTRIES)));

		SyndFeed feed = new SyndFeedInput().build(new StringReader(response.getContentAsString()));
		assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
		assertThat(feed.getTitle()).isEqualTo(
				"Casebook — innovations matching “budgets”; Countries: Brazil, France; Sector: Education; Year of launch: 2000–…");
		String self = "https://casebook.example.org/innovations.atom?q=budgets&country=br,fr&sector=education&yearFrom=2000";
		assertThat(feed.getUri()).isEqualTo(self);
		assertThat(feed.getLinks()).extracting(SyndLink::getRel, SyndLink::getHref)
			.containsExactlyInAnyOrder(tuple("self", self), tuple("alternate",
					"https://casebook.example.org/innovations?q=budgets&country=br,fr&sector=education&yearFrom=2000"));
		assertThat(feed.getPublishedDate().toInstant()).isEqualTo(BUDGETS.publishedAt());

		assertThat(feed.getEntries()).extracting(SyndEntry::getUri)
			.containsExactly("https://casebook.example.org/innovations/school-budgets",
					"https://casebook.example.org/innovations/health-dashboard");
		SyndEntry first = feed.getEntries().get(0);
		assertThat(first.getTitle()).isEqualTo(BUDGETS.title());
		assertThat(first.getAuthors()).extracting(SyndPerson::getName, SyndPerson::getUri)
			.containsExactly(tuple("Casebook", "https://casebook.example.org/"));
		assertThat(first.getLink()).isEqualTo("https://casebook.example.org/innovations/school-budgets");
		assertThat(first.getPublishedDate().toInstant()).isEqualTo(BUDGETS.publishedAt());
		assertThat(first.getUpdatedDate().toInstant()).isEqualTo(BUDGETS.publishedAt());
		// A control character cannot be written in XML: it is left out.
		assertThat(first.getDescription().getValue()).isEqualTo("Open budgets for schools");
		assertThat(first.getCategories()).extracting(SyndCategory::getName, SyndCategory::getLabel)
			.containsExactly(tuple("br", "Brazil"), tuple("mx", "Mexico"));
		assertThat(feed.getEntries().get(1).getDescription()).isNull();
	}

	@Test
	void aFeedOfEverythingSaysSoAndAnEmptyOneIsStillAFeed() throws Exception {
		SyndFeed feed = new SyndFeedInput().build(new StringReader(this.mvc.perform(get("/innovations.atom"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()));
		assertThat(feed.getTitle()).isEqualTo("Casebook — newest innovations");
		assertThat(feed.getUri()).isEqualTo("https://casebook.example.org/innovations.atom");
		assertThat(feed.getEntries()).isEmpty();
		assertThat(feed.getPublishedDate().toInstant()).isEqualTo(Instant.EPOCH);
	}

	@Test
	void keywordsThatXmlCannotCarryAreLeftOutOfTheTitle() throws Exception {
		String xml = this.mvc.perform(get("/innovations.atom").param("q", "a\u0000b\u0007c \uD800d"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(new SyndFeedInput().build(new StringReader(xml)).getTitle())
			.isEqualTo("Casebook — innovations matching “abc d”");
	}

	@Test
	void whatTheListPageRefusesTheFeedRefusesToo() throws Exception {
		for (String query : List.of("yearFrom=abc", "sort=sideways", "size=7", "page=0", "view=globe")) {
			this.mvc.perform(get("/innovations.atom?" + query))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("class=\"error-page\"")));
		}
		assertThat(this.search.calls()).isEmpty();
	}

}
