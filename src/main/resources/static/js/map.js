// The map view of a search: countries shaded by their number of innovations, and clusters of
// the located ones, both from Casebook's own API. Leaflet draws them; no request leaves for
// another host unless a tile layer is configured. Without JavaScript the table below the map
// gives the same counts.
(function () {
	'use strict';

	// ColorBrewer "Blues", lightest first: one shade per class of the legend.
	var SHADES = ['#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];
	var NONE = '#f4f6f8';

	var shapes = null; // GeoJSON features of every country, made once from the TopoJSON
	var countries = null; // per key: {key, label, isoNumeric, grouping, members}
	var view = null; // the centre and zoom kept across in-place updates
	var current = null; // the map on the page now

	function message(element, name, values) {
		var text = element.getAttribute('data-msg-' + name) || '';
		return text.replace(/\{(\d+)\}/g, function (match, index) {
			return values[index];
		});
	}

	function number(value) {
		return Number(value).toLocaleString(document.documentElement.lang || undefined);
	}

	function getJson(url, signal) {
		return fetch(url, { headers: { Accept: 'application/json' }, signal: signal }).then(function (response) {
			if (!response.ok) {
				throw new Error(url + ': ' + response.status);
			}
			return response.json();
		});
	}

	function loadShapes(element) {
		if (shapes) {
			return Promise.resolve();
		}
		return Promise.all([getJson(element.dataset.shapes), getJson(element.dataset.countriesApi)]).then(
			function (loaded) {
				var topology = loaded[0];
				shapes = topojson.feature(topology, topology.objects.countries).features;
				countries = {};
				var byNumeric = {};
				var byName = {};
				loaded[1].forEach(function (country) {
					countries[country.key] = country;
					if (country.isoNumeric) {
						byNumeric[country.isoNumeric] = country.key;
					}
					byName[country.label] = country.key;
				});
				// Natural Earth gives a few places (Kosovo among them) a name but no code.
				shapes.forEach(function (shape) {
					shape.properties.key = byNumeric[shape.id] || byName[shape.properties.name] || null;
					unwrap(shape.geometry);
				});
			});
	}

	/**
	 * Rings that cross the antimeridian (Russia, Fiji) jump from 180 to -180 degrees; drawn
	 * as they are, they would stripe the whole map. Continuing them past 180 keeps them whole.
	 */
	function unwrap(geometry) {
		if (!geometry) {
			return;
		}
		var polygons = geometry.type === 'Polygon' ? [geometry.coordinates]
			: (geometry.type === 'MultiPolygon' ? geometry.coordinates : []);
		polygons.forEach(function (polygon) {
			polygon.forEach(function (ring) {
				if (ring.some(function (point) {
					return point[1] < -85;
				})) {
					return; // Antarctica's ring runs along the edge of the world on purpose.
				}
				var shift = 0;
				for (var i = 1; i < ring.length; i++) {
					var step = ring[i][0] + shift - ring[i - 1][0];
					if (step > 180) {
						shift -= 360;
					}
					else if (step < -180) {
						shift += 360;
					}
					ring[i][0] += shift;
				}
			});
		});
	}

	/** The search of the page's URL with one country added to or removed from its filter. */
	function toggledUrl(element, key) {
		var url = new URL(element.dataset.listUrl, window.location.href);
		var selected = [];
		url.searchParams.getAll('country').forEach(function (value) {
			value.split(',').forEach(function (part) {
				if (part && selected.indexOf(part) < 0) {
					selected.push(part);
				}
			});
		});
		var at = selected.indexOf(key);
		if (at < 0) {
			selected.push(key);
		}
		else {
			selected.splice(at, 1);
		}
		url.searchParams.delete('country');
		url.searchParams.delete('page');
		if (selected.length) {
			url.searchParams.set('country', selected.join(','));
		}
		return url.pathname + url.search;
	}

	function toggleCountry(element, key) {
		var url = toggledUrl(element, key);
		if (window.htmx) {
			window.history.pushState({}, '', url);
			window.htmx.ajax('GET', url, { target: '#search-results', swap: 'outerHTML' });
		}
		else {
			window.location.href = url;
		}
	}

	/** Class limits of the legend: 1, then powers of ten up to the largest count. */
	function classes(max) {
		var limits = [1];
		var limit = 10;
		while (limit <= max && limits.length < SHADES.length) {
			limits.push(limit);
			limit *= 10;
		}
		return limits;
	}

	function shade(count, limits) {
		if (!count) {
			return NONE;
		}
		var index = 0;
		while (index + 1 < limits.length && count >= limits[index + 1]) {
			index++;
		}
		// Spread the classes over the palette, darkest for the largest.
		return SHADES[Math.round(index * (SHADES.length - 1) / Math.max(1, limits.length - 1))];
	}

	/** A view given by the URL's fragment, as #map=zoom/latitude/longitude. */
	function linkedView() {
		var match = /^#map=(\d{1,2})\/(-?\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)$/.exec(window.location.hash);
		return match ? { zoom: Number(match[1]), center: [Number(match[2]), Number(match[3])] } : null;
	}

	function Casebook(element) {
		this.element = element;
		this.status = document.getElementById('map-status');
		var start = linkedView() || view;
		this.map = L.map(element, {
			center: start ? start.center : [25, 10],
			zoom: start ? start.zoom : 2,
			minZoom: 1,
			maxZoom: 18,
			worldCopyJump: false,
			maxBounds: [[-85, -200], [85, 200]],
			maxBoundsViscosity: 0.8
		});
		this.map.attributionControl.setPrefix(false);
		if (element.dataset.tiles) {
			L.tileLayer(element.dataset.tiles, { attribution: element.dataset.tilesAttribution, maxZoom: 18 })
				.addTo(this.map);
		}
		this.countryLayer = null;
		this.clusterLayer = L.layerGroup().addTo(this.map);
		this.spotLayer = null;
		this.request = null;
		this.legend = null;
		var self = this;
		element.setAttribute('data-zoom', this.map.getZoom());
		this.map.on('moveend', function () {
			view = { center: self.map.getCenter(), zoom: self.map.getZoom() };
			element.setAttribute('data-zoom', self.map.getZoom());
			// The part of the world shown goes in the URL's fragment, to be shared or kept.
			var centre = self.map.getCenter();
			window.history.replaceState(window.history.state, '', '#map=' + self.map.getZoom() + '/'
				+ centre.lat.toFixed(4) + '/' + centre.lng.toFixed(4));
			self.refresh(false);
		});
		loadShapes(element).then(function () {
			self.refresh(true);
		}).catch(function () {
			self.fail();
		});
	}

	Casebook.prototype.fail = function () {
		this.status.textContent = message(this.element, 'error', []);
	};

	Casebook.prototype.remove = function () {
		if (this.request) {
			this.request.abort();
		}
		this.map.remove();
	};

	/** Asks for the map of the part of the world shown, and draws it. */
	Casebook.prototype.refresh = function (withCountries) {
		var self = this;
		if (this.request) {
			this.request.abort();
		}
		this.request = new AbortController();
		var bounds = this.map.getBounds();
		var url = new URL(this.element.dataset.mapApi, window.location.href);
		url.searchParams.set('zoom', this.map.getZoom());
		url.searchParams.set('bbox', [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()]
			.map(function (value) {
				return value.toFixed(5);
			}).join(','));
		getJson(url, this.request.signal).then(function (data) {
			if (withCountries || !self.countryLayer) {
				self.drawCountries(data.countries);
			}
			self.drawClusters(data.clusters);
			var shown = data.clusters.reduce(function (sum, cluster) {
				return sum + cluster.count;
			}, 0);
			self.status.textContent = message(self.element, 'status', [number(data.located), number(shown)]);
			self.element.setAttribute('data-loaded', 'true');
		}).catch(function (error) {
			if (error.name !== 'AbortError') {
				self.fail();
			}
		});
	};

	Casebook.prototype.drawCountries = function (facet) {
		var element = this.element;
		var counts = {};
		var selected = {};
		facet.forEach(function (value) {
			counts[value.key] = value.count;
			selected[value.key] = value.selected;
		});
		// A case tied to a grouping (the EU) counts for each of its members too.
		var viaGroupings = {};
		var groupings = [];
		facet.forEach(function (value) {
			var country = countries[value.key];
			if (country && country.grouping && value.count > 0) {
				groupings.push(value);
				country.members.forEach(function (member) {
					viaGroupings[member] = (viaGroupings[member] || []).concat([value]);
				});
			}
		});
		function total(key) {
			return (counts[key] || 0) + (viaGroupings[key] || []).reduce(function (sum, grouping) {
				return sum + grouping.count;
			}, 0);
		}
		function describe(key, name) {
			var via = viaGroupings[key] || [];
			if (!via.length) {
				return message(element, 'country', [name, number(total(key))]);
			}
			var throughGroupings = via.reduce(function (sum, grouping) {
				return sum + grouping.count;
			}, 0);
			return message(element, 'country-grouping', [name, number(total(key)), number(throughGroupings),
				via.map(function (grouping) {
					return grouping.label;
				}).join(', ')]);
		}
		var max = 0;
		shapes.forEach(function (shape) {
			if (shape.properties.key) {
				max = Math.max(max, total(shape.properties.key));
			}
		});
		var limits = classes(max);
		if (this.countryLayer) {
			this.map.removeLayer(this.countryLayer);
		}
		this.countryLayer = L.geoJSON(shapes, {
			style: function (shape) {
				var key = shape.properties.key;
				return {
					fillColor: shade(key ? total(key) : 0, limits),
					fillOpacity: 0.85,
					color: selected[key] ? '#1b1f24' : '#8c959f',
					weight: selected[key] ? 2.5 : 0.6
				};
			},
			onEachFeature: function (shape, layer) {
				var key = shape.properties.key;
				var name = key ? countries[key].label : shape.properties.name;
				var text = describe(key, name);
				layer.bindTooltip(text, { sticky: true });
				if (!key) {
					return;
				}
				layer.on('click', function () {
					toggleCountry(element, key);
				});
				layer.on('add', function () {
					var path = layer.getElement();
					path.setAttribute('tabindex', '0');
					path.setAttribute('role', 'button');
					path.setAttribute('aria-label', text);
					path.setAttribute('aria-pressed', selected[key] ? 'true' : 'false');
					path.setAttribute('data-country', key);
					path.addEventListener('keydown', function (event) {
						if (event.key === 'Enter' || event.key === ' ') {
							event.preventDefault();
							toggleCountry(element, key);
						}
					});
					path.addEventListener('focus', function () {
						layer.openTooltip(layer.getBounds().getCenter());
					});
					path.addEventListener('blur', function () {
						layer.closeTooltip();
					});
				});
			}
		}).addTo(this.map);
		this.countryLayer.bringToBack();
		this.drawLegend(limits, max, groupings, selected);
	};

	Casebook.prototype.drawLegend = function (limits, max, groupings, selected) {
		var element = this.element;
		if (this.legend) {
			this.legend.remove();
		}
		this.legend = L.control({ position: 'bottomright' });
		this.legend.onAdd = function () {
			var box = L.DomUtil.create('div', 'map-legend');
			var title = L.DomUtil.create('p', 'map-legend-title', box);
			title.textContent = message(element, 'legend', []);
			var list = L.DomUtil.create('ul', '', box);
			var entries = [{ color: NONE, text: message(element, 'legend-none', []) }];
			limits.forEach(function (limit, index) {
				var upper = (index + 1 < limits.length) ? limits[index + 1] - 1 : max;
				entries.push({
					color: shade(limit, limits),
					text: (upper > limit) ? number(limit) + '–' + number(upper) : number(limit)
				});
			});
			entries.forEach(function (entry) {
				var item = L.DomUtil.create('li', '', list);
				var swatch = L.DomUtil.create('span', 'swatch', item);
				swatch.style.background = entry.color;
				item.appendChild(document.createTextNode(entry.text));
			});
			// Groupings have no shape of their own: a button each toggles them in the filter.
			groupings.forEach(function (grouping) {
				var button = L.DomUtil.create('button', 'map-grouping', box);
				button.type = 'button';
				button.textContent = message(element, 'grouping', [grouping.label, number(grouping.count)]);
				button.setAttribute('aria-pressed', selected[grouping.key] ? 'true' : 'false');
				button.setAttribute('data-country', grouping.key);
				L.DomEvent.on(button, 'click', function (event) {
					L.DomEvent.stop(event);
					toggleCountry(element, grouping.key);
				});
			});
			L.DomEvent.disableClickPropagation(box);
			return box;
		};
		this.legend.addTo(this.map);
	};

	Casebook.prototype.drawClusters = function (clusters) {
		var self = this;
		var element = this.element;
		// A keyboard user who opened a cluster keeps the focus in the map as it is redrawn.
		var hadFocus = element.contains(document.activeElement) && document.activeElement !== element;
		this.clusterLayer.clearLayers();
		if (this.spotLayer) {
			this.map.removeLayer(this.spotLayer);
			this.spotLayer = null;
		}
		clusters.forEach(function (cluster) {
			var marker;
			if (cluster.count === 1) {
				marker = L.marker([cluster.lat, cluster.lon], { title: cluster.title, alt: cluster.title, keyboard: true });
				inLanguage(marker, cluster.language);
				marker.bindPopup(popup(element, cluster));
				onActivate(marker, function () {
					marker.openPopup();
				});
			}
			else {
				var label = message(element, cluster.sameSpot ? 'spot' : 'cluster', [number(cluster.count)]);
				marker = L.marker([cluster.lat, cluster.lon], {
					icon: clusterIcon(cluster.count),
					title: label,
					keyboard: true
				});
				marker.on('click', function () {
					self.openCluster(cluster);
				});
				onActivate(marker, function () {
					self.openCluster(cluster);
				});
				marker.on('add', function () {
					marker.getElement().setAttribute('role', 'button');
					marker.getElement().setAttribute('aria-label', label);
				});
			}
			marker.addTo(self.clusterLayer);
		});
		if (hadFocus && !element.contains(document.activeElement)) {
			var first = element.querySelector('.leaflet-marker-icon');
			(first || element).focus();
		}
	};

	/** Zooms into a cluster, or spreads out the cases of a spot that zooming cannot separate. */
	Casebook.prototype.openCluster = function (cluster) {
		var bounds = L.latLngBounds([cluster.bounds[0], cluster.bounds[1]], [cluster.bounds[2], cluster.bounds[3]]);
		if (!cluster.sameSpot && this.map.getZoom() < this.map.getMaxZoom()) {
			this.map.fitBounds(bounds.pad(0.1), { maxZoom: this.map.getMaxZoom() });
			return;
		}
		var self = this;
		var element = this.element;
		var url = new URL(element.dataset.casesApi, window.location.href);
		var pad = 0.00001;
		url.searchParams.set('bbox', [bounds.getWest() - pad, bounds.getSouth() - pad, bounds.getEast() + pad,
			bounds.getNorth() + pad].join(','));
		getJson(url).then(function (data) {
			if (self.spotLayer) {
				self.map.removeLayer(self.spotLayer);
			}
			// The cluster plugin spreads markers of one spot in a circle ("spiderfy").
			self.spotLayer = L.markerClusterGroup({
				showCoverageOnHover: false,
				zoomToBoundsOnClick: false,
				spiderfyOnMaxZoom: true,
				maxClusterRadius: 1,
				iconCreateFunction: function (group) {
					return clusterIcon(group.getChildCount());
				}
			});
			var markers = data.items.map(function (item) {
				var marker = L.marker([item.lat, item.lon], { title: item.title, alt: item.title, keyboard: true })
					.bindPopup(popup(element, item));
				inLanguage(marker, item.language);
				onActivate(marker, function () {
					marker.openPopup();
				});
				return marker;
			});
			self.spotLayer.addLayers(markers);
			self.spotLayer.on('clusterclick', function (event) {
				event.layer.spiderfy();
			});
			self.map.addLayer(self.spotLayer);
			var parent = self.spotLayer.getVisibleParent(markers[0]);
			if (parent && parent.spiderfy) {
				parent.spiderfy();
			}
			var first = markers[0].getElement();
			if (first) {
				first.focus();
			}
		}).catch(function () {
			self.fail();
		});
	};

	/** A case's marker is named by its title, in the case's own language. */
	function inLanguage(marker, language) {
		if (language) {
			marker.on('add', function () {
				marker.getElement().setAttribute('lang', language);
			});
		}
	}

	/** Enter or Space on a focused marker does what a click does. */
	function onActivate(marker, action) {
		marker.on('add', function () {
			marker.getElement().addEventListener('keydown', function (event) {
				if (event.key === 'Enter' || event.key === ' ') {
					event.preventDefault();
					L.DomEvent.stopPropagation(event);
					action();
				}
			});
		});
	}

	function clusterIcon(count) {
		var size = count < 10 ? 'small' : (count < 1000 ? 'medium' : 'large');
		return L.divIcon({
			html: '<span>' + number(count) + '</span>',
			className: 'marker-cluster marker-cluster-' + size,
			iconSize: L.point(40, 40)
		});
	}

	/**
	 * The popup of one case: title, short explanation, country, year and a link. The case's
	 * words are in its own language, the rest in the page's.
	 */
	function popup(element, item) {
		var box = document.createElement('div');
		box.className = 'map-popup';
		var title = document.createElement('h3');
		var link = document.createElement('a');
		link.href = item.url;
		link.textContent = item.title;
		if (item.language) {
			title.lang = item.language;
		}
		title.appendChild(link);
		box.appendChild(title);
		if (item.summary) {
			var summary = document.createElement('p');
			summary.textContent = item.summary;
			if (item.language) {
				summary.lang = item.language;
			}
			box.appendChild(summary);
		}
		var facts = document.createElement('p');
		facts.className = 'map-popup-facts';
		facts.textContent = [(item.countries || []).join(', '), item.year, item.place].filter(Boolean).join(' · ');
		box.appendChild(facts);
		var open = document.createElement('a');
		open.href = item.url;
		open.textContent = message(element, 'open', []);
		box.appendChild(open);
		return box;
	}

	/** Draws the map of the page, again after htmx has replaced the results. */
	function start() {
		var element = document.getElementById('map');
		if (current && current.element === element) {
			return;
		}
		if (current) {
			current.remove();
			current = null;
		}
		if (element && window.L) {
			// A page restored from history may hold the map's old markup.
			element.innerHTML = '';
			element.className = 'map';
			current = new Casebook(element);
		}
	}

	start();
	document.addEventListener('htmx:afterSettle', start);
	document.addEventListener('htmx:historyRestore', start);
}());
