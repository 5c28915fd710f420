/**
 * The one schema walk: what counts as a parameter, its paths and depth, and each consumer's caps. The
 * classifier and the page's parameter table must agree on the parameters within the table's caps.
 */
import { describe, expect, it } from 'vitest';
import { walkParams } from '../../src/classify/params.ts';
import { schemaProperties, walkSchema } from '../../src/schema/walk.ts';
import { deeperParameters, schemaRows } from '../../src/site/schema-rows.ts';

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

	it('refuses nodes past maxNesting and walks a cycle once', () => {
		const cyclic: Record<string, unknown> = { type: 'object', properties: {} };
		(cyclic.properties as Record<string, unknown>).self = cyclic;
		expect(schemaProperties(cyclic).map((p) => p.path)).toEqual(['.properties.self']);
		const deep = { properties: { a: { properties: { b: { properties: { c: {} } } } } } };
		expect(schemaProperties(deep, { maxNesting: 1 }).map((p) => p.name)).toEqual(['a', 'b']);
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

	it('keeps the table caps: depth 4 below the top, every row unless a cap is asked for', () => {
		let deep: Record<string, unknown> = { type: 'string' };
		for (let i = 7; i >= 0; i--) deep = { type: 'object', properties: { [`l${i}`]: deep } };
		expect(schemaRows(deep).map((r) => r.depth)).toEqual([0, 1, 2, 3, 4]);
		expect(deeperParameters(deep)).toBe(3);
		expect(deeperParameters(deep, 6)).toBe(1);
		const wide = { properties: Object.fromEntries(Array.from({ length: 250 }, (_, i) => [`p${i}`, {}])) };
		expect(schemaRows(wide)).toHaveLength(250);
		expect(schemaRows(wide, 4, 200)).toHaveLength(200);
	});
});
