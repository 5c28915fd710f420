/**
 * Classifier throughput on one core, on two corpora of N tools each, classified one after another in
 * this process:
 * - the catalogue's real definitions (heavy-tailed: most are 1-2 KB, a few over 50 KB), replicated
 *   under varied names (snake, kebab, camel and dotted spellings with a suffix, on varied slugs);
 * - the small synthetic definitions of `scripts/synthetic-catalogue.ts`, replicated the same way.
 * Prints wall and CPU time and tools per second. Speed targets live here, not in unit tests, where
 * timing would make them flaky.
 *
 *   npm run bench:classify -- [--tools 100000] [--catalogue content/servers]
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CATALOGUE_FILE, parseServerFile } from '../src/catalogue/load.ts';
import type { Tool } from '../src/catalogue/schema.ts';
import { classify, type ServerRef } from '../src/classify/index.ts';
import { writeSyntheticCatalogue } from './synthetic-catalogue.ts';

/** The target: 100,000 tools well under 10 seconds. */
const TARGET_SECONDS = 10;
const TARGET_TOOLS = 100_000;
const WORD_BREAK = /[_\-.\s]+/;
const CAMEL_BREAK = /[_\-.\s]+(\w)/g;

const { values } = parseArgs({
	options: {
		tools: { type: 'string', default: String(TARGET_TOOLS) },
		catalogue: { type: 'string', default: 'content/servers' },
	},
});
const total = Number(values.tools);
if (!Number.isInteger(total) || total < 1) throw new Error(`--tools must be a positive integer (got ${values.tools})`);

function loadDefinitions(dir: string): { server: ServerRef; tool: Tool }[] {
	const out: { server: ServerRef; tool: Tool }[] = [];
	for (const name of readdirSync(dir)
		.filter((n) => CATALOGUE_FILE.test(n))
		.sort()) {
		const { server } = parseServerFile(join(dir, name), readFileSync(join(dir, name), 'utf8'));
		if (server) for (const tool of server.tools) out.push({ server: { slug: server.slug, name: server.name }, tool });
	}
	return out;
}

/** The k-th spelling of a name: the tokenizer must cope with every style real servers use. */
function respell(name: string, k: number): string {
	const suffix = (k >> 2).toString(36);
	switch (k & 3) {
		case 0:
			return `${name}_${suffix}`;
		case 1:
			return `${name.split(WORD_BREAK).join('-')}-${suffix}`;
		case 2:
			return `${name.replace(CAMEL_BREAK, (_, c: string) => c.toUpperCase())}V${suffix}`;
		default:
			return `svc${suffix}.${name.split(WORD_BREAK).join('.')}`;
	}
}

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });

/** Replicates `definitions` to `total` tools, classifies them all, and prints the figures. */
function run(label: string, definitions: readonly { server: ServerRef; tool: Tool }[]): void {
	if (definitions.length === 0) throw new Error(`no definitions for ${label}`);
	const inputs = Array.from({ length: total }, (_, i) => {
		const { server, tool } = definitions[i % definitions.length] as { server: ServerRef; tool: Tool };
		const copy = Math.floor(i / definitions.length);
		return {
			server: copy === 0 ? server : { slug: `${server.slug}-${copy}`, name: server.name },
			tool: copy === 0 ? tool : { ...tool, name: respell(tool.name, copy) },
		};
	});
	// Warm the JIT and the lexicon on the first definitions, untimed.
	for (const { server, tool } of inputs.slice(0, Math.min(2_000, inputs.length))) classify(tool, server);
	let evidence = 0;
	const cpu = process.cpuUsage();
	const started = performance.now();
	for (const { server, tool } of inputs) evidence += classify(tool, server).evidence.length;
	const seconds = (performance.now() - started) / 1000;
	const used = process.cpuUsage(cpu);
	const cpuSeconds = (used.user + used.system) / 1e6;
	const scaled = (seconds / total) * TARGET_TOOLS;
	console.log(`${label}: ${fmt(total)} tools from ${fmt(definitions.length)} definitions, respelled`);
	console.log(`  time        ${seconds.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU`);
	console.log(
		`  rate        ${fmt(total / seconds)} tools/s (${((1e6 * seconds) / total).toFixed(1)} µs per tool, ${fmt(evidence)} evidence records)`,
	);
	console.log(
		`  target      ${fmt(TARGET_TOOLS)} tools under ${TARGET_SECONDS} s: ${scaled < TARGET_SECONDS ? 'met' : 'NOT met'} (${scaled.toFixed(2)} s at this rate)`,
	);
}

console.log(`classify benchmark, one core, Node ${process.version}`);
run('catalogue definitions', loadDefinitions(resolve(values.catalogue)));
const synthetic = mkdtempSync(join(tmpdir(), 'atlas-bench-classify-'));
try {
	writeSyntheticCatalogue(2_000, synthetic);
	run('synthetic definitions (scripts/synthetic-catalogue.ts)', loadDefinitions(synthetic));
} finally {
	rmSync(synthetic, { recursive: true, force: true });
}
