/**
 * Search cost in headless Chromium on a finished build (default `dist/`, or $ATLAS_DIST): for a common word,
 * what the first query downloads from the Pagefind bundle and how long until the first result shows, cold
 * (empty cache) and warm (cached bundle). Prints figures; never a pass/fail (see docs/performance.md).
 *
 *   npm run build && npm run bench:search -- [--query file] [--runs 3]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { BrowserContext } from 'playwright-core';
import { urls } from '../src/site/urls.ts';
import { launchChromium } from '../tests/helpers/browser.ts';
import { serve } from '../tests/helpers/serve.ts';

const { values } = parseArgs({
	options: { query: { type: 'string', default: 'file' }, runs: { type: 'string', default: '3' } },
});
const dist = resolve(process.env.ATLAS_DIST ?? 'dist');
if (!existsSync(resolve(dist, 'pagefind'))) throw new Error(`no search index in ${dist}: run npm run build first`);

/** Files of Pagefind's own UI, loaded with the page whatever the query: reported apart from the query's data. */
const UI_FILE = /pagefind-(component-ui|modular-ui|ui|highlight)\.(js|css)$/;

interface Run {
	ms: number;
	dataBytes: number;
	uiBytes: number;
	files: Map<string, number>;
}

/** Loads the search page, types the query and waits for the first result; counts bytes fetched under /pagefind/. */
async function measure(context: BrowserContext, base: string, query: string): Promise<Run> {
	const page = await context.newPage();
	// Playwright reports the requests of the page and of its workers (Pagefind fetches its index in one).
	const files = new Map<string, number>();
	const pending: Promise<void>[] = [];
	page.on('requestfinished', (request) => {
		const path = new URL(request.url()).pathname;
		if (!path.startsWith(urls.pagefind) && !path.startsWith(urls.pagefindLazy)) return;
		pending.push(
			request.sizes().then((sizes) => {
				files.set(path, sizes.responseBodySize + sizes.responseHeadersSize);
			}),
		);
	});
	await page.goto(`${base}${urls.search}`, { waitUntil: 'load' });
	const input = page.locator('pagefind-input input');
	await input.waitFor();
	const started = performance.now();
	await input.fill(query);
	await page.locator('pagefind-results a[href]').first().waitFor({ timeout: 120_000 });
	const ms = performance.now() - started;
	await Promise.all(pending);
	await page.close();
	let dataBytes = 0;
	let uiBytes = 0;
	for (const [path, bytes] of files) {
		if (UI_FILE.test(path)) uiBytes += bytes;
		else dataBytes += bytes;
	}
	return { ms, dataBytes, uiBytes, files };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

/**
 * The index data's size as a compressing web server sends it: Pagefind's own files are gzipped already,
 * its scripts and JSON are text (the local server here, like `astro preview`, sends them uncompressed).
 */
function gzipped(files: Map<string, number>): number {
	let total = 0;
	for (const [path, bytes] of files) {
		if (UI_FILE.test(path)) continue;
		total += /\.(js|json)$/.test(path) ? gzipSync(readFileSync(join(dist, path))).length : bytes;
	}
	return total;
}
const site = await serve(dist);
const browser = await launchChromium();
try {
	const runs = Number(values.runs);
	const cold: Run[] = [];
	const warm: Run[] = [];
	for (let i = 0; i < runs; i++) {
		const context = await browser.newContext();
		cold.push(await measure(context, site.url, values.query));
		warm.push(await measure(context, site.url, values.query));
		await context.close();
	}
	const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
	const first = cold[0] as Run;
	console.log(`search bench: "${values.query}" on ${dist}, ${runs} runs, median`);
	console.log(
		`  first query downloads: ${kb(median(cold.map((r) => r.dataBytes)))} of index data (+ ${kb(first.uiBytes)} UI script and style)`,
	);
	console.log(
		`  the same with gzip on its text files, as a compressing server sends them: ${kb(gzipped(first.files))}`,
	);
	console.log(
		`  first result shown: ${Math.round(median(cold.map((r) => r.ms)))} ms cold, ${Math.round(median(warm.map((r) => r.ms)))} ms warm`,
	);
	console.log('  files of the first cold query:');
	for (const [path, bytes] of [...first.files].sort((a, b) => b[1] - a[1]))
		console.log(`    ${kb(bytes).padStart(7)}  ${path}`);
} finally {
	await browser.close();
	await site.close();
}
