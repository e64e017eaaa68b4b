package org.casebook.map;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.assertj.core.data.Offset;
import org.casebook.CasebookIntegrationTest;
import org.casebook.search.MapArea;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The map shows exactly what the list shows: for random searches its total and country
 * counts equal the list's, and its clusters hold exactly the list's located cases, over
 * the whole world and inside random areas at random zoom levels.
 */
@CasebookIntegrationTest
class MapApiTests {

	static final int COMBINATIONS = 25;

	static final List<String> WORDS = List.of("procurement", "refugee", "broadband", "dashboard", "Brazil", "digital",
			"participation");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void totalsCountriesAndClustersAgreeWithTheList() throws Exception {
		Random random = new Random(4);
		List<String> countries = used("SELECT country_code FROM innovation_country GROUP BY 1 ORDER BY count(*) DESC");
		List<String> sectors = used("SELECT sector_key FROM innovation_sector GROUP BY 1 ORDER BY count(*) DESC");
		List<String> tags = used("SELECT tag_key FROM innovation_tag GROUP BY 1 ORDER BY count(*) DESC");
		int withClusters = 0;
		for (int i = 0; i < COMBINATIONS; i++) {
			UriComponentsBuilder search = UriComponentsBuilder.newInstance();
			if (random.nextInt(3) == 0) {
				search.queryParam("q", WORDS.get(random.nextInt(WORDS.size())));
			}
			if (random.nextBoolean()) {
				search.queryParam("country", pick(random, countries) + "," + pick(random, countries));
			}
			if (random.nextInt(3) == 0) {
				search.queryParam("sector", pick(random, sectors));
			}
			if (random.nextInt(4) == 0) {
				search.queryParam("tag", pick(random, tags));
			}
			if (random.nextInt(4) == 0) {
				search.queryParam("yearFrom", 2000 + random.nextInt(20));
			}
			String parameters = search.build().getQuery();
			parameters = (parameters != null) ? parameters : "";
			String description = "combination " + i + ": " + parameters;

			JsonNode list = fetch("/api/v1/innovations?" + parameters);
			JsonNode world = fetch("/api/v1/map?" + parameters);
			assertThat(world.get("total").asLong()).as(description + " total").isEqualTo(list.get("total").asLong());
			assertThat(counts(world.get("countries"))).as(description + " countries")
				.isEqualTo(counts(list.get("facets").get("country")));

			List<double[]> located = locatedItems(parameters);
			assertThat(world.get("located").asLong()).as(description + " located").isEqualTo(located.size());
			assertThat(clusterSum(world)).as(description + " clusters of the world").isEqualTo(located.size());

			// An area around one of the located cases (or anywhere), of about a screen at
			// the
			// zoom.
			int zoom = 1 + random.nextInt(8);
			double[] centre = located.isEmpty() ? new double[] { 0, 0 } : located.get(random.nextInt(located.size()));
			double width = 360 / Math.pow(2, zoom - 2) * (0.2 + random.nextDouble());
			double height = width / 2;
			double west = Math.max(-180, centre[1] - width * random.nextDouble());
			double east = Math.min(180, west + width);
			double south = Math.max(-85, centre[0] - height * random.nextDouble());
			double north = Math.min(85, south + height);
			String bbox = west + "," + south + "," + east + "," + north;
			JsonNode area = fetch("/api/v1/map?" + parameters + "&zoom=" + zoom + "&bbox=" + bbox);
			long inside = located.stream()
				.filter((point) -> point[0] >= south && point[0] <= north && point[1] >= west && point[1] <= east)
				.count();
			assertThat(clusterSum(area)).as(description + " clusters in " + bbox + " at zoom " + zoom)
				.isEqualTo(inside);
			for (JsonNode cluster : area.get("clusters")) {
				assertThat(cluster.get("lat").asDouble()).isBetween(south - 1e-4, north + 1e-4);
				assertThat(cluster.get("lon").asDouble()).isBetween(west - 1e-4, east + 1e-4);
			}
			withClusters += area.get("clusters").isEmpty() ? 0 : 1;
		}
		assertThat(withClusters).as("combinations whose area had clusters").isGreaterThan(COMBINATIONS / 2);
	}

	@Test
	void aClusterOfOneNamesItsCaseAndLargerOnesTheirBounds() throws Exception {
		JsonNode map = fetch("/api/v1/map?zoom=3&bbox=-180,-85,180,85");
		boolean one = false;
		boolean many = false;
		for (JsonNode cluster : map.get("clusters")) {
			if (cluster.get("count").asInt() == 1) {
				one = true;
				String slug = cluster.get("slug").asString();
				assertThat(cluster.get("url").asString()).isEqualTo("/innovations/" + slug);
				assertThat(cluster.get("title").asString()).isEqualTo(
						this.jdbc.queryForObject("SELECT title FROM innovation WHERE slug = ?", String.class, slug));
				assertThat(cluster.get("countries").isArray()).isTrue();
				assertThat(cluster.has("year")).isTrue();
			}
			else {
				many = true;
				JsonNode bounds = cluster.get("bounds");
				assertThat(cluster.has("slug")).isFalse();
				assertThat(cluster.get("lat").asDouble()).isBetween(bounds.get(0).asDouble(), bounds.get(2).asDouble());
				assertThat(cluster.get("lon").asDouble()).isBetween(bounds.get(1).asDouble(), bounds.get(3).asDouble());
			}
		}
		assertThat(one).isTrue();
		assertThat(many).isTrue();
		// Zoomed out, the same cases gather into fewer, larger clusters.
		assertThat(fetch("/api/v1/map?zoom=0").get("clusters").size()).isLessThan(map.get("clusters").size());
	}

