/** Helpers for tests that read a finished build. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type HTMLElement, parse } from 'node-html-parser';
import { inject } from 'vitest';
import { listFiles } from '../../scripts/lib/list-files.ts';

/** The two builds `npm test` makes: the bundled catalogue and the hostile fixture catalogue. */
export const BUILDS = [
	{
		label: 'bundled',
		dist: process.env.ATLAS_DIST ?? 'dist',
		catalogue: process.env.ATLAS_CATALOGUE ?? 'content/servers',
	},
	{
		label: 'fixture',
		dist: process.env.ATLAS_FIXTURE_DIST ?? '.cache/fixture-dist',
		catalogue: process.env.ATLAS_FIXTURE_CATALOGUE ?? 'tests/fixtures/hostile/servers',
	},
] as const;

export { listFiles };

/**
 * What one dist test file reads of each page: a function from a parsed page to the compact facts its
 * checks need (undefined for a page it has nothing to say about). The dist tier's global setup parses every
 * page of a build once, runs every file's extractor on it and drops the DOM: a build of 10,000 pages does
 * not fit in memory parsed, and re-parsing it per check is what made this tier slow.
 */
export type PageExtractor<T> = (rel: string, root: HTMLElement) => T | undefined;

/** Parses one HTML page as the checks read it: no comments, script and style contents kept as raw text. */
export function parsePage(html: string): HTMLElement {
	return parse(html, { comment: false, blockTextElements: { script: true, noscript: true, style: true } });
}

/** The HTML pages of a build the checks walk (Pagefind's own UI pages excluded), sorted. */
export function htmlPages(dist: string): string[] {
	return listFiles(dist, (f) => f.endsWith('.html') && !f.startsWith('pagefind/'));
}

/** Where the global setup writes one extractor's facts for one build. */
export function factsFile(dir: string, label: string, name: string): string {
	return join(dir, `${label}-${name}.json`);
}

/**
 * The facts extractor `name` (see tests/dist/facts.ts) found on each page of `build`, by page path
 * relative to the build; pages it had nothing to say about are absent.
 */
export function readFacts<T>(build: { label: string; dist: string }, name: string): Map<string, T> {
	const file = factsFile(inject('distFacts'), build.label, name);
	if (!existsSync(file)) throw new Error(`no page facts of ${build.dist}: build it first (see scripts/run-tests.mjs)`);
	return new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, T>));
}

declare module 'vitest' {
	export interface ProvidedContext {
		/** Folder of the per-build page facts the dist tier's global setup extracted (tests/dist/setup.ts). */
		distFacts: string;
	}
}

/** URL path of an HTML file: `servers/x/index.html` → `/servers/x/`. */
export function urlOf(rel: string): string {
	return `/${rel.replace(/index\.html$/, '')}`;
}

/** The file a site URL path is served from, or undefined when nothing serves it. */
export function fileFor(dist: string, pathname: string): string | undefined {
	const clean = decodeURIComponent(pathname.replace(/^\//, ''));
	for (const candidate of [clean, join(clean, 'index.html'), `${clean.replace(/\/$/, '')}.html`]) {
		const full = join(dist, candidate);
		if (candidate && existsSync(full) && statSync(full).isFile()) return full;
	}
	if (clean === '') return existsSync(join(dist, 'index.html')) ? join(dist, 'index.html') : undefined;
	return undefined;
}
