#!/usr/bin/env node
/**
 * `npm test`: every tier (vitest.config.ts), in the order the builds allow.
 *   1. unit, integration and catalogue tests (no build needed)
 *   2. build the bundled catalogue into dist/ and a hostile fixture catalogue into .cache/fixture-dist/
 *   3. post-build tests over both outputs, then browser tests in Debian's Chromium against both
 * Ends with one line "N passed, N failed[, N skipped]" summed over every vitest run (a skipped test is never
 * a pass), and exits non-zero on any failure, on a suite that fails to load and on a tier that runs no test.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const cache = join(root, '.cache');
mkdirSync(cache, { recursive: true });
const bin = (name) => join(root, 'node_modules', '.bin', name);
const env = {
	...process.env,
	ASTRO_TELEMETRY_DISABLED: '1',
	ATLAS_DIST: join(root, 'dist'),
	ATLAS_FIXTURE_DIST: join(cache, 'fixture-dist'),
	ATLAS_FIXTURE_CATALOGUE: join(root, 'tests', 'fixtures', 'hostile', 'servers'),
};
let passed = 0;
let failed = 0;
let skipped = 0;
let broken = false;

function run(label, command, args, extraEnv = {}) {
	console.log(`\n=== ${label}`);
	const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } });
	if (result.status !== 0) {
		console.error(`=== ${label}: failed (exit ${result.status ?? result.signal})`);
		broken = true;
	}
	return result.status === 0;
}

/**
 * Runs one vitest project (tier). A test file that fails without a failed test (it did not load, a hook
 * threw) counts as one failure, and so does a tier that runs no test or writes no report: never a pass.
 */
function vitest(project) {
	const label = project;
	const report = join(cache, `vitest-${project}.json`);
	rmSync(report, { force: true });
	const args = ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
	run(`tests: ${label}`, bin('vitest'), args);
	if (!existsSync(report)) {
		console.error(`=== tests: ${label}: no report written`);
		broken = true;
		failed += 1;
		return;
	}
	const summary = JSON.parse(readFileSync(report, 'utf8'));
	passed += summary.numPassedTests;
	failed += summary.numFailedTests;
	skipped += summary.numPendingTests + summary.numTodoTests;
	for (const file of summary.testResults) {
		if (file.status === 'failed' && !file.assertionResults.some((t) => t.status === 'failed')) {
			console.error(`=== tests: ${label}: ${file.name} failed outside its tests: ${file.message}`);
			failed += 1;
		}
	}
	if (summary.numPassedTests + summary.numFailedTests === 0) {
		console.error(`=== tests: ${label}: ran no test`);
		broken = true;
		failed += 1;
	}
}

for (const tier of ['unit', 'integration', 'catalogue']) vitest(tier);
const built =
	run('build: bundled catalogue', bin('tsx'), ['scripts/build.ts']) &&
	run('build: hostile fixture catalogue', bin('tsx'), ['scripts/build.ts'], {
		ATLAS_CATALOGUE: env.ATLAS_FIXTURE_CATALOGUE,
		ATLAS_OUT_DIR: env.ATLAS_FIXTURE_DIST,
	});
if (built) {
	vitest('dist');
	vitest('browser');
} else {
	console.error('=== skipping post-build and browser tests: a build failed');
	failed += 2; // two tiers that could not run
}

console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(broken || failed > 0 || !built ? 1 : 0);
