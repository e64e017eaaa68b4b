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

document.addEventListener('htmx:configRequest', function (event) {
	// Submitting the form starts again from the first page: no page parameter is sent by it.
	if (event.detail.elt && event.detail.elt.id === 'search-form') {
		delete event.detail.parameters.page;
	}
});
