/**
 * Generates a synthetic catalogue for benchmarks only (never bundled): N tools spread over servers of
 * 50 tools, with realistic names, descriptions and schemas, from a seeded PRNG so runs are comparable.
 *
 *   npm run synth -- [--tools 20000] [--out .bench/catalogue]
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';

const VERBS = [
	'get',
	'list',
	'search',
	'create',
	'update',
	'delete',
	'run',
	'execute',
	'send',
	'fetch',
	'archive',
	'move',
	'set',
	'add',
	'remove',
	'start',
	'stop',
	'export',
	'import',
	'refund',
	'transfer',
	'grant',
	'read',
	'write',
];
const NOUNS = [
	'issue',
	'repository',
	'file',
	'message',
	'user',
	'invoice',
	'label',
	'database',
	'query',
	'workflow',
	'container',
	'bucket',
	'comment',
	'page',
	'record',
	'email',
	'secret',
	'project',
	'payment',
	'channel',
	'snapshot',
	'deployment',
	'ticket',
	'document',
];
const PARAMS = [
	{ name: 'id', schema: { type: 'string', description: 'Identifier of the object.' } },
	{ name: 'query', schema: { type: 'string', description: 'Search terms.' } },
	{ name: 'url', schema: { type: 'string', format: 'uri', description: 'Address to fetch.' } },
	{ name: 'path', schema: { type: 'string', description: 'File path.' } },
	{ name: 'to', schema: { type: 'string', description: 'Recipient address.' } },
	{ name: 'amount', schema: { type: 'number', description: 'Amount in cents.' } },
	{ name: 'limit', schema: { type: 'integer', description: 'Maximum results.' } },
	{
		name: 'options',
		schema: {
			type: 'object',
			properties: { force: { type: 'boolean' }, tags: { type: 'array', items: { type: 'string' } } },
		},
	},
];

/** Mulberry32: small, fast, seeded. */
function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Writes the catalogue and returns the number of servers. */
export function writeSyntheticCatalogue(tools: number, out: string, perServer = 50): number {
	const random = prng(20261122);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
	rmSync(out, { recursive: true, force: true });
	mkdirSync(out, { recursive: true });
	const servers = Math.ceil(tools / perServer);
	for (let s = 0; s < servers; s++) {
		const slug = `synthetic-${String(s).padStart(5, '0')}`;
		const count = Math.min(perServer, tools - s * perServer);
		const names = new Set<string>();
		const list = [];
		while (list.length < count) {
			const verb = pick(VERBS);
			const noun = pick(NOUNS);
			const base = `${verb}_${noun}`;
			const name: string = names.has(base) ? `${base}_${list.length}` : base;
			names.add(name);
			const params = PARAMS.filter(() => random() < 0.3);
			list.push({
				name,
				description: `${verb[0]?.toUpperCase()}${verb.slice(1)} a ${noun} in the synthetic service ${s}. Returns the ${noun} as JSON. Use with care in production workspaces.`,
				inputSchema: {
					type: 'object',
					properties: Object.fromEntries(params.map((p) => [p.name, p.schema])),
					required: params.slice(0, 1).map((p) => p.name),
				},
				...(random() < 0.4
					? {
							annotations: {
								readOnlyHint: ['get', 'list', 'search', 'read', 'fetch'].includes(verb),
								destructiveHint: ['delete', 'remove', 'stop'].includes(verb),
							},
						}
					: {}),
			});
		}
		const doc = {
			slug,
			name: `Synthetic Server ${s}`,
			description: 'Generated for benchmarks.',
			source: { repositoryRef: `synthetic/server-${s}` },
			catalogued: { date: '2026-11-22', method: 'manual', via: 'scripts/synthetic-catalogue.ts' },
			tools: list,
		};
		writeFileSync(join(out, `${slug}.yaml`), stringify(doc));
	}
	return servers;
}

if (import.meta.main ?? process.argv[1]?.endsWith('synthetic-catalogue.ts')) {
	const { values } = parseArgs({
		options: { tools: { type: 'string', default: '20000' }, out: { type: 'string', default: '.bench/catalogue' } },
	});
	const n = Number(values.tools);
	if (!Number.isInteger(n) || n < 1) throw new Error(`--tools must be a positive integer (got ${values.tools})`);
	const servers = writeSyntheticCatalogue(n, values.out);
	console.log(`wrote ${n} tools in ${servers} servers to ${values.out}`);
}
