/**
 * Malformed catalogue files: each must fail the load with a message that names the file (and the tool
 * and field where it has them), never with a bare exception and never by being accepted or skipped.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { type CatalogueError, type CatalogueProblem, loadCatalogue } from '../../src/catalogue/load.ts';
import { decodeCatalogueText, firstInvalidUtf8 } from '../../src/catalogue/well-formed.ts';
import { classify } from '../../src/classify/index.ts';
import { evaluateCall } from '../../src/policy/evaluate.ts';
import { recommendPolicy, serverPolicy } from '../../src/policy/recommend.ts';
import { tempDir } from '../helpers/temp.ts';

const HEAD = `slug: bad
name: Bad
source: {npm: bad}
catalogued: {date: 2026-11-22, method: manual, via: by hand}
`;
const TOOL = `tools:
  - name: get_thing
    inputSchema: {type: object}
`;

/** Loads a folder holding one file `name` with `content` and returns the problems it throws. */
function problemsOf(name: string, content: string | Buffer | ((path: string) => void)): CatalogueProblem[] {
	const dir = tempDir('atlas-malformed-');
	const path = join(dir, name);
	if (typeof content === 'function') content(path);
	else writeFileSync(path, content);
	try {
		loadCatalogue(dir);
	} catch (error) {
		expect((error as Error).name).toBe('CatalogueError');
		const problems = (error as CatalogueError).problems;
		for (const p of problems) expect(p.file.endsWith(name), `${p.file} names ${name}`).toBe(true);
		expect((error as Error).message).toContain(name);
		return problems;
	}
	throw new Error(`${name} was accepted`);
}

describe('malformed catalogue files fail with the file named', () => {
	it.each<[string, string, string | Buffer | ((path: string) => void), RegExp]>([
		['UTF-16 with byte order mark', 'bad.yaml', Buffer.from(`\ufeff${HEAD}${TOOL}`, 'utf16le'), /is UTF-16/],
		[
			'UTF-16 without byte order mark',
			'bad.yaml',
			Buffer.from(`${HEAD}${TOOL}`, 'utf16le'),
			/raw control character U\+0000 .*UTF-16/,
		],
		[
			'non-UTF-8 bytes',
			'bad.yaml',
			Buffer.concat([Buffer.from(`${HEAD}description: caf`), Buffer.from([0xe9]), Buffer.from(`\n${TOOL}`)]),
			new RegExp(`not valid UTF-8: byte 0xe9 at byte offset ${Buffer.byteLength(`${HEAD}description: caf`)} `),
		],
		['raw NUL', 'bad.yaml', `${HEAD}description: a\u0000b\n${TOOL}`, /raw control character U\+0000 at line 5/],
		['raw escape', 'bad.yaml', `${HEAD}description: "a\u001b[8m"\n${TOOL}`, /raw control character U\+001B/],
		[
			'a YAML alias bomb',
			'bad.yaml',
			`${HEAD}a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n${TOOL}`,
			/invalid YAML: Excessive alias count/,
		],
		[
			'an alias cycle',
			'bad.yaml',
			`${HEAD}tools:\n  - &t\n    name: loop\n    inputSchema: {type: object, properties: {self: *t}}\n`,
			/alias cycle/,
		],
		[
			'a !!js/function tag',
			'bad.yaml',
			`${HEAD}description: !!js/function "function () {}"\n${TOOL}`,
			/invalid YAML: Unresolved tag/,
		],
		[
			'an unknown tag',
			'bad.yaml',
			`${HEAD}description: !custom text\n${TOOL}`,
			/invalid YAML: Unresolved tag: !custom/,
		],
		[
			'a merge key inside a schema',
			'bad.yaml',
			`${HEAD}tools:\n  - name: merged\n    inputSchema:\n      type: object\n      properties:\n        <<: {path: {type: string}}\n`,
			/merge key/,
		],
		[
			'an invisible character in a URL',
			'bad.yaml',
			`${HEAD.replace('{npm: bad}', '{npm: bad, repository: "https://example.invalid/a\\u200Bb"}')}${TOOL}`,
			/must not contain invisible characters/,
		],
		['a folder named x.yaml', 'x.yaml', (path) => mkdirSync(path), /is a folder/],
		['a symbolic link loop', 'loop.yaml', (path) => symlinkSync(path, path), /symbolic link loop/],
		['a broken symbolic link', 'gone.yaml', (path) => symlinkSync(`${path}.missing`, path), /broken symbolic link/],
		[
			'deep nesting',
			'bad.yaml',
			`${HEAD}${TOOL}    outputSchema: {type: object, x: ${'['.repeat(300)}${']'.repeat(300)}}\n`,
			/nested deeper than/,
		],
		['an invalid file with an upper-case extension (read, not skipped)', 'bad.YAML', HEAD, /expected array/],
	])('%s', (_, name, content, message) => {
		const problems = problemsOf(name, content);
		expect(problems.map((p) => p.message).join('\n')).toMatch(message);
	});

	it('names the tool and field of a problem inside a tool', () => {
		const [problem] = problemsOf(
			'bad.yaml',
			`${HEAD}tools:\n  - name: merged\n    inputSchema:\n      type: object\n      properties:\n        <<: {path: {type: string}}\n`,
		);
		expect(problem).toMatchObject({ entry: 'tool "merged" (tools[0])', field: 'inputSchema.properties.<<' });
	});

	it('accepts an upper-case extension when the slug matches', () => {
		const dir = tempDir('atlas-malformed-');
		writeFileSync(join(dir, 'ok.YAML'), `${HEAD.replace('slug: bad', 'slug: ok')}${TOOL}`);
		expect(loadCatalogue(dir).map((s) => s.server.slug)).toEqual(['ok']);
	});
});

