/**
 * Search quality on a finished build of any size, with Pagefind's own search API in Node: for a sample of
 * tools spread over the catalogue, does the tool's unique name find it first, and do its name, server and a
 * description word find it first and among the first three. Prints counts and query times; never a
 * pass/fail (the dist tier asserts the same on the bundled build).
 *
 *   npm run bench -- --tools 100000 && npm run bench:search-quality
 *   ATLAS_DIST=dist ATLAS_CATALOGUE=content/servers npm run bench:search-quality -- --sample 100
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCatalogue } from '../src/catalogue/load.ts';
import { combinedQuery, sampleTools, searchClient } from '../tests/helpers/search-sample.ts';

const { values } = parseArgs({ options: { sample: { type: 'string', default: '200' } } });
const dist = resolve(process.env.ATLAS_DIST ?? '.bench/dist');
const catalogue = resolve(process.env.ATLAS_CATALOGUE ?? '.bench/catalogue');
const servers = loadCatalogue(catalogue).map((s) => s.server);
const sample = sampleTools(servers, Number(values.sample), true);
const client = await searchClient(dist);

const times: number[] = [];
/** The first three results of a query, timed. */
async function top3(query: string): Promise<string[]> {
	const start = performance.now();
	const urls = await client.top(query, 3);
	times.push(performance.now() - start);
	return urls;
}

const unique = sample.filter((t) => t.uniqueName);
let nameFirst = 0;
const misses: string[] = [];
for (const t of unique) {
	const first = (await top3(t.tool.name))[0];
	if (first === t.url) nameFirst++;
	else misses.push(`${t.tool.name} (first: ${first ?? 'nothing'})`);
}
let combinedFirst = 0;
let combinedTop3 = 0;
for (const t of sample) {
	const query = combinedQuery(t);
	const urls = await top3(query);
	if (urls[0] === t.url) combinedFirst++;
	if (urls.includes(t.url)) combinedTop3++;
	else misses.push(`${query} (not in the first three)`);
}
await client.close();

times.sort((a, b) => a - b);
const tools = servers.reduce((n, s) => n + s.tools.length, 0);
const pct = (n: number, of: number) => `${n}/${of} (${((100 * n) / Math.max(1, of)).toFixed(1)}%)`;
console.log(`search quality: ${dist}, ${tools} tools, sample of ${sample.length}`);
console.log(`  unique name, tool first:                   ${pct(nameFirst, unique.length)}`);
console.log(`  name + server + description word, first:   ${pct(combinedFirst, sample.length)}`);
console.log(`  name + server + description word, top 3:   ${pct(combinedTop3, sample.length)}`);
console.log(
	`  query time (Node, warm after the first): median ${times[Math.floor(times.length / 2)]?.toFixed(0)} ms, ` +
		`p90 ${times[Math.floor(times.length * 0.9)]?.toFixed(0)} ms`,
);
for (const m of misses.slice(0, 10)) console.log(`  missed: ${m}`);
