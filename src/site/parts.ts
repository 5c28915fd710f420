/**
 * Splitting a build by server. A build can be cut in two ways, both by server and both deterministic:
 * `ATLAS_SHARDS=n` writes the search index as n Pagefind bundles, one after another in one process, so
 * Pagefind holds one part of the site at a time; `ATLAS_SHARD=i/n` renders and indexes only part i of the
 * catalogue, for builds spread over machines whose outputs `npm run merge-shards` assembles (docs/sharding.md).
 */

/** Part `index` (1-based) of `count`. */
export interface Part {
	index: number;
	count: number;
}

/** Reads `ATLAS_SHARD` (`i/n`, 1 ≤ i ≤ n); undefined when unset. Anything else fails the build. */
export function parsePart(value: string | undefined): Part | undefined {
	if (value === undefined || value === '') return undefined;
	const match = /^(\d+)\/(\d+)$/.exec(value.trim());
	const index = Number(match?.[1]);
	const count = Number(match?.[2]);
	if (!match || index < 1 || index > count)
		throw new Error(`ATLAS_SHARD must be i/n with 1 <= i <= n (e.g. 1/4), not ${JSON.stringify(value)}`);
	return { index, count };
}

/** Reads `ATLAS_SHARDS` (how many search bundles to write); 1 when unset. Anything else fails the build. */
export function parseShardCount(value: string | undefined): number {
	if (value === undefined || value === '') return 1;
	const count = Number(value);
	if (!Number.isInteger(count) || count < 1)
		throw new Error(`ATLAS_SHARDS must be a whole number of at least 1, not ${JSON.stringify(value)}`);
	return count;
}

/**
 * Cuts `items` (in their given order) into `count` consecutive runs of about equal total weight: run k takes
 * the items whose cumulative weight midpoint falls in its k-th of the total. Some runs are empty when there
 * are fewer items than runs. The same items and weights always give the same runs.
 */
export function splitByWeight<T>(items: readonly T[], weight: (item: T) => number, count: number): T[][] {
	const runs: T[][] = Array.from({ length: count }, () => []);
	const total = items.reduce((sum, item) => sum + weight(item), 0);
	let before = 0;
	for (const item of items) {
		const w = weight(item);
		const middle = before + w / 2;
		before += w;
		const run = total === 0 ? 0 : Math.min(count - 1, Math.floor((middle / total) * count));
		(runs[run] as T[]).push(item);
	}
	return runs;
}

/** Whether a build of `part` renders the pages made from the whole catalogue (home, lists, attack pages): part 1 does. */
export function rendersGlobalPages(part: Part | undefined): boolean {
	return part === undefined || part.index === 1;
}
