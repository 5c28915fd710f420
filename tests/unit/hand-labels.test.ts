/** Hand labels for the destructive measure: the file format, its errors, and the scoring (the bundled file: tests/catalogue). */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { Tool } from '../../src/catalogue/schema.ts';
import { measureHandLabels, parseHandLabels } from '../../src/evaluation/hand-labels.ts';

const SERVER = { slug: 'demo', name: 'Demo' };
const head = { question: 'May it perform destructive updates?', method: 'By hand.', labelled: '2026-12-02' };
const tool = (name: string, description: string, annotations?: Tool['annotations']): Tool => ({
	name,
	description,
	inputSchema: { type: 'object' },
	...(annotations ? { annotations } : {}),
});

describe('parseHandLabels', () => {
	it('reads a valid file', () => {
		const { labels, problems } = parseHandLabels(
			'l.yaml',
			stringify({ ...head, labels: [{ server: 'demo', tool: 'delete_item', destructive: true, reason: 'Deletes.' }] }),
		);
		expect(problems).toEqual([]);
		expect(labels?.labels).toHaveLength(1);
	});

	it('names the file, the label and the field of every problem', () => {
		const text = stringify({
			...head,
			labels: [
				{ server: 'demo', tool: 'a', destructive: 'yes', reason: 'x' },
				{ server: 'demo', tool: 'b', destructive: true },
			],
		});
		const { labels, problems } = parseHandLabels('l.yaml', text);
		expect(labels).toBeUndefined();
		expect(problems).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ file: 'l.yaml', entry: 'labels[0]', field: 'destructive' }),
				expect.objectContaining({ file: 'l.yaml', entry: 'labels[1]', field: 'reason' }),
			]),
		);
		expect(parseHandLabels('l.yaml', 'labels: [').problems[0]).toMatchObject({
			entry: 'file',
			message: expect.stringMatching(/invalid YAML/),
		});
	});

	it('rejects a tool labelled twice', () => {
		const twice = { server: 'demo', tool: 'a', destructive: true, reason: 'x' };
		expect(parseHandLabels('l.yaml', stringify({ ...head, labels: [twice, twice] })).problems).toEqual([
			expect.objectContaining({ entry: 'labels[1]', field: 'tool' }),
		]);
	});
});

describe('measureHandLabels', () => {
	it('scores the rules with annotations withheld and the authors on what they declared, and reports labels it cannot find', () => {
		const tools = [
			// The author calls an update additive; the hand label and the rules say it may destroy.
			tool('update_item', 'Update an item.', { readOnlyHint: false, destructiveHint: false }),
			tool('create_item', 'Create an item.', { readOnlyHint: false, destructiveHint: false }),
			// A read-only claim answers the destructive question too: no.
			tool('list_items', 'List items.', { readOnlyHint: true }),
			tool('archive_item', 'Archive an item.'),
		].map((t) => ({ server: SERVER, tool: t }));
		const labels = [
			{ server: 'demo', tool: 'update_item', destructive: true, reason: 'Overwrites fields.' },
			{ server: 'demo', tool: 'create_item', destructive: false, reason: 'Only adds.' },
			{ server: 'demo', tool: 'list_items', destructive: false, reason: 'Reads.' },
			{ server: 'demo', tool: 'archive_item', destructive: false, reason: 'Reversible.' },
			{ server: 'demo', tool: 'gone', destructive: true, reason: 'x' },
		];
		const r = measureHandLabels(labels, tools);
		expect(r).toMatchObject({
			measured: 4,
			destructive: 1,
			rules: { measured: 4, agreed: 3 },
			authors: { measured: 3, agreed: 2 },
			missing: ['demo/gone'],
		});
		expect(r.rulesDisagree.map((d) => d.tool)).toEqual(['archive_item']);
	});
});
