/**
 * The one schema walk: what counts as a parameter, its paths and depth, and each consumer's caps. The
 * classifier and the page's parameter table must agree on the parameters within the table's caps.
 */
import { describe, expect, it } from 'vitest';
import { walkParams } from '../../src/classify/params.ts';
import { MAX_SCHEMA_NESTING, schemaProperties, walkSchema } from '../../src/schema/walk.ts';
import { schemaRows } from '../../src/site/schema-rows.ts';
import { nestedSchema } from '../helpers/definitions.ts';

const INNERMOST = { type: 'string', description: 'innermost' };

const SCHEMA = {
	type: 'object',
	required: ['target'],
	properties: {
		target: {
			anyOf: [
				{ type: 'object', required: ['url'], properties: { url: { type: 'string' } } },
				{ type: 'object', properties: { path: { type: 'string' } } },
			],
		},
		items: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' } } } },
		pair: { type: 'array', items: [{ type: 'object', properties: { first: { type: 'string' } } }] },
		headers: { type: 'object', additionalProperties: { type: 'object', properties: { value: { type: 'string' } } } },
		flag: true,
	},
	$defs: { hidden: { type: 'object', properties: { secret: { type: 'string' } } } },
};

describe('walkSchema', () => {
	it('finds parameters through branches, items, tuples and additionalProperties, not $defs', () => {
		expect(schemaProperties(SCHEMA, { root: 'inputSchema' }).map((p) => [p.path, p.label, p.depth])).toEqual([
			['inputSchema.properties.flag', 'flag', 1],
			['inputSchema.properties.headers', 'headers', 1],
			['inputSchema.properties.headers.additionalProperties.properties.value', 'headers.*.value', 2],
			['inputSchema.properties.items', 'items', 1],
			['inputSchema.properties.items.items.properties.id', 'items[].id', 2],
			['inputSchema.properties.pair', 'pair', 1],
			['inputSchema.properties.pair.items[0].properties.first', 'pair[0].first', 2],
			['inputSchema.properties.target', 'target', 1],
			['inputSchema.properties.target.anyOf[0].properties.url', 'target.url', 2],
			['inputSchema.properties.target.anyOf[1].properties.path', 'target.path', 2],
		]);
	});

	it('keeps declared order when asked, and stops at maxDepth and when the visitor says so', () => {
		expect(schemaProperties(SCHEMA, { order: 'declared', maxDepth: 1 }).map((p) => p.name)).toEqual([
			'target',
			'items',
			'pair',
			'headers',
			'flag',
		]);
		const seen: string[] = [];
		walkSchema(SCHEMA, {
			property(p) {
				seen.push(p.name);
				return seen.length < 2;
			},
		});
		expect(seen).toEqual(['flag', 'headers']);
	});

	it('reads every string and every properties key in the every-key walk, $defs included', () => {
		const strings: string[] = [];
		const names = schemaProperties(SCHEMA, { scope: 'every key' }).map((p) => p.name);
		walkSchema(SCHEMA, { string: (s) => void strings.push(s) }, { scope: 'every key' });
		expect(names).toContain('secret');
		expect(strings).toContain('target');
		expect(strings).toContain('object');
	});

	it('refuses nodes past maxNesting, says where, and walks a cycle once', () => {
		const cyclic: Record<string, unknown> = { type: 'object', properties: {} };
		(cyclic.properties as Record<string, unknown>).self = cyclic;
		expect(schemaProperties(cyclic).map((p) => p.path)).toEqual(['.properties.self']);
		const deep = { properties: { a: { properties: { b: { properties: { c: {} } } } } } };
		const cut: string[] = [];
		const names: string[] = [];
		walkSchema(
			deep,
			{ property: (p) => void names.push(p.name), limit: (path) => void cut.push(path) },
			{ maxNesting: 4 },
		);
		// `a` sits at nesting 2 and its keywords at 3; `b`'s keywords would be at 5.
		expect(names).toEqual(['a']);
		expect(cut).toEqual(['.properties.a.properties.b']);
		const strings: string[] = [];
		walkSchema(
			{ a: { b: 'read', c: { d: 'unread' } } },
			{ string: (s) => void strings.push(s), limit: (path) => void cut.push(path) },
			{ scope: 'every key', maxNesting: 2 },
		);
		expect(strings).toEqual(['read']);
		expect(cut.at(-1)).toBe('.a.c.d');
	});
});

