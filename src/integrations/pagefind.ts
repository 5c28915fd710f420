/**
 * The search index as the last step of `astro build` (src/integrations/search-index.ts), for builds that
 * run Astro alone. `npm run build` (scripts/build.ts) indexes after Astro has exited instead, so Astro's heap
 * is gone when Pagefind peaks, and leaves this integration out (`ATLAS_SEARCH_INDEX=after-build`).
 */

import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { parsePart, parseShardCount } from '../site/parts.ts';
import { type IndexOptions, indexSite } from './search-index.ts';

/** Set by scripts/build.ts: the index (and publishing, and the build stamp) come after `astro build` exits. */
export const INDEX_AFTER_BUILD = { name: 'ATLAS_SEARCH_INDEX', value: 'after-build' } as const;

/** Whether this `astro build` leaves the index and what follows it to scripts/build.ts. */
export function indexAfterBuild(env: NodeJS.ProcessEnv = process.env): boolean {
	return env[INDEX_AFTER_BUILD.name] === INDEX_AFTER_BUILD.value;
}

/** The index options a build's settings ask for: ATLAS_SHARDS bundles, of the ATLAS_SHARD part. */
export function indexOptions(env: NodeJS.ProcessEnv = process.env): Omit<IndexOptions, 'log'> {
	const part = parsePart(env.ATLAS_SHARD);
	return { shards: parseShardCount(env.ATLAS_SHARDS), ...(part ? { part } : {}) };
}

/** The integration: runs once, in `astro:build:done`, over the whole output folder. */
export function pagefindIndex(): AstroIntegration {
	return {
		name: 'policy-atlas:pagefind',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const started = performance.now();
				const figures = await indexSite(fileURLToPath(dir), { ...indexOptions(), log: (line) => logger.info(line) });
				logger.info(
					`Indexed ${figures.pages} pages and ${figures.incidents} incidents in ${Math.round(performance.now() - started)} ms`,
				);
			},
		},
	};
}
