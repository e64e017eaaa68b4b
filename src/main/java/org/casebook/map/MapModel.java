package org.casebook.map;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives the pages that draw a map its settings. */
@ControllerAdvice
class MapModel {

	private final MapTiles tiles;

	MapModel(MapTiles tiles) {
		this.tiles = tiles;
	}

	@ModelAttribute("mapTiles")
	MapTiles mapTiles() {
		return this.tiles;
	}

}
