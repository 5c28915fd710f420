/**
 * Pagefind's own module, with two changes. Its filters load when the search page asks for them (a filter
 * dropdown opened), not with the first query: Pagefind's UI reads every filter's values as soon as it
 * loads, which was a third of what the first query downloaded; a search itself never needs them. And an
 * index written as several bundles (ATLAS_SHARDS, or the parts of a split build) is searched as one: the
 * bundles `shards.json` lists are merged into every instance with Pagefind's `mergeIndex` before its first
 * search. The search page points Pagefind's UI here (`bundle-path`); everything else is Pagefind's.
 */
import * as pagefind from '/pagefind/pagefind.js';

export * from '/pagefind/pagefind.js';

let wanted = false;
/** The real `filters` of every instance made so far. */
const loaders = [];

/** The other bundles of the index, read once, beside the first query's own downloads. */
let bundles;
function otherBundles() {
	bundles =
		bundles ||
		fetch(new URL('/pagefind/shards.json', import.meta.url))
			.then((response) => (response.ok ? response.json() : { bundles: [] }))
			.then((manifest) => manifest.bundles);
	return bundles;
}

/**
 * Pagefind's `createInstance`, whose `filters()` answers "none yet" until `loadFilters` is called, and whose
 * searches wait until the other bundles are merged in (one after another, so results keep one order).
 */
export function createInstance(options) {
	const instance = pagefind.createInstance(options);
	const merged = otherBundles().then(async (paths) => {
		for (const path of paths) await instance.mergeIndex(path);
	});
	for (const method of ['search', 'debouncedSearch', 'preload']) {
		const original = instance[method].bind(instance);
		instance[method] = (...args) => merged.then(() => original(...args));
	}
	const filters = instance.filters.bind(instance);
	loaders.push(() => merged.then(filters));
	instance.filters = () => (wanted ? merged.then(filters) : Promise.resolve({}));
	return instance;
}

/** Loads every instance's filters; searches from now on count results per filter value again. */
export async function loadFilters() {
	wanted = true;
	await Promise.all(loaders.map((load) => load()));
}
