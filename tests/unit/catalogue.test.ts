import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { CatalogueError, loadCatalogue, parseServerFile } from '../../src/catalogue/load.ts';
import { serverFileSchema } from '../../src/catalogue/schema.ts';
import { assertUniqueUrls, baseSlug, isCleanName, slugHash, toolSlug, toolSlugs } from '../../src/catalogue/slug.ts';
import { tempDir } from '../helpers/temp.ts';

/** The smallest valid server file, with overrides. */
function makeServer(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		slug: 'demo',
		name: 'Demo',
		source: { npm: '@demo/server' },
		catalogued: { date: '2026-11-22', method: 'manual', via: 'by hand' },
		tools: [{ name: 'get_thing', inputSchema: { type: 'object' } }],
		...overrides,
	};
}

function issuePaths(data: unknown): string[] {
	const result = serverFileSchema.safeParse(data);
	return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
}

describe('serverFileSchema', () => {
	it('accepts the minimal server', () => {
		expect(serverFileSchema.safeParse(makeServer()).success).toBe(true);
	});

	it.each([
		['unknown server field', makeServer({ colour: 'red' }), ''],
		[
			'unknown tool field',
			makeServer({ tools: [{ name: 'x', inputSchema: { type: 'object' }, danger: 1 }] }),
			'tools.0',
		],
		['empty tool name', makeServer({ tools: [{ name: '', inputSchema: { type: 'object' } }] }), 'tools.0.name'],
		['blank tool name', makeServer({ tools: [{ name: '   ', inputSchema: { type: 'object' } }] }), 'tools.0.name'],
		[
			'input schema not an object schema',
			makeServer({ tools: [{ name: 'x', inputSchema: { type: 'string' } }] }),
			'tools.0.inputSchema',
		],
		['missing input schema', makeServer({ tools: [{ name: 'x' }] }), 'tools.0.inputSchema'],
		[
			'annotation of the wrong type',
			makeServer({ tools: [{ name: 'x', inputSchema: { type: 'object' }, annotations: { readOnlyHint: 'yes' } }] }),
			'tools.0.annotations.readOnlyHint',
		],
		[
			'unknown annotation',
			makeServer({ tools: [{ name: 'x', inputSchema: { type: 'object' }, annotations: { safeHint: true } }] }),
			'tools.0.annotations',
		],
		['no tools', makeServer({ tools: [] }), 'tools'],
		['bad slug', makeServer({ slug: 'Bad Slug' }), 'slug'],
		['bad date', makeServer({ catalogued: { date: '22/11/2026', method: 'manual', via: 'x' } }), 'catalogued.date'],
		['javascript: repository URL', makeServer({ source: { repository: 'javascript:alert(1)' } }), 'source.repository'],
		['data: homepage', makeServer({ source: { homepage: 'data:text/html,hi' } }), 'source.homepage'],
		['protocol-relative homepage', makeServer({ source: { homepage: '//evil.example' } }), 'source.homepage'],
		['source with no locator', makeServer({ source: { version: '1.0.0' } }), 'source'],
		[
			'claimed count without claimant',
			makeServer({ catalogued: { date: '2026-11-22', method: 'seed-page', via: 'x', claimedToolCount: 5 } }),
			'catalogued',
		],
		[
			'curated override without a reason',
			makeServer({ tools: [{ name: 'x', inputSchema: { type: 'object' }, curated: { level: 'Low' } }] }),
			'tools.0.curated.reason',
		],
		[
			'curated override with nothing to override',
			makeServer({
				tools: [{ name: 'x', inputSchema: { type: 'object' }, curated: { reason: 'because it is fine really' } }],
			}),
			'tools.0.curated',
		],
		[
			'unknown category in override',
			makeServer({
				tools: [
					{ name: 'x', inputSchema: { type: 'object' }, curated: { category: 'Other', reason: 'no such category' } },
				],
			}),
			'tools.0.curated.category',
		],
	])('rejects %s at the right path', (_label, data, path) => {
		expect(issuePaths(data)).toContain(path);
	});

	it('rejects duplicate tool names, pointing at the second one', () => {
		const data = makeServer({
			tools: [
				{ name: 'a', inputSchema: { type: 'object' } },
				{ name: 'a', inputSchema: { type: 'object' } },
			],
		});
		expect(issuePaths(data)).toEqual(['tools.1.name']);
	});
});