	@Test
	void theCasesOfASpotAreListedForSpreadingOut() throws Exception {
		Map<String, Object> located = this.jdbc.queryForMap(
				"SELECT slug, latitude, longitude FROM innovation WHERE status = 'PUBLISHED' AND latitude IS NOT NULL ORDER BY id LIMIT 1");
		double lat = ((Number) located.get("latitude")).doubleValue();
		double lon = ((Number) located.get("longitude")).doubleValue();
		String bbox = (lon - 0.0001) + "," + (lat - 0.0001) + "," + (lon + 0.0001) + "," + (lat + 0.0001);
		JsonNode cases = fetch("/api/v1/map/cases?bbox=" + bbox);
		List<String> slugs = new ArrayList<>();
		cases.get("items").forEach((item) -> slugs.add(item.get("slug").asString()));
		assertThat(slugs).contains((String) located.get("slug"));
		assertThat(cases.get("items").get(0).get("lat").asDouble()).isCloseTo(lat, Offset.offset(0.001));
	}

	@Test
	void badMapParametersGet400WithAReason() throws Exception {
		for (String url : List.of("/api/v1/map?zoom=x", "/api/v1/map?zoom=19", "/api/v1/map?zoom=-1",
				"/api/v1/map?bbox=1,2,3", "/api/v1/map?bbox=a,b,c,d", "/api/v1/map?bbox=10,50,0,60",
				"/api/v1/map?bbox=0,60,10,50", "/api/v1/map?bbox=NaN,0,1,1", "/api/v1/map?zoom=18&bbox=-180,-85,180,85",
				"/api/v1/map?zoom=6", "/api/v1/map?zoom=13", "/api/v1/map?zoom=14", "/api/v1/map?zoom=18",
				"/api/v1/map?year=1", "/api/v1/map?yearFrom=abc", "/api/v1/map/cases?bbox=x")) {
			if (url.endsWith("year=1")) {
				// An unknown parameter is ignored, as on the list.
				this.mvc.perform(get(url)).andExpect(status().isOk());
				continue;
			}
			this.mvc.perform(get(url))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.status").value(400))
				.andExpect(jsonPath("$.detail").isString());
		}
	}

	@Test
	void theWholeWorldIsServedUpToTheZoomItFitsIn() throws Exception {
		assertThat(MapArea.maxWorldZoom()).isEqualTo(5);
		assertThat(clusterSum(fetch("/api/v1/map?zoom=5")))
			.isEqualTo(fetch("/api/v1/map?zoom=0").get("located").asLong());
		this.mvc.perform(get("/api/v1/map?zoom=6"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("bbox")));
	}

	@Test
	void aMapScrolledAroundTheWorldAsksForLongitudesBeyond180() throws Exception {
		long world = fetch("/api/v1/map?zoom=1").get("located").asLong();
		assertThat(clusterSum(fetch("/api/v1/map?zoom=1&bbox=-300,-90,300,90"))).isEqualTo(world);
		// Shifted by a whole turn, the same part of the world.
		assertThat(clusterSum(fetch("/api/v1/map?zoom=3&bbox=370,30,400,60")))
			.isEqualTo(clusterSum(fetch("/api/v1/map?zoom=3&bbox=10,30,40,60")));
	}

	@Test
	void countriesAreOpenDataWithTheirGroupings() throws Exception {
		JsonNode countries = fetch("/api/v1/countries");
		Map<String, JsonNode> byKey = new HashMap<>();
		countries.forEach((country) -> byKey.put(country.get("key").asString(), country));
		assertThat(byKey.get("fr").get("isoNumeric").asString()).isEqualTo("250");
		assertThat(byKey.get("fr").get("grouping").asBoolean()).isFalse();
		assertThat(byKey.get("eu").get("grouping").asBoolean()).isTrue();
		List<String> members = new ArrayList<>();
		byKey.get("eu").get("members").forEach((member) -> members.add(member.asString()));
		assertThat(members).hasSize(27).contains("fr", "de", "pl").doesNotContain("gb");
	}

	private List<double[]> locatedItems(String parameters) throws Exception {
		List<double[]> points = new ArrayList<>();
		for (int page = 1;; page++) {
			JsonNode list = fetch("/api/v1/innovations?" + parameters + "&size=100&page=" + page);
			for (JsonNode item : list.get("items")) {
				JsonNode location = item.get("location");
				if (location != null && !location.isNull()) {
					points.add(new double[] { location.get("lat").asDouble(), location.get("lon").asDouble() });
				}
			}
			if ((long) page * 100 >= list.get("total").asLong()) {
				return points;
			}
		}
	}

	private static long clusterSum(JsonNode map) {
		long sum = 0;
		for (JsonNode cluster : map.get("clusters")) {
			sum += cluster.get("count").asLong();
		}
		return sum;
	}

	private static Map<String, Long> counts(JsonNode values) {
		Map<String, Long> counts = new HashMap<>();
		values.forEach((value) -> counts.put(value.get("key").asString(), value.get("count").asLong()));
		return counts;
	}

	private JsonNode fetch(String url) throws Exception {
		String body = this.mvc.perform(get(url))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return this.json.readTree(body);
	}

	private List<String> used(String sql) {
		return this.jdbc.queryForList(sql, String.class);
	}

	private static String pick(Random random, List<String> values) {
		return values.get((int) Math.min(values.size() - 1, Math.abs(random.nextGaussian()) * values.size() / 4));
	}

}
