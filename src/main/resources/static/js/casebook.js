// Casebook's own script: small on purpose. Pages work without it; htmx (loaded before it)
// updates results in place, and this keeps the rest of the page in step.
document.documentElement.classList.add('js');

document.addEventListener('htmx:afterSettle', function (event) {
	// The search box sits outside the part that is replaced: after a chip or "clear all" it
	// must show the keywords of the new URL, unless the user is typing in it.
	var q = document.getElementById('q');
	if (q && document.activeElement !== q) {
		q.value = new URL(window.location.href).searchParams.get('q') || '';
	}
});

// The language switcher links to the page shown in another language. When htmx has changed the
// search in place, the page shown is the one in the address bar: the links follow it.
function followLanguageLinks() {
	document.querySelectorAll('a[data-language]').forEach(function (link) {
		var url = new URL(window.location.href);
		url.searchParams.set('lang', link.getAttribute('data-language'));
		link.setAttribute('href', url.pathname + url.search);
	});
}
document.addEventListener('htmx:pushedIntoHistory', followLanguageLinks);
document.addEventListener('htmx:replacedInHistory', followLanguageLinks);
document.addEventListener('htmx:historyRestore', followLanguageLinks);

document.addEventListener('htmx:configRequest', function (event) {
	// Submitting the form starts again from the first page: no page parameter is sent by it.
	if (event.detail.elt && event.detail.elt.id === 'search-form') {
		delete event.detail.parameters.page;
	}
});

// The filters are sent open (see search/list.html), so that they are there without JavaScript.
// On a narrow screen they fold at first, below the results, behind their "Filters (N selected)"
// control, and stay as the reader leaves them when htmx replaces them with new counts; on a wide
// screen, where the control is hidden, they are always open.
(function () {
	var wide = window.matchMedia('(min-width: 60rem)');
	var openOnNarrow = false;

	function fit() {
		var filters = document.getElementById('filters');
		if (filters) {
			filters.open = wide.matches || openOnNarrow;
		}
	}

	// "toggle" does not bubble: listen while it goes down.
	document.addEventListener('toggle', function (event) {
		if (event.target.id === 'filters' && !wide.matches) {
			openOnNarrow = event.target.open;
		}
	}, true);
	document.addEventListener('htmx:afterSwap', fit);
	document.addEventListener('htmx:historyRestore', fit);
	wide.addEventListener('change', fit);
	fit();
}());
