/**
 * Pagefind's own module, with one change: its filters load when the search page asks for them (a filter
 * dropdown opened), not with the first query. Pagefind's UI reads every filter's values as soon as it
 * loads, which was a third of what the first query downloaded; a search itself never needs them.
 * The search page points Pagefind's UI here (`bundle-path`); everything else is Pagefind's.
 */
import * as pagefind from '/pagefind/pagefind.js';

export * from '/pagefind/pagefind.js';

let wanted = false;
/** The real `filters` of every instance made so far. */
const loaders = [];

/** Pagefind's `createInstance`, whose `filters()` answers "none yet" until `loadFilters` is called. */
export function createInstance(options) {
	const instance = pagefind.createInstance(options);
	const filters = instance.filters.bind(instance);
	loaders.push(filters);
	instance.filters = () => (wanted ? filters() : Promise.resolve({}));
	return instance;
}

/** Loads every instance's filters; searches from now on count results per filter value again. */
export async function loadFilters() {
	wanted = true;
	await Promise.all(loaders.map((load) => load()));
}
