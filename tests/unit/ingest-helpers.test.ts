/** The ingest's pure helpers: parsing, discovery heuristics, placeholders, diffs, merging, normalising. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { classifyOutput } from '../../scripts/ingest/list.ts';
import { cleanArgs, credentialNames, namesInOutput, pickBin, placeholderFor, readmeArgs } from '../../scripts/ingest/npm.ts';
import { normaliseTool, repositoryUrl } from '../../scripts/ingest/pipeline.ts';
import { describeDiff, diffTools, HISTORY_CAP, mergeWithPrevious } from '../../scripts/ingest/record.ts';
import { scrubPaths } from '../../scripts/ingest/sandbox.ts';
import { markSkips, parseNpmSpec, parsePositional, readSourcesFile, slugFor, splitCommand } from '../../scripts/ingest/sources.ts';
import { parseLine } from '../../scripts/ingest/transport.ts';
import type { ServerFile } from '../../src/catalogue/schema.ts';

const made: string[] = [];
afterAll(() => {
	for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
function tempDir(prefix: string): string {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	made.push(dir);
	return dir;
}

describe('stdout reading', () => {
	it('parses a clean JSON-RPC line and recovers one glued after a banner', () => {
		const message = '{"jsonrpc":"2.0","id":1,"result":{}}';
		expect(parseLine(message)).toEqual({ jsonrpc: '2.0', id: 1, result: {} });
		expect(parseLine(`booting...${message}`)).toEqual({ jsonrpc: '2.0', id: 1, result: {} });
		expect(parseLine('Server {v1} starting')).toBeUndefined();
		expect(parseLine('{"not":"jsonrpc"}')).toBeUndefined();
	});
});

describe('failure classification', () => {
	it.each([
		["Error: Cannot find module '../build/Release/keytar.node'", 'native-module'],
		['TypeError: fetch failed\n  cause: getaddrinfo EAI_AGAIN api.example.com', 'needs-network'],
		['Usage: tool <command>\nCommands:\n  start', 'usage'],
		['Error: GITHUB_TOKEN environment variable is required', 'needs-config'],
		['something odd happened', undefined],
	])('%s → %s', (text, reason) => {
		expect(classifyOutput(text)).toBe(reason);
	});
});

describe('launch discovery', () => {
	it('keeps credential-like names and drops mode switches', () => {
		expect(credentialNames(['GITHUB_TOKEN', 'NODE_ENV', 'PORT', 'MCP_TRANSPORT', 'API_BASE_URL', 'DEBUG', 'lower_case', 'X', 'SLACK_TEAM_ID', 'GITHUB_TOKEN'])).toEqual(['API_BASE_URL', 'GITHUB_TOKEN', 'SLACK_TEAM_ID']);
	});

	it('reads names from error output only on lines that complain', () => {
		expect(namesInOutput('Starting with LOG_LEVEL=info\nError: BROWSERSTACK_USERNAME is required\n')).toEqual(['BROWSERSTACK_USERNAME']);
	});

	it('chooses placeholder values by the shape of the name', () => {
		expect(placeholderFor('MONGODB_URI')).toBe('mongodb://127.0.0.1:9/placeholder');
		expect(placeholderFor('API_URL')).toBe('http://127.0.0.1:9');
		expect(placeholderFor('DB_HOST')).toBe('127.0.0.1');
		expect(placeholderFor('USER_EMAIL')).toBe('placeholder@example.com');
		expect(placeholderFor('OPENAI_API_KEY')).toBe('placeholder-0000000000000000');
	});

	it('takes README arguments after the package name and makes them harmless', () => {
		const readme = '```json\n{"mcpServers":{"pg":{"command":"npx","args":["-y","@me/server-pg","postgresql://localhost/mydb"]}}}\n```';
		expect(readmeArgs(readme, '@me/server-pg')).toEqual(['postgresql://127.0.0.1:9/mydb']);
		expect(readmeArgs('Run `npx -y figma-mcp --stdio --figma-api-key=YOUR_KEY`', 'figma-mcp')).toEqual(['--stdio', '--figma-api-key=placeholder']);
		expect(readmeArgs('nothing here', 'x')).toBeUndefined();
		expect(cleanArgs(['/path/to/dir', 'https://api.example.com', '<token>', '--port', '3000'])).toEqual(['{workdir}', 'http://127.0.0.1:9', 'placeholder']);
	});

	it('picks the bin named like the package, the only one, or one naming mcp', () => {
		expect(pickBin({ name: '@a/b', bin: { b: 'x.js', other: 'y.js' } })).toEqual(['b', 'x.js']);
		expect(pickBin({ name: 'solo', bin: { whatever: 'x.js' } })).toEqual(['whatever', 'x.js']);
		expect(pickBin({ name: 'p', bin: { cli: 'c.js', 'p-mcp': 'm.js' } })).toEqual(['p-mcp', 'm.js']);
		expect(() => pickBin({ name: 'lib' })).toThrow(/declares no bin/);
	});
});

describe('sources', () => {
	it('parses npm specs, positionals and command lines', () => {
		expect(parseNpmSpec('npm:@scope/pkg@1.2.3')).toEqual({ package: '@scope/pkg', version: '1.2.3' });
		expect(parseNpmSpec('npm:plain')).toEqual({ package: 'plain' });
		expect(() => parseNpmSpec('npm:Not A Package')).toThrow(/not an npm spec/);
		expect(parsePositional('https://example.com/mcp')).toEqual({ kind: 'http', url: 'https://example.com/mcp' });
		expect(() => parsePositional('what')).toThrow(/cannot tell/);
		expect(splitCommand(`node "my server.js" --flag 'a b'`)).toEqual(['node', 'my server.js', '--flag', 'a b']);
	});

	it('derives slugs, with the scope for generic names', () => {
		expect(slugFor('@modelcontextprotocol/server-memory')).toBe('server-memory');
		expect(slugFor('@azure/mcp')).toBe('azure-mcp');
		expect(slugFor('Some_Pkg.js')).toBe('some-pkg-js');
	});

	it('lists every problem of a sources file with its entry', () => {
		const dir = tempDir('sources-');
		const file = join(dir, 'sources.yaml');
		writeFileSync(file, 'sources:\n  - npm: ok-pkg\n    env: ["A=secret"]\n  - npm: "bad name"\n');
		expect(() => readSourcesFile(file)).toThrow(/sources\.0\.env\.0: must be a variable name[\s\S]*sources\.1\.npm/);
		writeFileSync(file, 'sources:\n  - npm: a\n  - npm: a\n');
		expect(() => readSourcesFile(file)).toThrow(/lists a twice/);
	});
});

describe('records', () => {
	const tool = (name: string, description = 'd') => ({ name, description, inputSchema: { type: 'object' } });
	const previous = {
		slug: 's',
		name: 'Curated Name',
		source: { npm: 'p', version: '1.0.0' },
		catalogued: { date: '2026-01-01', method: 'tools-list', via: 'x', notes: 'hand-written note' },
		tools: [{ ...tool('a'), curated: { level: 'High', reason: 'Because it matters a lot.' } }, tool('b')],
	} as unknown as ServerFile;
	const fresh = (tools: object[]) => ({ slug: 's', name: 'p', source: { npm: 'p', version: '1.1.0' }, catalogued: { date: '2026-02-02', method: 'tools-list', via: 'y' }, tools });

	it('diffs tools by name and definition, ignoring curation', () => {
		const d = diffTools([tool('a'), tool('b')], [tool('a', 'new text'), tool('c')]);
		expect(d).toEqual({ added: ['c'], removed: ['b'], changed: ['a'] });
		expect(describeDiff(d, false)).toBe('+1 -1 ~1 (added: c; removed: b; changed: a)');
		expect(describeDiff({ added: [], removed: [], changed: [] }, false)).toBe('unchanged');
	});

	it('keeps the previous date, curation and notes when nothing changed', () => {
		const { record, first } = mergeWithPrevious(fresh([tool('a'), tool('b')]), previous, '2026-02-02');
		expect(first).toBe(false);
		expect((record.catalogued as { date: string; notes: string }).date).toBe('2026-01-01');
		expect((record.catalogued as { notes: string }).notes).toBe('hand-written note');
		expect((record.tools as { curated?: unknown }[])[0]?.curated).toEqual({ level: 'High', reason: 'Because it matters a lot.' });
		expect(record.history).toEqual([{ date: '2026-01-01', version: '1.0.0', tools: 2, first: true }]);
	});

	it('records a change with its date, newest first, capped', () => {
		let prev: ServerFile = previous;
		for (let i = 0; i < HISTORY_CAP + 3; i++) {
			const { record } = mergeWithPrevious(fresh([tool('a'), tool(`t${i}`)]), prev, `2026-03-${String(i + 1).padStart(2, '0')}`);
			prev = record as unknown as ServerFile;
		}
		expect(prev.history).toHaveLength(HISTORY_CAP);
		expect(prev.history?.[0]).toMatchObject({ date: '2026-03-13', added: ['t12'], removed: ['t11'] });
		expect(prev.catalogued.date).toBe('2026-03-13');
	});

	it('moves fields outside the MCP tool shape to unknownFields and flags invalid schemas', () => {
		expect(normaliseTool({ name: 'x', inputSchema: { type: 'object' }, tags: ['a'], annotations: { readOnlyHint: 'yes', title: 'X' } })).toEqual({
			name: 'x',
			inputSchema: { type: 'object' },
			annotations: { title: 'X' },
			unknownFields: { tags: ['a'], 'annotations.readOnlyHint': 'yes' },
		});
		expect(normaliseTool({ name: 'y' })).toEqual({ name: 'y', inputSchema: { type: 'object' }, invalidSchema: { reason: 'the server sent no inputSchema' } });
	});

	it('scrubs sandbox paths in keys and values and normalises repository URLs', () => {
		expect(scrubPaths({ '/tmp/abc/x': 'see /tmp/abc/y' }, [['/tmp/abc', '<tmp>']])).toEqual({ '<tmp>/x': 'see <tmp>/y' });
		expect(repositoryUrl({ url: 'git+https://github.com/a/b.git' })).toBe('https://github.com/a/b');
		expect(repositoryUrl('github:a/b')).toBe('https://github.com/a/b');
		expect(repositoryUrl('not a url')).toBeUndefined();
	});
});

describe('marking failed sources', () => {
	it('marks the last failure of each source skip and clears it after a success, keeping comments', () => {
		const dir = tempDir('skips-');
		const sources = join(dir, 'sources.yaml');
		const results = join(dir, 'results.tsv');
		writeFileSync(sources, '# keep me\nsources:\n  - npm: "a"\n    version: "1.0.0"\n  - npm: "@s/b"\n    skip: old reason\n');
		writeFileSync(results, 'source\tok\tslug_or_reason\ttools\tstrategy\tms\tdetail\nnpm:a@1.0.0\tno\ttimeout\t\t\t20000\tno complete answer [bare: timeout]\nnpm:@s/b@2.0.0\tyes\tb\t3\tbare\t900\tnew\n');
		expect(markSkips(sources, results)).toEqual({ marked: 1, cleared: 1 });
		expect(readFileSync(sources, 'utf8')).toBe('# keep me\nsources:\n  - npm: "a"\n    version: "1.0.0"\n    skip: "timeout: no complete answer"\n  - npm: "@s/b"\n');
	});
});
