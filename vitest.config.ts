import { defineConfig } from 'vitest/config';

/**
 * Three projects: `unit` (domain logic, no build needed), `dist` (reads a finished build in
 * `dist/` or $ATLAS_DIST) and `browser` (drives Debian's Chromium against a served build).
 * `npm test` (scripts/run-tests.mjs) runs them in that order around the builds they need.
 */
export default defineConfig({
	test: {
		projects: [
			{ test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
			{ test: { name: 'dist', include: ['tests/dist/**/*.test.ts'], environment: 'node', testTimeout: 600_000 } },
			{
				test: {
					name: 'browser',
					include: ['tests/browser/**/*.test.ts'],
					environment: 'node',
					testTimeout: 60_000,
					hookTimeout: 120_000,
					fileParallelism: false,
				},
			},
		],
	},
});
