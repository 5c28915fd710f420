/**
 * What "search finds the tool" means, shared by the dist test (bundled build) and `npm run bench:search-quality`
 * (any build, 100,000 synthetic tools included): a sample of tools spread over a catalogue, the queries people
 * type for them, and Pagefind's own search API loaded from a served build.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ServerFile, Tool } from '../../src/catalogue/schema.ts';
import { toolSlugs } from '../../src/catalogue/slug.ts';
import { urls } from '../../src/site/urls.ts';
import { serve } from './serve.ts';

const PLAIN = /^[\x21-\x7e]+$/;
/** Server names with spaces ("Synthetic Server 7"), admitted where asked: the query splits names into words anyway. */
const PLAIN_SPACED = /^[\x20-\x7e]+$/;
/** A word of six or more Latin letters standing alone (not glued to other letters, as in CJK text). */
const WORD = /(?<![\p{L}\p{N}_])[a-z]{6,}(?![\p{L}\p{N}_])/giu;

/** One sampled tool: its records, its page's URL and whether no other tool of the catalogue bears its name. */
export interface SampledTool {
	server: ServerFile;
	tool: Tool;
	url: string;
	uniqueName: boolean;
}

/**
 * `size` tools spread evenly over the catalogue, among those with plain-text tool and server names and a
 * description word to search for (hidden characters are matched by other tests). The dist test's sample
 * keeps the server names it always had (no spaces); the bench admits spaces, which synthetic servers have.
 */
export function sampleTools(servers: readonly ServerFile[], size: number, spacedServerNames = false): SampledTool[] {
	const serverName = spacedServerNames ? PLAIN_SPACED : PLAIN;
	const all = servers.flatMap((server) => {
		const slugs = toolSlugs(server.tools.map((t) => t.name));
		return server.tools.map((tool) => ({ server, tool, url: urls.tool(server.slug, slugs.get(tool.name) as string) }));
	});
	const nameCount = new Map<string, number>();
	for (const t of all) nameCount.set(t.tool.name, (nameCount.get(t.tool.name) ?? 0) + 1);
	const candidates = all.filter(
		(t) => PLAIN.test(t.tool.name) && serverName.test(t.server.name) && (t.tool.description ?? '').match(WORD) !== null,
	);
	return Array.from({ length: size }, (_, i) => candidates[Math.floor((i * candidates.length) / size)])
		.filter((t) => t !== undefined)
		.map((t) => ({ ...t, uniqueName: nameCount.get(t.tool.name) === 1 }));
}

/** Name, server and the description's longest word (the most specific one, deterministic), as one query. */
export function combinedQuery(t: SampledTool): string {
	const word = [...(t.tool.description ?? '').matchAll(WORD)]
		.map((m) => m[0])
		.sort((a, b) => b.length - a.length || a.localeCompare(b))[0];
	// The server's name as words: "@scope/some-server" is indexed as "scope", "some", "server".
	const server = t.server.name
		.split(/[^a-z0-9]+/i)
		.filter(Boolean)
		.join(' ');
	return `${t.tool.name} ${server} ${word}`;
}

/** Pagefind's search API on a served build: the first `n` result URLs of a query. */
export interface SearchClient {
	top: (query: string, n: number) => Promise<string[]>;
	close: () => Promise<void>;
}

/** Serves `dist` and loads its Pagefind bundle in Node (one bundle; sharded indexes are merged by the page). */
export async function searchClient(dist: string): Promise<SearchClient> {
	const served = await serve(dist);
	const pagefind = await import(pathToFileURL(resolve(dist, 'pagefind', 'pagefind.js')).href);
	await pagefind.options({ basePath: `${served.url}${urls.pagefind}`, baseUrl: '/' });
	return {
		top: async (query, n) =>
			Promise.all(
				(await pagefind.search(query)).results
					.slice(0, n)
					.map(async (r: { data: () => Promise<{ url: string }> }) => (await r.data()).url),
			),
		close: served.close,
	};
}