describe('the classifier and the page table agree on parameters', () => {
	it('shows a parameter under anyOf that the classifier reads', () => {
		const params = walkParams(SCHEMA).map((p) => p.path);
		expect(params).toContain('inputSchema.properties.target.anyOf[0].properties.url');
		const rows = schemaRows(SCHEMA);
		expect(rows.find((r) => r.path === 'target.url')).toEqual({
			path: 'target.url',
			type: 'string',
			required: true,
			notes: [],
			depth: 1,
		});
		expect(rows.find((r) => r.path === 'target.path')?.required).toBe(false);
	});

	it('lists, within the table caps, exactly the parameters the classifier walks', () => {
		const labels = new Map(schemaProperties(SCHEMA, { root: 'inputSchema' }).map((p) => [p.path, p.label]));
		const fromParams = walkParams(SCHEMA).map((p) => labels.get(p.path));
		// walkParams skips the boolean schema `flag: true`, which says nothing a rule reads.
		const fromRows = schemaRows(SCHEMA).map((r) => r.path);
		expect(fromRows.filter((r) => r !== 'flag').sort()).toEqual([...fromParams].sort());
	});

	it('keeps the table caps: as deep as every reader goes, every row unless a cap is asked for', () => {
		expect(schemaRows(nestedSchema(12, INNERMOST)).map((r) => r.depth)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
		expect(schemaRows(nestedSchema(12, INNERMOST), 2).map((r) => r.depth)).toEqual([0, 1, 2]);
		const wide = { properties: Object.fromEntries(Array.from({ length: 250 }, (_, i) => [`p${i}`, {}])) };
		expect(schemaRows(wide)).toHaveLength(250);
		expect(schemaRows(wide, MAX_SCHEMA_NESTING, 200)).toHaveLength(200);
	});
});

describe('every reader stops where the integrity scan stops', () => {
	/** Schemas around the nesting limit, through properties, items, branches and additionalProperties. */
	const shapes: [string, (n: number) => Record<string, unknown>][] = [
		['properties', (n) => nestedSchema(n, INNERMOST)],
		['items', (n) => nestedSchema(n, INNERMOST, (inner) => ({ type: 'array', items: inner }))],
		[
			'anyOf',
			(n) =>
				nestedSchema(n, INNERMOST, (inner, i) => ({ anyOf: [{ type: 'null' }, i % 2 ? inner : { allOf: [inner] }] })),
		],
		[
			'additionalProperties',
			(n) => nestedSchema(n, INNERMOST, (inner) => ({ type: 'object', additionalProperties: inner })),
		],
	];

	it('reads in the table and the classifier only text the scan read, and stops only where the scan stops', () => {
		for (const [shape, build] of shapes) {
			const outcomes = new Set<boolean>();
			for (let n = 30; n <= 110; n++) {
				const schema = build(n);
				const read = new Set<string>();
				const scanCuts: string[] = [];
				walkSchema(
					schema,
					{
						string: (s) => void read.add(s),
						property: (p) => void read.add(p.name),
						limit: (p) => void scanCuts.push(p),
					},
					{ scope: 'every key', maxNesting: MAX_SCHEMA_NESTING },
				);
				const shown = schemaRows(schema);
				for (const row of shown) {
					expect(read.has(row.path.split('.').at(-1)?.replace(/\W.*$/, '') ?? ''), `${shape} ${n} ${row.path}`).toBe(
						true,
					);
					if (row.description !== undefined) expect(read.has(row.description), `${shape} ${n}`).toBe(true);
				}
				const readerCuts: string[] = [];
				walkSchema(schema, { limit: (p) => void readerCuts.push(p) }, { maxNesting: MAX_SCHEMA_NESTING });
				for (const cut of readerCuts)
					expect(
						scanCuts.some((s) => cut.startsWith(s) || s.startsWith(`${cut}.`)),
						`${shape} ${n}: ${cut}`,
					).toBe(true);
				// Nothing cut: the table shows the deepest parameter.
				if (scanCuts.length === 0) expect(shown.at(-1)?.path.endsWith(`level${n - 1}`), `${shape} ${n}`).toBe(true);
				outcomes.add(scanCuts.length > 0);
			}
			// The sizes tried straddle the limit.
			expect([...outcomes].sort(), shape).toEqual([false, true]);
		}
	});
});
