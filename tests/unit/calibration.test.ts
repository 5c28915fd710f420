/** The calibration set's file format, its errors, the confidence intervals and the scoring of each half. */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { Tool } from '../../src/catalogue/schema.ts';
import { estimate, measureCalibration, parseCalibration } from '../../src/evaluation/calibration.ts';

const SERVER = { slug: 'demo', name: 'Demo' };
const tool = (name: string, description: string): Tool => ({ name, description, inputSchema: { type: 'object' } });
const answer = (category: string, level: string, readOnly: boolean, destructive: boolean) => ({
	category,
	level,
	readOnly,
	destructive,
	reason: 'Because the definition says so.',
});
const head = { rubric: 'The rubric.', method: 'Two labellers, blind.', labelled: '2026-12-07' };
const label = (name: string, split: string, a: object, b = a, final: object = a) => ({
	server: 'demo',
	tool: name,
	split,
	first: a,
	second: b,
	final,
});

describe('estimate', () => {
	it('gives the Wilson 95% interval, inside [0, 1], and nothing for an empty sample', () => {
		const e = estimate(100, 90);
		expect(e.rate).toBe(0.9);
		expect(e.low).toBeCloseTo(0.8256, 3);
		expect(e.high).toBeCloseTo(0.9448, 3);
		expect(estimate(10, 10).high).toBeCloseTo(1, 12);
		expect(estimate(10, 0).low).toBeCloseTo(0, 12);
		expect(estimate(0, 0)).toMatchObject({ rate: undefined, low: undefined, high: undefined });
	});
});

describe('parseCalibration', () => {
	it('accepts a valid file', () => {
		const text = stringify({ ...head, labels: [label('list_items', 'dev', answer('Read', 'Low', true, false))] });
		expect(parseCalibration('c.yaml', text).problems).toEqual([]);
	});

	it('names the label and field of every problem', () => {
		const bad = answer('Read', 'Low', true, true);
		const a = answer('Write', 'Medium', false, false);
		const b = answer('Write', 'High', false, false);
		const text = stringify({
			...head,
			labels: [
				label('x', 'dev', bad),
				label('y', 'held-out', a, b),
				label('y', 'held-out', a),
				{ ...label('z', 'dev', a), split: 'train' },
			],
		});
		const problems = parseCalibration('c.yaml', text).problems;
		expect(problems.map((p) => `${p.entry} ${p.field}`)).toEqual(['labels[3] split']);
		const text2 = stringify({
			...head,
			labels: [label('x', 'dev', bad), label('y', 'held-out', a, b), label('y', 'held-out', a)],
		});
		expect(parseCalibration('c.yaml', text2).problems.map((p) => `${p.entry} ${p.field}: ${p.message}`)).toEqual([
			'labels[0] first.destructive: read-only cannot be destructive',
			'labels[0] second.destructive: read-only cannot be destructive',
			'labels[0] final.destructive: read-only cannot be destructive',
			'labels[1] final.resolution: the labellers disagree: say how it was resolved',
			'labels[2] tool: duplicate label for demo/y',
		]);
	});
});

describe('measureCalibration', () => {
	const tools = [
		tool('list_items', 'List items.'),
		tool('delete_item', 'Delete an item permanently.'),
		tool('update_item', 'Update an item.'),
	].map((t) => ({ server: SERVER, tool: t }));

	it('scores each half apart, counts levels two away, and reports the labellers’ raw agreement', () => {
		const read = answer('Read', 'Low', true, false);
		const del = answer('Destructive', 'Critical', false, true);
		const upd = answer('Write', 'Medium', false, true);
		const r = measureCalibration(
			[
				label('list_items', 'dev', read),
				label('delete_item', 'held-out', del, answer('Destructive', 'High', false, true), { ...del, resolution: 'x' }),
				label('update_item', 'held-out', upd, upd, answer('Write', 'Low', false, true)),
				label('missing_tool', 'dev', read),
			] as never,
			tools,
		);
		expect(r.missing).toEqual(['demo/missing_tool']);
		expect(r.dev.tools).toBe(1);
		expect(r.dev.category.agreed).toBe(1);
		expect(r.heldOut.tools).toBe(2);
		// The held-out labels say update_item is Write/Low: the rules' Medium is one step away, not two.
		expect(r.heldOut.levelWithinOne.agreed).toBe(2);
		expect(r.heldOut.destructiveRecall.measured).toBe(2);
		expect(r.labellers.level).toMatchObject({ measured: 4, agreed: 3 });
		expect(r.labellers.all.agreed).toBe(3);
		// Held-out disagreements are never listed for reading.
		expect(r.heldOut.disagreements).toEqual([]);
	});
});