describe('parseServerFile messages', () => {
	it('names the file, the tool and the field', () => {
		const text = stringify(
			makeServer({
				tools: [
					{ name: 'ok', inputSchema: { type: 'object' } },
					{ name: 'drop_table', inputSchema: { type: 'array' } },
				],
			}),
		);
		const { server, problems } = parseServerFile('content/servers/demo.yaml', text);
		expect(server).toBeUndefined();
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({
			file: 'content/servers/demo.yaml',
			entry: 'tool "drop_table" (tools[1])',
			field: 'inputSchema',
		});
	});

	it('names a nameless tool by position', () => {
		const { problems } = parseServerFile(
			'demo.yaml',
			stringify(makeServer({ tools: [{ name: '', inputSchema: { type: 'object' } }] })),
		);
		expect(problems[0]).toMatchObject({ entry: 'tool #1 (tools[0])', field: 'name' });
	});

	it('requires the slug to match the file name', () => {
		const { problems } = parseServerFile('content/servers/other.yaml', stringify(makeServer()));
		expect(problems).toEqual([expect.objectContaining({ entry: 'server', field: 'slug' })]);
	});

	it('reports YAML syntax errors and duplicate keys', () => {
		expect(parseServerFile('demo.yaml', 'slug: demo\nslug: again\n').problems[0]?.message).toMatch(/invalid YAML/);
		expect(parseServerFile('demo.yaml', 'tools: [\n').problems[0]?.message).toMatch(/invalid YAML/);
	});
});

