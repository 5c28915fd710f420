import { defineConfig } from 'vitest/config';

/**
 * Test tiers, each a project with its own folder and npm script (`npm run test:<tier>`):
 * - `unit`: pure functions on small fixtures; no process, no build, no whole catalogue. The whole tier runs
 *   in seconds, so it keeps vitest's default 5 s per test: a unit test that needs more is too slow.
 * - `integration`: what runs processes: the CLIs, ingests of fixture servers in the real sandbox.
 * - `catalogue`: regressions and published figures over the whole bundled catalogue.
 * - `dist`: reads finished builds in `dist/` and `.cache/fixture-dist/` (or $ATLAS_DIST, $ATLAS_FIXTURE_DIST).
 * - `browser`: drives Debian's Chromium against served builds.
 * `npm test` (scripts/run-tests.mjs) runs them in that order around the builds the last two need.
 */
export default defineConfig({
	test: {
		projects: [
			{ test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
			{
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					environment: 'node',
					// A test here starts `npm run`/tsx (about 1-3 s idle) or sandboxed servers, several of them
					// hitting their own 2-5 s time limits on purpose; on a loaded 2-core machine that is 10-30 s. The
					// tests that need longer (native rebuilds) state their own bound.
					testTimeout: 60_000,
					hookTimeout: 60_000,
				},
			},
			{
				test: {
					name: 'catalogue',
					include: ['tests/catalogue/**/*.test.ts'],
					environment: 'node',
					// Loading the bundled catalogue parses megabytes of YAML and classifying it runs the rules on
					// 10,000 tools: 5-25 s each on a loaded 2-core machine, with the tier's files running side by side.
					testTimeout: 180_000,
				},
			},
			{
				test: {
					name: 'dist',
					include: ['tests/dist/**/*.test.ts'],
					environment: 'node',
					// Parses every page of each build once, before any test file, into the facts the checks read.
					globalSetup: ['tests/dist/setup.ts'],
					// Checks walk the facts of 10,000 pages and Pagefind's index (seconds); determinism.test.ts
					// rebuilds the fixture catalogue and states its own bound.
					testTimeout: 120_000,
					hookTimeout: 60_000,
				},
			},
			{
				test: {
					name: 'browser',
					include: ['tests/browser/**/*.test.ts'],
					environment: 'node',
					// Each test drives a real Chromium against a served build (page loads, clicks, search).
					testTimeout: 60_000,
					hookTimeout: 120_000,
					fileParallelism: false,
				},
			},
		],
	},
});
