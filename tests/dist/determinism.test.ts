/**
 * The same catalogue builds the same site: the hostile fixture catalogue, already built by `npm test`,
 * is built again into a fresh folder, under another locale and time zone, and every file (pages, policies, schemas, the Pagefind index) must
 * be byte-identical, with the same set of files.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILDS, listFiles } from '../helpers/dist.ts';

const fixture = BUILDS[1];
const again = mkdtempSync(join(tmpdir(), 'atlas-again-'));
afterAll(() => rmSync(again, { recursive: true, force: true }));

const digest = (dir: string, rel: string) =>
	createHash('sha256')
		.update(readFileSync(join(dir, rel)))
		.digest('hex');

describe(`a second build of the ${fixture.label} catalogue`, () => {
	it('writes the same files, byte for byte', () => {
		const result = spawnSync(resolve('node_modules/.bin/astro'), ['build'], {
			// Another locale and time zone: nothing in the output may depend on the machine's collation or clock zone.
			env: {
				...process.env,
				ASTRO_TELEMETRY_DISABLED: '1',
				ATLAS_CATALOGUE: resolve(fixture.catalogue),
				ATLAS_OUT_DIR: again,
				LANG: 'sv_SE.UTF-8',
				LC_ALL: 'sv_SE.UTF-8',
				TZ: 'Pacific/Kiritimati',
			},
			encoding: 'utf8',
			timeout: 300_000,
		});
		expect(result.status, result.stderr).toBe(0);
		const first = listFiles(fixture.dist);
		const second = listFiles(again);
		expect(second).toEqual(first);
		expect(first.length).toBeGreaterThan(50);
		const differing = first.filter((rel) => digest(fixture.dist, rel) !== digest(again, rel));
		expect(differing).toEqual([]);
		// A whole Astro build: seconds when idle, minutes on a loaded 2-core machine; bounded like the build itself.
	}, 300_000);
});
