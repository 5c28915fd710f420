/**
 * The search page's glue around Pagefind's Component UI: accessible names for the filter triggers, filters
 * loaded on first use, and the header form's `?q=` carried into the search box. A bundled module (not an
 * inline script) so the Content-Security-Policy admits it by hash (src/site/csp.ts).
 */

/** The part of Pagefind's Component UI global this page uses. */
interface PagefindComponents {
	getInstanceManager(): {
		getInstance(name: string): { searchTerm?: string; triggerSearch(term: string): void };
	};
}

/** The lazy filter loader the search page points Pagefind at (public/pagefind-lazy/pagefind.js). */
interface LazyFilters {
	loadFilters(): Promise<void>;
}

const filters = document.querySelector<HTMLElement>('.search-ui .filters');

if (filters) {
	// Pagefind's filter triggers are comboboxes, which take no name from their text: name each after its
	// filter's label whenever Pagefind renders one or drops the name it gives while values are selected.
	const name = () => {
		for (const dropdown of filters.querySelectorAll('pagefind-filter-dropdown')) {
			const trigger = dropdown.querySelector('.pf-dropdown-trigger');
			const label = dropdown.getAttribute('label');
			if (trigger && label && !trigger.hasAttribute('aria-label')) trigger.setAttribute('aria-label', label);
		}
	};
	new MutationObserver(name).observe(filters, {
		childList: true,
		subtree: true,
		attributes: true,
		attributeFilter: ['aria-label'],
	});
	name();

	// Filter values load when a filter is first opened (see public/pagefind-lazy/pagefind.js); the search is
	// then run again so Pagefind's UI lists them with their counts.
	let requested = false;
	const loadFilters = (event: Event) => {
		const lazy = filters.dataset.lazy;
		if (requested || !lazy || !(event.target instanceof Element) || !event.target.closest('.pf-dropdown-trigger'))
			return;
		requested = true;
		(import(/* @vite-ignore */ lazy) as Promise<LazyFilters>)
			.then((module) => module.loadFilters())
			.then(() => {
				const components = (window as unknown as { PagefindComponents: PagefindComponents }).PagefindComponents;
				const instance = components.getInstanceManager().getInstance('default');
				instance.triggerSearch(instance.searchTerm || '');
			});
	};
	for (const type of ['pointerdown', 'focusin', 'keydown']) filters.addEventListener(type, loadFilters, true);
}

// Carry the header form's ?q= into the search box once the component has rendered its input.
const query = new URLSearchParams(location.search).get('q');
if (query) {
	let tries = 0;
	const timer = setInterval(() => {
		const input = document.querySelector('pagefind-input input');
		if (input || ++tries > 100) clearInterval(timer);
		if (!(input instanceof HTMLInputElement)) return;
		input.value = query;
		input.dispatchEvent(new Event('input', { bubbles: true }));
		input.focus();
	}, 50);
}
