/** The browser-side YAML writer reads back, with the `yaml` package, as exactly the value written. */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { yamlText } from '../../src/policy/formats/yaml-text.ts';

describe('yamlText', () => {
	it('writes an Intercept-shaped document in block style', () => {
		const doc = {
			version: '1',
			default: 'deny',
			hide: ['drop_db'],
			tools: { fetch_url: { rules: [{ name: 'rate limit', rate_limit: '60/minute' }] }, list: { rules: [] } },
		};
		expect(yamlText(doc)).toBe(
			[
				'version: "1"',
				'default: deny',
				'hide:',
				'  - drop_db',
				'tools:',
				'  fetch_url:',
				'    rules:',
				'      - name: rate limit',
				'        rate_limit: "60/minute"',
				'  list:',
				'    rules: []',
				'',
			].join('\n'),
		);
		expect(parse(yamlText(doc))).toEqual(doc);
	});

	it.each([
		['words YAML reads as booleans or null', { a: 'yes', b: 'No', c: 'null', d: 'true', e: 'on', f: '~' }],
		['strings that look like numbers', { a: '1', b: '0x1f', c: '1e3', d: '.inf', e: '-1' }],
		['YAML syntax inside strings', { a: 'a: b', b: '# x', c: '- x', d: '[x]', e: '{x}', f: '*x', g: '&x', h: '!x' }],
		[
			'spaces, quotes and line breaks',
			{ a: ' lead', b: 'trail ', c: 'say "hi"', d: "it's", e: 'two\nlines', f: 'a  b', g: 'a b' },
		],
		['keys that need quoting', { 'a b': 1, 'a:b': 2, '1': 3, true: 4, '': 5 }],
		['non-ASCII and invisible characters', { a: 'café', b: 'read\u200bnotes', c: '\u202e', d: '😀' }],
		['nested lists and empty collections', { a: [[1, [2]], [], {}], b: [{ c: [] }, { d: {} }] }],
		['numbers, booleans and null', { a: 0, b: -2.5, c: true, d: false, e: null }],
		['a regex condition', { value: '^(?:https?)://[^/]*\\.internal(?::\\d+)?/' }],
	])('reads back %s', (_, value) => {
		expect(parse(yamlText(value))).toEqual(value);
	});

	it('leaves out undefined values, as JSON does', () => {
		expect(parse(yamlText({ a: 1, b: undefined }))).toEqual({ a: 1 });
	});
});
