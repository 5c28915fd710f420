/**
 * Builds a synthetic catalogue and prints what the build cost: wall time, CPU of every process of the
 * build (Pagefind's included), peak RSS of the process tree, render and index time separately, files
 * and bytes written, pages per second and mean HTML bytes per tool page. Figures go in
 * docs/performance.md, with the load average it prints (the machine is shared).
 *
 *   npm run bench -- [--tools 20000]
 *
 * The previous run's output is moved aside and deleted before the clock starts, and the bench refuses to
 * start while another bench is running or deleting (`.bench/lock` names its process).
 */
import { spawn } from 'node:child_process';
import {
	createWriteStream,
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { isRunning } from './ingest/reaper.ts';
import { BuildPhases } from './lib/build-phases.ts';
import { diskUsage } from './lib/disk-usage.ts';
import { ProcessTreeSampler } from './lib/process-tree.ts';
import { writeSyntheticCatalogue } from './synthetic-catalogue.ts';

const { values } = parseArgs({ options: { tools: { type: 'string', default: '20000' } } });
const tools = Number(values.tools);
const benchDir = resolve('.bench');
const catalogue = join(benchDir, 'catalogue');
const out = join(benchDir, 'dist');
const lock = join(benchDir, 'lock');

mkdirSync(benchDir, { recursive: true });
const holder = Number.parseInt(existsSync(lock) ? readFileSync(lock, 'utf8') : '', 10);
if (Number.isInteger(holder) && holder !== process.pid && isRunning(holder)) {
	console.error(
		`Another bench (process ${holder}) is still running or deleting its output in ${benchDir}: ` +
			'wait for it to end, then run again.',
	);
	process.exit(2);
}
writeFileSync(lock, String(process.pid));
process.on('exit', () => rmSync(lock, { force: true }));

// Untimed: move the previous output aside (one rename, so a build can never write into half-deleted files),
// then delete everything set aside, this run's and any an interrupted run left behind.
if (existsSync(out)) renameSync(out, join(benchDir, `trash-${process.pid}`));
for (const name of readdirSync(benchDir))
	if (name.startsWith('trash-')) rmSync(join(benchDir, name), { recursive: true, force: true });

const servers = writeSyntheticCatalogue(tools, catalogue);
console.log(`catalogue: ${tools} tools in ${servers} servers`);
const loadBefore = loadavg();

const started = performance.now();
// `npm run build`'s steps: astro build, then the search index in its own process (ATLAS_SHARDS passes through).
const child = spawn(join('node_modules', '.bin', 'tsx'), ['scripts/build.ts'], {
	env: { ...process.env, ATLAS_CATALOGUE: catalogue, ATLAS_OUT_DIR: out },
	stdio: ['ignore', 'pipe', 'inherit'],
});
const sampler = new ProcessTreeSampler(child.pid as number);
const timer = setInterval(() => sampler.sample(), 100);
const phases = new BuildPhases(started);
const log = createWriteStream(join(benchDir, 'build.log'));
/** CPU of the tree when each phase began (read as the line that starts it arrives). */
const cpuAt = { setup: 0, render: 0, after: 0 };
createInterface({ input: child.stdout }).on('line', (line) => {
	log.write(`${line}\n`);
	const before = phases.phase;
	phases.line(line, performance.now());
	if (phases.phase !== before) {
		sampler.sample();
		cpuAt[phases.phase] = sampler.cpuTotal();
	}
});
const code: number = await new Promise((r) => child.on('close', (c) => r(c ?? 1)));
// A child the build started but did not wait for (Pagefind's indexer) is still part of the build.
clearInterval(timer);
await sampler.untilAllExited();
const ended = performance.now();
phases.end(ended);
const seconds = (ended - started) / 1000;
log.end();
if (code !== 0) throw new Error(`build failed with exit ${code} (log: ${join(benchDir, 'build.log')})`);

let pages = 0;
let toolPages = 0;
let toolBytes = 0;
const disk = diskUsage(out, (path, size) => {
	if (!path.endsWith('.html') || path.includes('/pagefind/')) return;
	pages++;
	if (/\/servers\/[^/]+\/tools\/[^/]+\/index\.html$/.test(path)) {
		toolPages++;
		toolBytes += size;
	}
});
if (toolPages !== tools) throw new Error(`expected ${tools} tool pages, found ${toolPages}`);

const s = (ms: number | undefined) => (ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(1)} s`);
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const cpu = sampler.cpuByCommand();
const cpuTotal = sampler.cpuTotal();
const cpuOf = (from: number, to: number) => (from > 0 && to >= from ? `, ${(to - from).toFixed(1)} s CPU` : '');
const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
console.log(`wall time:        ${seconds.toFixed(1)} s`);
console.log(
	`CPU (user+sys):   ${cpuTotal.toFixed(1)} s (${[...cpu].map(([c, t]) => `${c} ${t.toFixed(1)} s`).join(', ')}; ${sampler.processCount} processes)`,
);
console.log(`peak RSS:         ${mib(sampler.peakRss)} (build process tree, sampled every 100 ms)`);
console.log(`setup:            ${s(phases.setupMs)} (config, content sync, bundling)`);
console.log(
	`render:           ${s(phases.renderMs)}${cpuOf(cpuAt.render, cpuAt.after)} (the site model, then every page and file)`,
);
console.log(
	`after render:     ${s(phases.afterMs)}${cpuOf(cpuAt.after, cpuTotal)} (build:done hooks, the search index among them)`,
);
console.log(`index:            ${s(phases.indexMs)} (as the Pagefind integration reports it)`);
console.log(`files written:    ${disk.files} (${disk.directories} directories)`);
console.log(`bytes written:    ${mib(disk.bytes)} (${mib(disk.allocated)} allocated on disk)`);
console.log(`HTML pages:       ${pages} (${toolPages} tool pages)`);
console.log(`pages per second: ${(pages / seconds).toFixed(0)}`);
console.log(`mean tool page:   ${(toolBytes / toolPages / 1024).toFixed(1)} KiB`);
console.log(`load average:     ${load(loadBefore)} before, ${load(loadavg())} after`);
