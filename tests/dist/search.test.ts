/**
 * What the index is for, on the bundled build, with Pagefind's own search API (Node): a tool's name finds it
 * first when no other tool bears that name, and its name, its server's name and a word of its description
 * together find it among the first three. A sample of tools spread over the catalogue, plain-text names only (hidden
 * characters are matched by other tests).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.ts';
import { BUILDS } from '../helpers/dist.ts';
import { combinedQuery, type SearchClient, sampleTools, searchClient } from '../helpers/search-sample.ts';

const SAMPLE = 24;
const build = BUILDS[0];
const sample = sampleTools(
	loadCatalogue(build.catalogue).map((s) => s.server),
	SAMPLE,
);

describe('search finds what people search for', () => {
	let client: SearchClient;
	beforeAll(async () => {
		client = await searchClient(build.dist);
	});
	afterAll(() => client.close());

	it('a unique name finds its tool first', async () => {
		const unique = sample.filter((t) => t.uniqueName);
		expect(unique.length).toBeGreaterThan(SAMPLE / 2);
		for (const t of unique) expect((await client.top(t.tool.name, 1))[0], t.tool.name).toBe(t.url);
	});

	// Among the first three, not first: a tool whose name extends this one's ("get-ai-config-variation" for
	// "get-ai-config … variations") matches the same words and can rightly lead.
	it('name, server and a description word together find the tool among the first three', async () => {
		for (const t of sample) {
			const query = combinedQuery(t);
			expect(await client.top(query, 3), query).toContain(t.url);
		}
	});
});
