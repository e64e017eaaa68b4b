package org.casebook.map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * An optional tile layer under the country shapes. Off by default: the basemap is the
 * country shapes Casebook serves itself, and no request leaves for another host. When a
 * URL is set, the map loads tiles from it and shows its attribution.
 *
 * @param url a tile URL template such as
 * {@code https://tiles.example.org/{z}/{x}/{y}.png} ({@code CASEBOOK_MAP_TILES_URL});
 * empty for none
 * @param attribution the attribution the tile provider asks for, as HTML
 */
@ConfigurationProperties("casebook.map.tiles")
public record MapTiles(String url, String attribution) {

	public MapTiles {
		url = (url != null) ? url.strip() : "";
		attribution = (attribution != null) ? attribution.strip() : "";
	}

}
