/**
 * `npm run evaluate`, run as a process: the report it prints, its options and exit status, on small catalogues
 * and dumps written for the test. What it counts is checked without a process in tests/unit/agreement.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { AgreementReport } from '../../src/evaluation/agreement.ts';
import { TOOLS } from '../helpers/agreement-fixture.ts';
import { tempDir } from '../helpers/temp.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const TIMEOUT = 60_000;

function npmRun(args: string[]) {
	const result = spawnSync('npm', ['run', '--silent', 'evaluate', '--', ...args], {
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
