/**
 * Builds the site's Pagefind search index over a finished output folder, with Pagefind's Node API so a
 * failure throws. `_` and `.` are indexed as word characters so tool names such as `delete_repository` are
 * found as typed. Incidents get one record each (type "Incident"), pointing at their row on the timeline
 * page, so a search for an incident's target lands on that row.
 *
 * The index can be written as several bundles (src/site/parts.ts): `shards` bundles one after another, each
 * freed (`deleteIndex`) before the next starts, so Pagefind holds one part of the site at a time; and a
 * build of part i of a split build indexes only its own servers' pages. The first bundle of the whole site
 * is `/pagefind/` (with Pagefind's scripts and the global pages); every other one is a folder under
 * `/pagefind-shards/`, listed in `/pagefind/shards.json`, which the search page merges in the browser
 * (public/pagefind-lazy/pagefind.js, Pagefind's `mergeIndex`).
 */

import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as pagefind from 'pagefind';
import { incidentTimeline } from '../attacks/incidents.ts';
import { ATTACK_CATEGORY_LABELS } from '../attacks/labels.ts';
import { ATTACKS_DIR, loadAttackFiles } from '../attacks/load.ts';
import { type Part, rendersGlobalPages, splitByWeight } from '../site/parts.ts';
import { urls } from '../site/urls.ts';
import { byCodePoint } from '../text/words.ts';

type Index = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>;

/** How to index a build. */
export interface IndexOptions {
	/** How many bundles to write this build's pages into (ATLAS_SHARDS); 1 writes one. */
	shards: number;
	/** The part of a split build this output is (ATLAS_SHARD), if it is one. */
	part?: Part;
	/** Where progress lines go. */
	log?: (line: string) => void;
}

/** What was indexed. */
export interface IndexFigures {
	pages: number;
	incidents: number;
	/** The bundle folders written, relative to the output folder. */
	bundles: string[];
}

/** The file a part of a split build carries for `merge-shards` (which part of how many it is); never in a merged site. */
export const PART_MARKER = 'atlas-part.json';

/** The manifest of extra bundles the search page merges, inside the main bundle. */
export const SHARD_MANIFEST = 'shards.json';

/** The folder (relative to the output folder, no slashes around it) of bundle `shard` of part `part`. */
export function bundleFolder(part: number, shard: number): string {
	return part === 1 && shard === 1
		? trimSlashes(urls.pagefind)
		: `${trimSlashes(urls.pagefindShards)}/${part}-${shard}`;
}

function trimSlashes(path: string): string {
	return path.replace(/^\/+|\/+$/g, '');
}

function assertNoErrors(step: string, errors: readonly string[]): void {
	if (errors.length > 0) throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
}

/** One custom record per timeline row; returns how many were added. */
async function addIncidentRecords(index: Index): Promise<number> {
	const attacks = loadAttackFiles(resolve(ATTACKS_DIR));
	const categoryOf = new Map(attacks.map((a) => [a.id, ATTACK_CATEGORY_LABELS[a.data.category]]));
	const timeline = incidentTimeline(attacks);
	for (const row of timeline) {
		const patterns = row.patterns.map((p) => p.title);
		const added = await index.addCustomRecord({
			url: urls.incident(row.anchor),
			content: `${row.target}. ${row.summary} Reported by ${row.source.author}: ${row.source.title}. Attack patterns: ${patterns.join(', ')}.`,
			language: 'en',
			meta: { title: `${row.target} (${row.date})`, date: row.date },
			filters: {
				type: ['Incident'],
				attack: patterns,
				'attack-category': [...new Set(row.patterns.map((p) => categoryOf.get(p.id) as string))],
			},
		});
		assertNoErrors('addCustomRecord', added.errors);
	}
	return timeline.length;
}

/** HTML files under `dir` (relative, forward slashes), outside Pagefind's own folders. */
function htmlFiles(dir: string, rel = ''): string[] {
	const out: string[] = [];
	for (const name of readdirSync(join(dir, rel)).sort(byCodePoint)) {
		const path = rel ? `${rel}/${name}` : name;
		if (!rel && (name === trimSlashes(urls.pagefind) || name === trimSlashes(urls.pagefindShards))) continue;
		if (statSync(join(dir, path)).isDirectory()) out.push(...htmlFiles(dir, path));
		else if (name.endsWith('.html')) out.push(path);
	}
	return out;
}