describe('UTF-8 checks', () => {
	it('finds the first byte that does not start a character', () => {
		expect(firstInvalidUtf8(Buffer.from('héllo €𝐀', 'utf8'))).toBe(-1);
		expect(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0x80]))).toBe(1); // overlong
		expect(firstInvalidUtf8(Buffer.from([0x61, 0xed, 0xa0, 0x80]))).toBe(1); // surrogate
		expect(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0xe2, 0x82]))).toBe(2); // truncated
		expect(decodeCatalogueText(Buffer.from('a: "\\u0000"\n'))).toEqual({ text: 'a: "\\u0000"\n' });
	});
});

describe('__proto__ is data', () => {
	const dir = tempDir('atlas-proto-');
	writeFileSync(
		join(dir, 'proto.yaml'),
		stringify({
			slug: 'proto',
			name: 'Proto',
			source: { npm: 'proto' },
			catalogued: { date: '2026-11-22', method: 'manual', via: 'by hand' },
			tools: [
				{
					name: '__proto__',
					description: 'Deletes every record.',
					inputSchema: JSON.parse('{"type": "object", "properties": {"__proto__": {"type": "string"}}}'),
					_meta: JSON.parse('{"__proto__": {"polluted": true}, "other": 1}'),
				},
				{ name: 'constructor', description: 'Lists records.', inputSchema: { type: 'object' } },
			],
		}),
	);
	const [loaded] = loadCatalogue(dir);
	const tools = loaded?.server.tools ?? [];

	it('keeps __proto__ keys in schemas and _meta', () => {
		expect(Object.keys(tools[0]?.inputSchema.properties as object)).toEqual(['__proto__']);
		expect(Object.keys(tools[0]?._meta ?? {})).toEqual(['__proto__', 'other']);
		expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
	});

	it('keeps a __proto__-named tool’s rule in the tool and server policies', () => {
		const server = { slug: 'proto', name: 'Proto' };
		const decisions = tools.map((t) => ({ name: t.name, decision: classify(t, server) }));
		for (const { name, decision } of decisions) {
			const one = recommendPolicy(decision, name);
			expect(Object.hasOwn(one.tools ?? {}, name) || one.hide?.includes(name), name).toBe(true);
		}
		const policy = serverPolicy(decisions);
		const listed = [...Object.keys(policy.tools ?? {}), ...(policy.hide ?? [])].sort();
		expect(listed).toEqual(['__proto__', 'constructor']);
		expect(JSON.stringify(policy)).toContain('"__proto__"');
	});

	it('never takes Object.prototype for a rule', () => {
		const policy = { version: '1', default: 'deny', tools: { other: {} } } as const;
		for (const tool of ['constructor', 'toString', '__proto__', 'hasOwnProperty'])
			expect(evaluateCall(policy, { tool }).allowed, tool).toBe(false);
	});
});
