/** Helpers for tests that read a finished build. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { type HTMLElement, parse } from 'node-html-parser';

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

/** Every file under `dir`, as paths relative to it with forward slashes. */
export function listFiles(dir: string, filter: (rel: string) => boolean = () => true): string[] {
	const out: string[] = [];
	const walk = (d: string) => {
		for (const name of readdirSync(d)) {
			const full = join(d, name);
			if (statSync(full).isDirectory()) walk(full);
			else {
				const rel = relative(dir, full).split(sep).join('/');
				if (filter(rel)) out.push(rel);
			}
		}
	};
	walk(dir);
	return out.sort();
}

/** Parsed pages, most recently used last; bounded, since a build of 10,000 pages does not fit in memory parsed. */
const cache = new Map<string, HTMLElement>();
const CACHE_SIZE = 500;
/** Parses an HTML file of the build (memoised for the most recently used pages). */
export function page(dist: string, rel: string): HTMLElement {
	const key = join(dist, rel);
	let root = cache.get(key);
	if (root) {
		cache.delete(key);
	} else {
		root = parse(readFileSync(key, 'utf8'), {
			comment: false,
			blockTextElements: { script: true, noscript: true, style: true },
		});
		if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
	}
	cache.set(key, root);
	return root;
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
