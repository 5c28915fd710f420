/**
 * What the index is for, on the bundled build, with Pagefind's own search API (Node): a tool's name finds it
 * first when no other tool bears that name, and its name, its server's name and a word of its description
 * together find it among the first three. A sample of tools spread over the catalogue, plain-text names only (hidden
 * characters are matched by other tests).
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.ts';
import { toolSlugs } from '../../src/catalogue/slug.ts';
import { urls } from '../../src/site/urls.ts';
import { BUILDS } from '../helpers/dist.ts';
import { serve } from '../helpers/serve.ts';

const SAMPLE = 24;
const PLAIN = /^[\x21-\x7e]+$/;
/** A word of six or more Latin letters standing alone (not glued to other letters, as in CJK text). */
const WORD = /(?<![\p{L}\p{N}_])[a-z]{6,}(?![\p{L}\p{N}_])/giu;

interface Pagefind {
	options: (o: object) => Promise<void>;
	search: (q: string) => Promise<{ results: { data: () => Promise<{ url: string }> }[] }>;
}

const build = BUILDS[0];
const servers = loadCatalogue(build.catalogue).map((s) => s.server);
const all = servers.flatMap((server) => {
	const slugs = toolSlugs(server.tools.map((t) => t.name));
	return server.tools.map((tool) => ({ server, tool, url: urls.tool(server.slug, slugs.get(tool.name) as string) }));
});
const nameCount = new Map<string, number>();
for (const t of all) nameCount.set(t.tool.name, (nameCount.get(t.tool.name) ?? 0) + 1);
const candidates = all.filter(
	(t) => PLAIN.test(t.tool.name) && PLAIN.test(t.server.name) && (t.tool.description ?? '').match(WORD) !== null,
);
const sample = Array.from(
	{ length: SAMPLE },
	(_, i) => candidates[Math.floor((i * candidates.length) / SAMPLE)],
).filter((t) => t !== undefined);

describe('search finds what people search for', () => {
	let close: () => Promise<void> = async () => {};
	let pagefind: Pagefind;
	beforeAll(async () => {
		const served = await serve(build.dist);
		close = served.close;
		pagefind = await import(pathToFileURL(resolve(build.dist, 'pagefind', 'pagefind.js')).href);
		await pagefind.options({ basePath: `${served.url}${urls.pagefind}`, baseUrl: '/' });
	});
	afterAll(() => close());

	const first = async (query: string) => (await (await pagefind.search(query)).results[0]?.data())?.url;

	it('a unique name finds its tool first', async () => {
		const unique = sample.filter((t) => nameCount.get(t.tool.name) === 1);
		expect(unique.length).toBeGreaterThan(SAMPLE / 2);
		for (const t of unique) expect(await first(t.tool.name), t.tool.name).toBe(t.url);
	});

	/** The first `n` results' URLs. */
	const top = async (query: string, n: number) =>
		Promise.all((await pagefind.search(query)).results.slice(0, n).map(async (r) => (await r.data()).url));

	// Among the first three, not first: a tool whose name extends this one's ("get-ai-config-variation" for
	// "get-ai-config … variations") matches the same words and can rightly lead.
	it('name, server and a description word together find the tool among the first three', async () => {
		for (const t of sample) {
			// The description's longest word: the most specific one, deterministic.
			const word = [...(t.tool.description ?? '').matchAll(WORD)]
				.map((m) => m[0])
				.sort((a, b) => b.length - a.length || a.localeCompare(b))[0];
			// The server's name as words: "@scope/some-server" is indexed as "scope", "some", "server".
			const server = t.server.name
				.split(/[^a-z0-9]+/i)
				.filter(Boolean)
				.join(' ');
			const query = `${t.tool.name} ${server} ${word}`;
			expect(await top(query, 3), query).toContain(t.url);
		}
	});
});
