import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { serialise } from '../../scripts/ingest/write.ts';
import { readsDifferentlyIn11, yaml11Hazards } from '../../scripts/ingest/yaml11.ts';

describe('YAML 1.1 hazards', () => {
	it('finds the plain scalars YAML 1.1 reads as something else', () => {
		for (const text of ['=', 'yes', 'No', 'off', 'y', 'N', '0b101', '1:30', '1_000', '2026-01-02', '<<'])
			expect(readsDifferentlyIn11(text), text).toBe(true);
		for (const text of ['hello', 'yesterday', 'a = b', 'true', '12', 'line\nbreak', '0o17', 'a: b: c', '- [x'])
			expect(readsDifferentlyIn11(text), text).toBe(false);
	});
	it('answers for text that starts like an alias instead of throwing', () => {
		for (const text of ['*foo', '*/', '&a *a']) expect(readsDifferentlyIn11(text), text).toBe(false);
		const record = { slug: 'x', name: 'X', tools: [{ name: '*glob', description: '*/ closes a comment' }] };
		expect(parse(serialise(record, 'test'))).toEqual(record);
	});
	it('lets the writer quote them, keys and values, and nothing else', () => {
		const record = {
			slug: 'x',
			name: 'X',
			catalogued: { date: '2026-01-02' },
			tools: [
				{ name: 'set', description: 'Sets =.', inputSchema: { properties: { y: { enum: ['=', 'on', 'plain'] } } } },
			],
		};
		const text = serialise(record, 'test');
		expect(yaml11Hazards(text)).toEqual([]);
		expect(parse(text, { version: '1.1' })).toEqual(parse(text));
		expect(parse(text)).toEqual(record);
		expect(text).toContain('"y":');
		expect(text).toContain('- "="');
		expect(text).toContain('- plain');
		expect(yaml11Hazards('a: =\nb:\n  - off\n')).toEqual(['line 1: =', 'line 3: off']);
	});
});