/** The pages of each bundle: this build's servers cut into `shards` runs; the global pages go with the first. */
function planBundles(outDir: string, shards: number, global: boolean): string[][] {
	const byServer = new Map<string, string[]>();
	const globalPages: string[] = [];
	for (const file of htmlFiles(outDir)) {
		const server = /^servers\/([^/]+)\//.exec(file)?.[1];
		if (server === undefined) globalPages.push(file);
		else {
			const pages = byServer.get(server);
			if (pages) pages.push(file);
			else byServer.set(server, [file]);
		}
	}
	const runs = splitByWeight([...byServer.values()], (pages) => pages.length, shards).map((run) => run.flat());
	if (global) runs[0]?.unshift(...globalPages);
	return runs;
}

/** The URL Pagefind gives a page: its path with `index.html` dropped. */
function pageUrl(file: string): string {
	return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

/**
 * Writes the list of extra bundles in `outDir` into the main bundle, for the search page to merge. Called by
 * the index step and again by `merge-shards` after it brought the parts' bundles together.
 */
export function writeShardManifest(outDir: string): string[] {
	const folder = join(outDir, trimSlashes(urls.pagefindShards));
	const names = existsSync(folder) ? readdirSync(folder) : [];
	// Numeric order (part, then shard): "10-1" after "2-1".
	const order = (name: string) => name.split('-').map(Number) as [number, number];
	names.sort((a, b) => order(a)[0] - order(b)[0] || order(a)[1] - order(b)[1]);
	const bundles = names.map((name) => `${urls.pagefindShards}${name}/`);
	writeFileSync(join(outDir, trimSlashes(urls.pagefind), SHARD_MANIFEST), `${JSON.stringify({ bundles })}\n`);
	return bundles;
}

/**
 * Indexes the finished site in `outDir`. One bundle over the whole site is Pagefind's own directory walk;
 * several bundles (or a part) feed each bundle its pages one by one.
 */
export async function indexSite(outDir: string, options: IndexOptions): Promise<IndexFigures> {
	const part = options.part?.index ?? 1;
	const global = rendersGlobalPages(options.part);
	for (const stale of [trimSlashes(urls.pagefind), trimSlashes(urls.pagefindShards)])
		rmSync(join(outDir, stale), { recursive: true, force: true });
	const figures: IndexFigures = { pages: 0, incidents: 0, bundles: [] };
	try {
		const whole = options.shards === 1 && options.part === undefined;
		const plan = whole ? [[]] : planBundles(outDir, options.shards, global);
		for (const [i, pages] of plan.entries()) {
			// A run with no server (more bundles than servers) writes no bundle, except the site's main one.
			if (!whole && pages.length === 0 && !(global && i === 0)) continue;
			const started = performance.now();
			const { index, errors } = await pagefind.createIndex({ includeCharacters: '_.' });
			assertNoErrors('createIndex', errors);
			if (!index) throw new Error('Pagefind createIndex returned no index');
			let count = 0;
			if (whole) {
				const added = await index.addDirectory({ path: outDir });
				assertNoErrors('addDirectory', added.errors);
				count = added.page_count;
			} else {
				for (const file of pages) {
					const content = readFileSync(join(outDir, file), 'utf8');
					// Pages without an indexed body are left out, as Pagefind's own walk leaves them out.
					if (!content.includes('data-pagefind-body')) continue;
					const added = await index.addHTMLFile({ url: pageUrl(file), content });
					assertNoErrors(`addHTMLFile ${file}`, added.errors);
					count++;
				}
			}
			if (global && i === 0) figures.incidents = await addIncidentRecords(index);
			const folder = bundleFolder(part, i + 1);
			const written = await index.writeFiles({ outputPath: join(outDir, folder) });
			assertNoErrors('writeFiles', written.errors);
			await index.deleteIndex();
			figures.pages += count;
			figures.bundles.push(folder);
			options.log?.(`Indexed ${count} pages into /${folder}/ in ${Math.round(performance.now() - started)} ms`);
		}
	} finally {
		await pagefind.close();
	}
	if (global) writeShardManifest(outDir);
	if (options.part) writeFileSync(join(outDir, PART_MARKER), `${JSON.stringify(options.part)}\n`);
	return figures;
}
