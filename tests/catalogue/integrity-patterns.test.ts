/** The integrity prefilter never keeps a match out, on every string of the bundled catalogue and the hostile fixtures. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.ts';
import { prefilterStrings } from '../../src/classify/integrity/fields.ts';
import { PATTERNS } from '../../src/classify/integrity/patterns.ts';
import { Admission } from '../../src/classify/integrity/prefilter.ts';
import { admitted, escapes, matches, ROOT } from '../helpers/integrity-patterns.ts';

describe('integrity patterns over the catalogue', () => {
	it('holds on every string of the catalogue and the hostile fixtures, string by string', () => {
		const gaps: string[] = [];
		let matched = 0;
		for (const dir of ['content/servers', 'tests/fixtures/hostile/servers']) {
			for (const { server } of loadCatalogue(join(ROOT, dir))) {
				for (const tool of server.tools) {
					const { strings } = prefilterStrings(tool);
					const joined = strings.join('\n`\n');
					const admission = new Admission(strings);
					for (const p of PATTERNS) {
						// A pattern that matches nowhere in the joined text matches no single string.
						if (!matches(p, joined)) continue;
						strings.forEach((s, j) => {
							if (!matches(p, s)) return;
							matched++;
							if (!admission.admits(p, j)) gaps.push(`${server.slug}/${tool.name} ${p.id}: ${s}`);
							gaps.push(...escapes(p, [s], (t) => admitted(p, t)).map((v) => `${p.id} variant: ${v}`));
						});
					}
				}
			}
		}
		// The sweep reads real matches, not only clean text.
		expect(matched).toBeGreaterThan(20);
		expect(gaps).toEqual([]);
	}, 120_000);
});
