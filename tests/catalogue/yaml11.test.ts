/**
 * The bundled catalogue files are open data: every one reads the same in a YAML 1.1 parser (PyYAML's
 * `safe_load` and the like) as in the YAML 1.2 reading the build uses.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { yaml11Hazards } from '../../scripts/ingest/yaml11.ts';

const DIR = 'content/servers';
const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml'));

describe('catalogue files in YAML 1.1', () => {
	it('read the same data as in YAML 1.2', () => {
		const differ = files.filter((f) => {
			const text = readFileSync(join(DIR, f), 'utf8');
			return JSON.stringify(parse(text, { version: '1.1' })) !== JSON.stringify(parse(text));
		});
		expect(differ).toEqual([]);
	});
	it('hold no plain scalar YAML 1.1 gives another meaning (the `=` value tag, merge keys, …)', () => {
		const found = files.flatMap((f) => yaml11Hazards(readFileSync(join(DIR, f), 'utf8')).map((h) => `${f} ${h}`));
		expect(found).toEqual([]);
	});
});
