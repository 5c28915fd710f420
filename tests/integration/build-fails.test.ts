/**
 * A build from a malformed catalogue fails as a whole: a non-zero exit, a message naming the file and
 * the problem, and no partial site left in the output folder.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp.ts';

const ROOT = join(import.meta.dirname, '..', '..');
/** An Astro build of a two-file catalogue: bundling alone takes a minute or more on a loaded machine. */
const TIMEOUT = 300_000;

describe('a build from a malformed catalogue', () => {
	it(
		'exits non-zero, names the file and the problem, and leaves no output behind',
		() => {
			const dir = tempDir('atlas-failed-build-');
			const catalogue = join(dir, 'servers');
			const out = join(dir, 'dist');
			mkdirSync(catalogue);
			cpSync(join(ROOT, 'tests/fixtures/hostile/servers/plain-demo.yaml'), join(catalogue, 'plain-demo.yaml'));
			writeFileSync(
				join(catalogue, 'evil.yml'),
				'slug: evil\nname: Evil\nsource: {npm: evil}\ncatalogued: {date: 2026-11-22, method: manual, via: x}\ndescription: !!js/function "function () {}"\ntools:\n  - name: t\n    inputSchema: {type: object}\n',
			);
			const result = spawnSync('npx', ['astro', 'build'], {
				cwd: ROOT,
				encoding: 'utf8',
				timeout: TIMEOUT,
				env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ATLAS_CATALOGUE: catalogue, ATLAS_OUT_DIR: out },
			});
			const output = `${result.stdout}\n${result.stderr}`;
			expect(result.status, output).not.toBe(0);
			expect(output).toMatch(/evil\.yml: file: invalid YAML: Unresolved tag/);
			expect(existsSync(out), 'output folder left behind').toBe(false);
		},
		TIMEOUT,
	);
});
