package org.casebook.search.opensearch;

import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.casebook.search.MapArea;
import org.casebook.search.MapCluster;

/**
 * The map's clusters as an OpenSearch {@code geotile_grid} aggregation, which Hibernate
 * Search's DSL does not have (sent through its Elasticsearch extension's
 * {@code fromJson}): the located matches inside the area, grouped by the tiles of the Web
 * Mercator map two levels below the zoom (a 256-pixel tile holds 4 × 4 of the map's
 * 64-pixel cells), each with its centroid, its bounds and, for a tile of one case, its
 * slug.
 */
final class MapGrid {

	static final String POINT_FIELD = "location.point";

	private MapGrid() {
	}

	/** The cases with a location, anywhere. */
	static JsonObject located() {
		return object("filter", object("exists", property("field", POINT_FIELD)));
	}

	/** The clusters of an area. */
	static JsonObject clusters(MapArea area) {
		JsonObject grid = property("field", POINT_FIELD);
		grid.addProperty("precision", precision(area));
		grid.addProperty("size", area.cellCount());
		grid.addProperty("shard_size", area.cellCount());
		JsonObject bounds = property("field", POINT_FIELD);
		bounds.addProperty("wrap_longitude", false);
		JsonObject slug = property("field", "slug");
		slug.addProperty("size", 1);
		JsonObject cellAggregations = new JsonObject();
		cellAggregations.add("centre", object("geo_centroid", property("field", POINT_FIELD)));
		cellAggregations.add("bounds", object("geo_bounds", bounds));
		cellAggregations.add("slug", object("terms", slug));
		JsonObject cells = object("geotile_grid", grid);
		cells.add("aggs", cellAggregations);
		JsonObject box = new JsonObject();
		box.add("top_left", point(area.north(), area.west()));
		box.add("bottom_right", point(area.south(), area.east()));
		JsonObject inArea = object("filter", object("geo_bounding_box", object(POINT_FIELD, box)));
		inArea.add("aggs", object("cells", cells));
		return inArea;
	}

	/** The geotile precision whose tiles are the area's cells. */
	static int precision(MapArea area) {
		return Long.numberOfTrailingZeros(area.cellsPerSide());
	}

	/** The clusters in an answer to {@link #clusters}, largest first. */
	static List<MapCluster> read(JsonObject answer, MapArea area) {
		List<MapCluster> clusters = new ArrayList<>();
		int columns = area.columns();
		int rows = area.rows();
		for (JsonElement element : answer.getAsJsonObject("cells").getAsJsonArray("buckets")) {
			JsonObject bucket = element.getAsJsonObject();
			String[] tile = bucket.get("key").getAsString().split("/");
			long column = Math.floorMod(Long.parseLong(tile[1]) - area.firstColumn(), area.cellsPerSide());
			long row = Long.parseLong(tile[2]) - area.firstRow();
			if (column >= columns || row < 0 || row >= rows) {
				// On the very edge of the box, where the filter's rounding and the grid's
				// differ.
				continue;
			}
			int count = bucket.get("doc_count").getAsInt();
			JsonObject centre = bucket.getAsJsonObject("centre").getAsJsonObject("location");
			JsonObject bounds = bucket.getAsJsonObject("bounds").getAsJsonObject("bounds");
			JsonObject topLeft = bounds.getAsJsonObject("top_left");
			JsonObject bottomRight = bounds.getAsJsonObject("bottom_right");
			JsonArray slugs = bucket.getAsJsonObject("slug").getAsJsonArray("buckets");
			String slug = (count == 1 && !slugs.isEmpty()) ? slugs.get(0).getAsJsonObject().get("key").getAsString()
					: null;
			clusters.add(new MapCluster(centre.get("lat").getAsDouble(), centre.get("lon").getAsDouble(), count, slug,
					bottomRight.get("lat").getAsDouble(), topLeft.get("lon").getAsDouble(),
					topLeft.get("lat").getAsDouble(), bottomRight.get("lon").getAsDouble()));
		}
		clusters.sort((a, b) -> Integer.compare(b.count(), a.count()));
		return clusters;
	}

	private static JsonObject point(double latitude, double longitude) {
		JsonObject point = new JsonObject();
		point.addProperty("lat", latitude);
		point.addProperty("lon", longitude);
		return point;
	}

	private static JsonObject property(String name, String value) {
		JsonObject object = new JsonObject();
		object.addProperty(name, value);
		return object;
	}

	private static JsonObject object(String name, JsonObject value) {
		JsonObject object = new JsonObject();
		object.add(name, value);
		return object;
	}

}
