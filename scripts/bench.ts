/**
 * Builds a synthetic catalogue and prints wall time, peak RSS, pages per second and mean HTML bytes
 * per tool page. Figures go in docs/performance.md.
 *
 *   npm run bench -- [--tools 20000]
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeSyntheticCatalogue } from './synthetic-catalogue.ts';

const { values } = parseArgs({ options: { tools: { type: 'string', default: '20000' } } });
const tools = Number(values.tools);
const catalogue = resolve('.bench/catalogue');
const out = resolve('.bench/dist');
const servers = writeSyntheticCatalogue(tools, catalogue);
console.log(`catalogue: ${tools} tools in ${servers} servers`);

/** Resident memory (kB) of a process and all its descendants, from /proc. */
function treeRss(pid: number): number {
	let total = 0;
	const stack = [pid];
	while (stack.length > 0) {
		const p = stack.pop() as number;
		try {
			const status = readFileSync(`/proc/${p}/status`, 'utf8');
			total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
			for (const task of readdirSync(`/proc/${p}/task`)) {
				const children = readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim();
				if (children) stack.push(...children.split(/\s+/).map(Number));
			}
		} catch {
			// The process ended between listing and reading.
		}
	}
	return total;
}

const started = performance.now();
// `npm run build`'s steps: astro build, then the search index in its own process (ATLAS_SHARDS passes through).
const child = spawn(join('node_modules', '.bin', 'tsx'), ['scripts/build.ts'], {
	env: { ...process.env, ATLAS_CATALOGUE: catalogue, ATLAS_OUT_DIR: out },
	stdio: ['ignore', 'ignore', 'inherit'],
});
let peak = 0;
const timer = setInterval(() => (peak = Math.max(peak, treeRss(child.pid as number))), 100);
const code: number = await new Promise((r) => child.on('exit', (c) => r(c ?? 1)));
clearInterval(timer);
const seconds = (performance.now() - started) / 1000;
if (code !== 0) throw new Error(`build failed with exit ${code}`);

let pages = 0;
let toolPages = 0;
let toolBytes = 0;
const walk = (dir: string) => {
	for (const name of readdirSync(dir)) {
		const full = join(dir, name);
		if (statSync(full).isDirectory()) {
			if (name !== 'pagefind') walk(full);
		} else if (name.endsWith('.html')) {
			pages++;
			if (/\/servers\/[^/]+\/tools\/[^/]+\/index\.html$/.test(full)) {
				toolPages++;
				toolBytes += statSync(full).size;
			}
		}
	}
};
walk(out);
if (toolPages !== tools) throw new Error(`expected ${tools} tool pages, found ${toolPages}`);
console.log(`wall time:        ${seconds.toFixed(1)} s`);
console.log(`peak RSS:         ${(peak / 1024).toFixed(0)} MiB (build process tree, sampled every 100 ms)`);
console.log(`HTML pages:       ${pages} (${toolPages} tool pages)`);
console.log(`pages per second: ${(pages / seconds).toFixed(0)}`);
console.log(`mean tool page:   ${(toolBytes / toolPages / 1024).toFixed(1)} KiB`);
