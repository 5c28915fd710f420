/**
 * `npm run evaluate`: what it compares (declared hints, withheld from the classifier), how it counts,
 * and the report it prints, on small catalogues and dumps written for the test.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { Tool } from '../../src/catalogue/schema.ts';
import { type AgreementReport, measureAgreement } from '../../src/classify/agreement.ts';
import { tempDir } from '../helpers/temp.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const TIMEOUT = 60_000;
const SERVER = { slug: 'demo', name: 'Demo' };

const tool = (name: string, description: string, annotations?: Tool['annotations']): Tool => ({
	name,
	description,
	inputSchema: { type: 'object' },
	...(annotations ? { annotations } : {}),
});

const TOOLS: Tool[] = [
	tool('list_items', 'List items.', { readOnlyHint: true, destructiveHint: false }),
	tool('delete_item', 'Delete an item.', { readOnlyHint: false, destructiveHint: true }),
	tool('create_item', 'Create an item.', { readOnlyHint: false, destructiveHint: false }),
	tool('update_item', 'Update an item.', { destructiveHint: true }),
	// Claims read-only but deletes: one read disagreement, and its destructiveHint (meaningless next to readOnlyHint) is not counted.
	tool('purge_items', 'Purge all items.', { readOnlyHint: true, destructiveHint: true }),
	tool('get_item', 'Get an item.'),
];

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

function npmRun(args: string[]) {
	const result = spawnSync('npm', ['run', 'evaluate', '--', ...args], {
		cwd: ROOT,
		encoding: 'utf8',
		timeout: TIMEOUT,
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run evaluate', () => {
	const dir = tempDir('atlas-evaluate-');
	const catalogue = join(dir, 'servers');
	mkdirSync(catalogue);
	const server = {
		slug: 'demo',
		name: 'Demo',
		source: { npm: '@demo/server' },
		catalogued: { date: '2026-11-22', method: 'manual', via: 'by hand' },
		tools: TOOLS,
	};
	writeFileSync(join(catalogue, 'demo.yaml'), stringify(server));
	writeFileSync(join(catalogue, 'broken.yaml'), 'slug: broken\n');

	it(
		'prints the figures, the tables and the disagreements, skips invalid files, and exits 0 when a target is missed',
		() => {
			const { status, stdout, stderr } = npmRun(['--catalogue', catalogue]);
			expect(status, stderr).toBe(0);
			expect(stdout).toContain('Read vs non-read: 75.0% agreement (3 of 4 tools');
			expect(stdout).toContain('target 95.0%: NOT met');
			expect(stdout).toContain('Destructive vs not: 100.0% agreement (4 of 4 tools');
			expect(stdout).toMatch(/declared true\s+1\s+1/);
			expect(stdout).toContain('Ceiling for one answer per deciding verb: 100.0% (4 of 4)');
			expect(stdout).toContain('read         demo/purge_items: readOnlyHint true, classified Destructive/');
			expect(stdout.trimEnd().endsWith('Targets NOT met.')).toBe(true);
			expect(stderr).toContain('skipping');
			expect(stderr).toContain('broken.yaml');
		},
		TIMEOUT,
	);

	it(
		'prints the report as one JSON object with --json',
		() => {
			const { stdout } = npmRun(['--catalogue', catalogue, '--json']);
			const report = JSON.parse(stdout) as AgreementReport;
			expect(report.read.agreed).toBe(3);
			expect(report.destructive.rate).toBe(1);
		},
		TIMEOUT,
	);

	it(
		'scores the rules and the authors against hand labels with --labels, and fails naming a bad label',
		() => {
			const labels = join(dir, 'labels.yaml');
			writeFileSync(
				labels,
				stringify({
					question: 'May it perform destructive updates?',
					method: 'By hand.',
					labelled: '2026-12-02',
					labels: [
						{ server: 'demo', tool: 'update_item', destructive: true, reason: 'Overwrites.' },
						{ server: 'demo', tool: 'create_item', destructive: false, reason: 'Only adds.' },
						{ server: 'demo', tool: 'missing_tool', destructive: true, reason: 'x' },
					],
				}),
			);
			const { status, stdout } = npmRun(['--catalogue', catalogue, '--labels', labels]);
			expect(status).toBe(0);
			expect(stdout).toContain("2 tools, 1 destructive by the spec's definition");
			expect(stdout).toContain('the rules (annotations withheld) agree on 100.0% (2 of 2)');
			expect(stdout).toContain("the authors' declared destructiveHint agrees on 100.0% (2 of 2)");
			expect(stdout).toContain('1 label(s) name tools this catalogue does not have: demo/missing_tool');
			const bad = join(dir, 'bad-labels.yaml');
			writeFileSync(
				bad,
				stringify({
					question: 'q',
					method: 'm',
					labelled: '2026-12-02',
					labels: [{ server: 'demo', tool: 'x', destructive: 'yes', reason: 'r' }],
				}),
			);
			const failed = npmRun(['--catalogue', catalogue, '--labels', bad]);
			expect(failed.status).toBe(1);
			expect(failed.stderr).toContain(`${bad}: labels[0], field "destructive"`);
		},
		TIMEOUT,
	);

	/** Third-party dumps beside the repo (never copied into it), used as a held-out set when present. */
	const seeds = join(ROOT, '..', 'shared', 'seed-servers');
	it.skipIf(!existsSync(seeds))(
		'evaluates tools/list dumps, with read labels from a read-only mode',
		() => {
			const dumps = readdirSync(seeds)
				.filter((f) => f.endsWith('.json'))
				.map((f) => join(seeds, f));
			const { status, stdout } = npmRun([...dumps.flatMap((f) => ['--dump', f]), '--json']);
			expect(status).toBe(0);
			const report = JSON.parse(stdout) as AgreementReport;
			expect(report.tools).toBeGreaterThan(0);
			if (report.read.measured > 0) expect(report.read.rate).toBeGreaterThanOrEqual(0.95);
		},
		TIMEOUT,
	);
});