describe('loadCatalogue', () => {
	it('collects every problem of every file into one error', () => {
		const dir = tempDir('atlas-cat-');
		writeFileSync(join(dir, 'demo.yaml'), stringify(makeServer()));
		writeFileSync(
			join(dir, 'bad.yaml'),
			stringify(makeServer({ slug: 'bad', tools: [{ name: 'x', inputSchema: { type: 'object' }, extra: true }] })),
		);
		writeFileSync(join(dir, 'worse.yaml'), 'name: [');
		let error: unknown;
		try {
			loadCatalogue(dir);
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(CatalogueError);
		const message = (error as Error).message;
		expect(message).toContain('bad.yaml: tool "x" (tools[0])');
		expect(message).toContain('bad.yaml: tool "x" (tools[0]), field "extra": unknown field');
		expect(message).toContain('worse.yaml: file');
		expect((error as CatalogueError).problems).toHaveLength(2);
	});

	it('loads servers sorted by file name', () => {
		const dir = tempDir('atlas-cat-');
		writeFileSync(join(dir, 'b.yaml'), stringify(makeServer({ slug: 'b' })));
		writeFileSync(join(dir, 'a.yaml'), stringify(makeServer({ slug: 'a' })));
		expect(loadCatalogue(dir).map((s) => s.server.slug)).toEqual(['a', 'b']);
	});

	it('loads .yml and any-case .YAML files and rejects a slug two files share', () => {
		const dir = tempDir('atlas-cat-');
		writeFileSync(join(dir, 'srv.yaml'), stringify(makeServer({ slug: 'srv' })));
		writeFileSync(join(dir, 'srv.yml'), stringify(makeServer({ slug: 'srv' })));
		writeFileSync(join(dir, 'up.YAML'), stringify(makeServer({ slug: 'up' })));
		const error = (() => {
			try {
				loadCatalogue(dir);
			} catch (e) {
				return e as CatalogueError;
			}
			return undefined;
		})();
		expect(error?.problems).toEqual([
			expect.objectContaining({
				file: expect.stringMatching(/srv\.yml$/),
				field: 'slug',
				message: expect.stringMatching(/duplicate slug "srv" \(also .*srv\.yaml\)/),
			}),
		]);
		writeFileSync(join(dir, 'srv.yml'), stringify(makeServer({ slug: 'srv2' })));
		expect(() => loadCatalogue(dir)).toThrow(/srv\.yml: server, field "slug": must equal the file name "srv"/);
		rmSync(join(dir, 'srv.yml'));
		expect(loadCatalogue(dir).map((s) => s.server.slug)).toEqual(['srv', 'up']);
	});

	it('rejects an empty folder', () => {
		expect(() => loadCatalogue(tempDir('atlas-cat-'))).toThrow(/holds no \*\.yaml/);
	});

	it('keeps the committed editor schema in sync with the zod schema', async () => {
		const { catalogueJsonSchema } = await import('../../src/policy/json-schema.ts');
		const committed = JSON.parse(readFileSync('content/server.schema.json', 'utf8'));
		expect(committed).toEqual(catalogueJsonSchema());
	});
});

describe('tool slugs', () => {
	it('keeps ordinary names readable', () => {
		expect(baseSlug('delete_repository')).toBe('delete_repository');
		expect(baseSlug('Get.Issue Comments')).toBe('get-issue-comments');
		expect(toolSlug('delete_repository')).toBe('delete_repository');
	});

	it('gives any other name a form no clean name can take, with a 128-bit hash', () => {
		const slug = toolSlug('Delete_File');
		expect(slug).toMatch(/^delete_file~[a-z2-7]{26}$/);
		expect(isCleanName(slug)).toBe(false);
		expect(toolSlug('???')).toMatch(/^tool~[a-z2-7]{26}$/);
		expect(slugHash('a')).not.toBe(slugHash('b'));
	});

	it('cannot be taken over by a name spelled like another tool’s hashed URL', () => {
		const decoy = toolSlug('Delete_File');
		const slugs = toolSlugs(['Delete_File', decoy, 'delete_file']);
		expect(new Set(slugs.values()).size).toBe(3);
		expect(slugs.get('Delete_File')).toBe(decoy);
		expect(slugs.get(decoy)).not.toBe(decoy);
	});

	it('never changes an existing slug when tools are added (property, seeded)', () => {
		const alphabet = ['a', 'b', 'A', 'B', '_', '-', '.', ' ', '~', '1', 'е', '\u200b'];
		let seed = 0x13;
		const next = () => {
			seed = (seed * 1103515245 + 12345) >>> 0;
			return seed >>> 8;
		};
		const name = () =>
			Array.from({ length: 1 + (next() % 6) }, () => alphabet[next() % alphabet.length]).join('') +
			(next() % 3 === 0 ? toolSlug('ab') : '');
		for (let round = 0; round < 300; round++) {
			const before = [...new Set(Array.from({ length: 1 + (next() % 8) }, name))];
			const added = [...new Set([...before, ...Array.from({ length: 1 + (next() % 8) }, name)])];
			const a = toolSlugs(before);
			const b = toolSlugs(added);
			for (const n of before) expect(b.get(n)).toBe(a.get(n));
			expect(new Set(b.values()).size).toBe(added.length);
		}
	});

	it('fails on a URL assigned twice, naming both owners, case-insensitively', () => {
		expect(() =>
			assertUniqueUrls([
				['/servers/a/', 'server a.yaml'],
				['/servers/A/', 'server A.yaml'],
			]),
		).toThrow(/assigned twice: to server a\.yaml and to server A\.yaml/);
		expect(() =>
			assertUniqueUrls([
				['/servers/a/', 'x'],
				['/servers/b/', 'y'],
			]),
		).not.toThrow();
	});
});
