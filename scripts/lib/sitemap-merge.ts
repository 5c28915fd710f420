/**
 * Merges the sitemaps of a build's parts (`ATLAS_SHARD=i/n` with `ATLAS_SITE_URL` set) into one, the way
 * `@astrojs/sitemap` writes them: `sitemap-index.xml` naming chunks `sitemap-<n>.xml` of at most
 * `SITEMAP_ENTRY_LIMIT` URLs each. Part 1's URLs come first in its order, then each further part's new ones;
 * a URL two parts list (a page both render) is kept once. Our own build output, so the XML is read as text.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** `@astrojs/sitemap`'s default `entryLimit`: URLs per chunk file. */
export const SITEMAP_ENTRY_LIMIT = 45_000;
/** The sitemap's index file, as the integration names it. */
export const SITEMAP_INDEX = 'sitemap-index.xml';
/** Whether a site file (relative path) is part of the sitemap. */
export const isSitemapFile = (file: string) => file === SITEMAP_INDEX || /^sitemap-\d+\.xml$/.test(file);

const URL_ENTRY = /<url>[\s\S]*?<\/url>/g;
const LOC = /<loc>([^<]*)<\/loc>/;

/** One part's sitemap: its index text and its chunks' texts, in the index's order. */
export interface PartSitemap {
	index: string;
	chunks: string[];
}

/** Reads a built site's sitemap, or undefined when it has none; a chunk the index names must exist. */
export function readSitemap(dir: string): PartSitemap | undefined {
	const indexFile = join(dir, SITEMAP_INDEX);
	if (!existsSync(indexFile)) return undefined;
	const index = readFileSync(indexFile, 'utf8');
	const chunks = [...index.matchAll(new RegExp(LOC.source, 'g'))].map((m) => {
		const name = (m[1] as string).split('/').at(-1) as string;
		const file = join(dir, name);
		if (!existsSync(file)) throw new Error(`${indexFile} names ${name}, which is missing`);
		return readFileSync(file, 'utf8');
	});
	return { index, chunks };
}

/** The merged sitemap: file name → text, the index and every chunk. */
export function mergeSitemaps(parts: readonly PartSitemap[], limit = SITEMAP_ENTRY_LIMIT): Map<string, string> {
	const [first] = parts;
	if (!first || first.chunks.length === 0) throw new Error('the first part has no sitemap chunk to model the merge on');
	const seen = new Set<string>();
	const entries: string[] = [];
	for (const part of parts)
		for (const chunk of part.chunks)
			for (const entry of chunk.match(URL_ENTRY) ?? []) {
				const loc = LOC.exec(entry)?.[1];
				if (loc === undefined) throw new Error(`a sitemap entry without <loc>: ${entry.slice(0, 200)}`);
				if (seen.has(loc)) continue;
				seen.add(loc);
				entries.push(entry);
			}
	const model = first.chunks[0] as string;
	const open =
		model.indexOf('<url>') >= 0 ? model.slice(0, model.indexOf('<url>')) : model.replace(/<\/urlset>\s*$/, '');
	const files = new Map<string, string>();
	const names: string[] = [];
	for (let i = 0; i * limit < Math.max(entries.length, 1); i++) {
		const name = `sitemap-${i}.xml`;
		names.push(name);
		files.set(name, `${open}${entries.slice(i * limit, (i + 1) * limit).join('')}</urlset>`);
	}
	const firstLoc = /<sitemap>[\s\S]*?<loc>([^<]*)<\/loc>[\s\S]*?<\/sitemap>/.exec(first.index);
	if (!firstLoc) throw new Error(`the first part's ${SITEMAP_INDEX} names no chunk`);
	const prefix = (firstLoc[1] as string).slice(0, (firstLoc[1] as string).lastIndexOf('/') + 1);
	const indexOpen = first.index.slice(0, first.index.indexOf('<sitemap>'));
	files.set(
		SITEMAP_INDEX,
		`${indexOpen}${names.map((n) => `<sitemap><loc>${prefix}${n}</loc></sitemap>`).join('')}</sitemapindex>`,
	);
	return files;
}
