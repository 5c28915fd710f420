/**
 * Times the hidden-character reveal over every string of a catalogue (names, descriptions, schema keys and
 * values, server fields): it runs on every string of every page, so it must stay cheap on honest text.
 * `npx tsx scripts/bench-reveal.ts [--catalogue content/servers] [--runs 5]`
 */
import { parseArgs } from 'node:util';
import { loadCatalogue } from '../src/catalogue/load.ts';
import { countHidden, revealHidden, visibleText } from '../src/text/reveal.ts';

const { values } = parseArgs({
	options: { catalogue: { type: 'string', default: 'content/servers' }, runs: { type: 'string', default: '5' } },
});
const runs = Number(values.runs);
const strings: string[] = [];
const collect = (value: unknown): void => {
	if (typeof value === 'string') strings.push(value);
	else if (Array.isArray(value)) for (const v of value) collect(v);
	else if (value && typeof value === 'object')
		for (const [key, v] of Object.entries(value)) {
			strings.push(key);
			collect(v);
		}
};
for (const { server } of loadCatalogue(values.catalogue)) collect(server);
const chars = strings.reduce((n, s) => n + s.length, 0);
console.log(`${strings.length} strings, ${(chars / 1e6).toFixed(1)} M characters`);
for (const [label, fn] of [
	['revealHidden', revealHidden],
	['visibleText', visibleText],
	['countHidden', countHidden],
] as const) {
	for (const s of strings) fn(s);
	const started = performance.now();
	for (let r = 0; r < runs; r++) for (const s of strings) fn(s);
	console.log(`${label}: ${((performance.now() - started) / runs).toFixed(1)} ms a pass`);
}
