/**
 * The search index step alone, on a finished build (default `.bench/dist`, what `npm run bench` leaves):
 * index time, peak resident memory of the Pagefind process and of this whole process tree (sampled every
 * 50 ms), the index's size on disk and per indexed page. Rewrites the build's index in place. Prints figures
 * for docs/performance.md; never a pass/fail.
 *
 *   npm run bench -- --tools 10000 && npm run bench:index -- [--dir .bench/dist] [--shards 1]
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { indexSite } from '../src/integrations/search-index.ts';
import { parseShardCount } from '../src/site/parts.ts';
import { diskUsage } from './lib/disk-usage.ts';
import { childPids, processRss } from './lib/proc-rss.ts';
import { ProcessTreeSampler } from './lib/process-tree.ts';

const { values } = parseArgs({
	options: { dir: { type: 'string', default: '.bench/dist' }, shards: { type: 'string', default: '1' } },
});
const dir = resolve(values.dir);

let pagefindPeak = 0;
const tree = new ProcessTreeSampler(process.pid);
const timer = setInterval(() => {
	// This process's only child while indexing is Pagefind's binary (the Node API's service).
	pagefindPeak = Math.max(pagefindPeak, ...childPids(process.pid).map(processRss));
	tree.sample();
}, 50);
const started = performance.now();
const cpuBefore = process.cpuUsage();
const figures = await indexSite(dir, { shards: parseShardCount(values.shards) });
const seconds = (performance.now() - started) / 1000;
clearInterval(timer);
const cpu = process.cpuUsage(cpuBefore);

let bytes = 0;
let files = 0;
for (const bundle of figures.bundles) {
	const s = diskUsage(join(dir, bundle));
	bytes += s.bytes;
	files += s.files;
}
const mib = (kb: number) => `${(kb / 1024).toFixed(0)} MiB`;
console.log(
	`index of ${dir}: ${figures.pages} pages, ${figures.incidents} incidents, ${figures.bundles.length} bundle(s)`,
);
console.log(
	`index time:          ${seconds.toFixed(1)} s (this process's CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s)`,
);
console.log(`Pagefind peak RSS:   ${mib(pagefindPeak)} (its process, sampled every 50 ms)`);
console.log(`tree peak RSS:       ${mib(tree.peakRss / 1024)} (this process and Pagefind)`);
console.log(`index on disk:       ${(bytes / 1024 / 1024).toFixed(1)} MiB in ${files} files`);
console.log(`per indexed page:    ${(bytes / 1024 / figures.pages).toFixed(1)} KiB`);
