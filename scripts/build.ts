/**
 * `npm run build`: `astro build`, then the search index in this small process once Astro has exited (so
 * Astro's heap, the whole site model, is gone when Pagefind peaks), then publishing a build staged for a
 * folder outside the checkout and the build stamp `npm start` reads. A failed index removes the
 * unindexed output: the build either finishes searchable or leaves nothing (the old target untouched).
 *
 *   npm run build                       the site in dist/ (or $ATLAS_OUT_DIR)
 *   ATLAS_SHARDS=4 npm run build        the index as 4 bundles, built one after another
 *   ATLAS_SHARD=2/4 npm run build       part 2 of 4 of a build split by server (docs/sharding.md)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildInputsHash, writeBuildStamp } from '../src/integrations/build-stamp.ts';
import { INDEX_AFTER_BUILD, indexOptions } from '../src/integrations/pagefind.ts';
import { astroOutDir, publish } from '../src/integrations/publish.ts';
import { indexSite } from '../src/integrations/search-index.ts';

const root = resolve(import.meta.dirname, '..');
const target = resolve(root, process.env.ATLAS_OUT_DIR || 'dist');
const built = astroOutDir(root, target);
// Read the settings before Astro runs, so a bad ATLAS_SHARDS fails before minutes of rendering.
const options = indexOptions();
const inputs = buildInputsHash(root);

const astro = spawnSync(join(root, 'node_modules', '.bin', 'astro'), ['build', ...process.argv.slice(2)], {
	cwd: root,
	stdio: 'inherit',
	env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', [INDEX_AFTER_BUILD.name]: INDEX_AFTER_BUILD.value },
});
if (astro.status !== 0) process.exit(astro.status ?? 1);
if (!existsSync(built)) throw new Error(`astro build wrote nothing to ${built}`);

const started = performance.now();
try {
	const figures = await indexSite(built, { ...options, log: (line) => console.log(`[search] ${line}`) });
	console.log(
		`[search] ${figures.pages} pages and ${figures.incidents} incidents in ${figures.bundles.length} bundle(s), ${Math.round(performance.now() - started)} ms`,
	);
} catch (error) {
	rmSync(built, { recursive: true, force: true });
	console.error(`[search] indexing failed; removed the unindexed build in ${built}`);
	throw error;
}
if (built !== target) {
	publish(built, target, root);
	console.log(`Published the build to ${target}`);
}
writeBuildStamp(root, target, inputs);
