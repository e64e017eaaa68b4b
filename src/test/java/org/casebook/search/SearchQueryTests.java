package org.casebook.search;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

class SearchQueryTests {

	@Test
	void aUrlLeavesOutWhatIsAtItsDefault() {
		assertThat(SearchQuery.all().toUrl("/innovations")).isEqualTo("/innovations");
		SearchQuery query = new SearchQuery("open data",
				Map.of(Facet.COUNTRY, new LinkedHashSet<>(List.of("pl", "fr"))), 2000, null, SearchSort.TITLE, 2, 50);
		assertThat(query.toUrl("/innovations"))
			.isEqualTo("/innovations?q=open%20data&country=pl,fr&yearFrom=2000&sort=title&page=2&size=50");
	}

	@Test
	void keywordsWithSymbolsComeBackAsTyped() {
		for (String text : List.of("C++ & co", "a=b?c#d", "100% \"open data\" -pilot", "décret, 21st", "a+b")) {
			SearchQuery query = new SearchQuery(text, Map.of(Facet.TAG, Set.of("open-data")), null, null, null, 1, 20);
			MultiValueMap<String, String> parameters = UriComponentsBuilder.fromUriString(query.toUrl("/innovations"))
				.build()
				.getQueryParams();
			// As a servlet container reads them: a plus sign is a space.
			assertThat(URLDecoder.decode(parameters.getFirst("q"), StandardCharsets.UTF_8)).isEqualTo(text);
			assertThat(parameters.getFirst("tag")).isEqualTo("open-data");
		}
	}

}
