/**
 * Assembles the parts of a build split by server (`ATLAS_SHARD=i/n npm run build`, one per machine) into one
 * site: part 1 as it is (the pages made from the whole catalogue, its servers, the main search bundle), then
 * each other part's servers (pages, policy files, API files) and search bundles. Every other file a part
 * holds (the home page, assets…) must be byte for byte part 1's: parts built from different inputs fail the
 * merge instead of mixing. Finally the parts' sitemaps are merged (with `ATLAS_SITE_URL`) and the search page's
 * list of bundles is written. See docs/sharding.md.
 *
 *   npm run merge-shards -- part-1 part-2 part-3 --out dist
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isInside } from '../src/integrations/publish.ts';
import { PART_MARKER, writeShardManifest } from '../src/integrations/search-index.ts';
import type { Part } from '../src/site/parts.ts';
import { urls } from '../src/site/urls.ts';
import { listFiles } from './lib/list-files.ts';
import { isSitemapFile, mergeSitemaps, readSitemap } from './lib/sitemap-merge.ts';

/** The folders and files (relative, forward slashes) only the part that owns a server holds. */
const OWN = [/^servers\/[^/]+\//, /^api\/v1\/servers\/[^/]+\.json$/, new RegExp(`^${urls.pagefindShards.slice(1)}`)];

/** Which part of how many a part's folder holds (its marker), checked. */
function readPart(dir: string): Part {
	const marker = join(dir, PART_MARKER);
	if (!existsSync(marker))
		throw new Error(`${dir} is not a part of a split build (no ${PART_MARKER}): build it with ATLAS_SHARD=i/n`);
	return JSON.parse(readFileSync(marker, 'utf8')) as Part;
}

/** Merges the parts into `out` (emptied first); returns how many files came from each part. */
export function mergeShards(partDirs: readonly string[], out: string): number[] {
	const parts = partDirs
		.map((dir) => ({ dir: resolve(dir), ...readPart(resolve(dir)) }))
		.sort((a, b) => a.index - b.index);
	const count = parts.length;
	parts.forEach((p, i) => {
		if (p.count !== count || p.index !== i + 1)
			throw new Error(
				`expected parts 1/${count} … ${count}/${count}; got ${parts.map((q) => `${q.index}/${q.count}`).join(', ')}`,
			);
	});
	if (isInside(out, process.cwd()))
		throw new Error(`--out ${out} contains the working directory: refusing to empty it`);
	rmSync(out, { recursive: true, force: true });
	mkdirSync(out, { recursive: true });
	const [first, ...rest] = parts as [(typeof parts)[number], ...typeof parts];
	const sitemaps = parts.map((p) => readSitemap(p.dir));
	if (sitemaps.some((s) => s === undefined) && sitemaps.some((s) => s !== undefined))
		throw new Error('some parts have a sitemap and some do not: build every part with the same ATLAS_SITE_URL');
	const copied = [0];
	for (const file of listFiles(first.dir)) {
		if (file === PART_MARKER || isSitemapFile(file)) continue;
		mkdirSync(join(out, file, '..'), { recursive: true });
		cpSync(join(first.dir, file), join(out, file));
		(copied[0] as number)++;
	}
	for (const part of rest) {
		let own = 0;
		for (const file of listFiles(part.dir)) {
			if (file === PART_MARKER || isSitemapFile(file)) continue;
			const target = join(out, file);
			if (OWN.some((re) => re.test(file))) {
				if (existsSync(target)) throw new Error(`${file} is in part ${part.index} and an earlier part`);
				mkdirSync(join(target, '..'), { recursive: true });
				cpSync(join(part.dir, file), target);
				own++;
			} else if (!existsSync(target) || !readFileSync(target).equals(readFileSync(join(part.dir, file)))) {
				throw new Error(
					`${file} of part ${part.index} differs from part 1's: were the parts built from the same inputs?`,
				);
			}
		}
		copied.push(own);
	}
	// Each part's sitemap lists the pages it rendered: the site's is their union.
	if (sitemaps[0])
		for (const [name, text] of mergeSitemaps(sitemaps as NonNullable<(typeof sitemaps)[number]>[]))
			writeFileSync(join(out, name), text);
	writeShardManifest(out);
	return copied;
}

const { values, positionals } = parseArgs({ options: { out: { type: 'string' } }, allowPositionals: true });
if (!values.out || positionals.length === 0) {
	console.error('usage: npm run merge-shards -- <part folder>... --out <site folder>');
	process.exit(2);
}
const copied = mergeShards(positionals, resolve(values.out));
console.log(`Merged ${copied.length} parts into ${resolve(values.out)}: ${copied.join(' + ')} files`);
