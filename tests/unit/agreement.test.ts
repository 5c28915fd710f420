/**
 * `measureAgreement`, what `npm run evaluate` reports: what it compares (declared hints, withheld from the
 * classifier) and how it counts. The command itself is run in tests/integration/cli-evaluate.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Tool } from '../../src/catalogue/schema.ts';
import { measureAgreement } from '../../src/evaluation/agreement.ts';
import { SERVER, TOOLS, tool } from '../helpers/agreement-fixture.ts';

describe('measureAgreement', () => {
	const report = measureAgreement(TOOLS.map((t) => ({ server: SERVER, tool: t })));

	it('counts only declared hints, with the annotations withheld from the classifier', () => {
		expect(report.tools).toBe(6);
		expect(report.labelled).toBe(5);
		expect(report.read).toMatchObject({
			measured: 4,
			agreed: 3,
			confusion: { bothYes: 1, declaredOnly: 1, classifiedOnly: 0, bothNo: 2 },
			met: false,
		});
		expect(report.contradictory).toBe(1);
		expect(report.destructive).toMatchObject({ measured: 4, agreed: 4, met: true });
		// Strictly, update_item is not a Destructive tool although it may destroy what it overwrites.
		expect(report.strictDestructive).toMatchObject({ measured: 4, agreed: 3 });
		expect(report.disagreements.map((d) => `${d.measure} ${d.tool}`)).toEqual([
			'strictDestructive update_item',
			'read purge_items',
		]);
		expect(report.byCategory['read-only']).toMatchObject({ Read: 1, Destructive: 1 });
		expect(report.destructiveByServer).toEqual([{ server: 'demo', measured: 4, agreed: 4, strictAgreed: 3 }]);
	});

	it("ignores curated overrides, which are not the rules' answer", () => {
		const curated: Tool = {
			...tool('delete_item', 'Delete an item.', { destructiveHint: true }),
			curated: { category: 'Write', reason: 'Soft delete with a trash can.' },
		};
		expect(measureAgreement([{ server: SERVER, tool: curated }]).destructive.agreed).toBe(1);
	});

	it('groups the destructive measure by deciding verb: a ceiling for verb-keyed readings and the verbs servers split on', () => {
		const at = (slug: string, t: Tool) => ({ server: { slug, name: slug }, tool: t });
		const update = (d: boolean) => tool('update_item', 'Update an item.', { readOnlyHint: false, destructiveHint: d });
		const r = measureAgreement([
			at('a', update(true)),
			at('b', update(true)),
			at('c', update(false)),
			at('d', update(false)),
			at('e', update(false)),
			// One server on each side is a disagreement, not a split convention.
			at('a', tool('create_item', 'Create an item.', { destructiveHint: true })),
			at('c', tool('create_item', 'Create an item.', { destructiveHint: false })),
		]);
		// update: best single answer "false" agrees 3 of 5; create: 1 of 2.
		expect(r.destructiveByVerb.ceiling).toEqual({ measured: 7, agreed: 4, rate: 4 / 7 });
		expect(r.destructiveByVerb.split).toEqual([
			{ verb: 'name-verb update', declaredTrue: 2, declaredFalse: 3, serversTrue: 2, serversFalse: 3, agreed: 2 },
		]);
	});

	it('learns the verb-majority reading from the other servers only, one vote per tool or per server', () => {
		const at = (slug: string, t: Tool) => ({ server: { slug, name: slug }, tool: t });
		const update = (d: boolean) => tool('update_item', 'Update an item.', { readOnlyHint: false, destructiveHint: d });
		const r = measureAgreement([
			// Server a declares update destructive three times; b and c declare it additive once each.
			at('a', update(true)),
			at('a', update(true)),
			at('a', update(true)),
			at('b', update(false)),
			at('c', update(false)),
			// No other server decides rename: the rules' answer (destructive) stands, and it agrees.
			at('c', tool('rename_item', 'Rename an item.', { readOnlyHint: false, destructiveHint: true })),
		]);
		// Per tool: a's tools see 0 true / 2 false (wrong, 0 of 3); b sees 3/1 → true (wrong); c sees 3/1 (wrong); rename agrees.
		expect(r.destructiveByVerb.crossServer.byTools).toEqual({ measured: 6, agreed: 1, rate: 1 / 6 });
		// Per server: a's tools see servers 0 true / 2 false (wrong); b sees a true, c false: a tie, so the
		// rules' answer (destructive, wrong); likewise c; rename agrees.
		expect(r.destructiveByVerb.crossServer.byServers).toEqual({ measured: 6, agreed: 1, rate: 1 / 6 });
		// Fitted to all labels, "true" wins update (3 of 5) and rename agrees: 4 of 6.
		expect(r.destructiveByVerb.ceiling).toEqual({ measured: 6, agreed: 4, rate: 4 / 6 });
	});

	it('counts every unknown-verb tool as one group for the ceiling, not one verb per name', () => {
		const r = measureAgreement(
			[
				tool('frobnicate_widget', 'Frobnicates a widget.', { destructiveHint: true }),
				tool('zorble_gadget', 'Zorbles a gadget.', { destructiveHint: false }),
			].map((t) => ({ server: SERVER, tool: t })),
		);
		// One group with one true and one false: the best single answer agrees once, not twice.
		expect(r.destructiveByVerb.ceiling.agreed).toBe(1);
	});

	it("takes read labels from a dump's read-only mode", () => {
		const r = measureAgreement([
			{ server: SERVER, tool: tool('list_items', 'List items.'), readOnlyMode: true },
			{ server: SERVER, tool: tool('delete_item', 'Delete an item.'), readOnlyMode: false },
		]);
		expect(r.read).toMatchObject({ measured: 2, agreed: 2 });
		expect(r.destructive.measured).toBe(0);
		expect(r.destructive.met).toBeUndefined();
	});
});
