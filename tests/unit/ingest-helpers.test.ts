/** The ingest's pure helpers: parsing, discovery heuristics, placeholders, diffs, merging, normalising. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { causeLine, classifyOutput } from '../../scripts/ingest/list.ts';
import { missingPrograms, nativePackages, nodeHeadersDir, rebuildCause } from '../../scripts/ingest/native.ts';
import {
	boundNpmCache,
	cleanArgs,
	credentialNames,
	folderBytes,
	namesInOutput,
	npmCause,
	pickBin,
	placeholderFor,
	readmeArgs,
} from '../../scripts/ingest/npm.ts';
import { normaliseTool, recipeWords, repositoryUrl } from '../../scripts/ingest/pipeline.ts';
import { printable } from '../../scripts/ingest/printable.ts';
import { describeDiff, diffTools, HISTORY_CAP, mergeWithPrevious, orderRecord } from '../../scripts/ingest/record.ts';
import { scrubPaths } from '../../scripts/ingest/sandbox.ts';
import {
	markSkips,
	parseNpmSpec,
	parsePositional,
	readSourcesFile,
	recordRecipes,
	slugFor,
	splitCommand,
} from '../../scripts/ingest/sources.ts';
import { parseLine } from '../../scripts/ingest/transport.ts';
import type { ServerFile } from '../../src/catalogue/schema.ts';
import { tempDir } from '../helpers/temp.ts';

describe('printable text from servers', () => {
	it('removes escape sequences, control characters and reordering marks', () => {
		const fail = 'FAIL  npm:x: exited';
		// A server trying to rewrite a FAIL line as "ok": carriage return, erase line, colour, title, bidi.
		const hostile = `${fail}\r\x1b[2K\x1b[32mok\x1b[0m\x1b]0;pwned\x07\u202e\x9b2K\x00\x7f`;
		expect(printable(hostile)).toBe(`${fail}ok`);
		expect(printable('a\tb\nc', true)).toBe('a b c');
		expect(printable('a\tb\nc')).toBe('a\tb\nc');
	});
});

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
		// Addons required without the .node extension, through `bindings`, node-gyp-build, or a custom loader.
		["Fatal: Error: Cannot find module './out/isolated_vm'", 'native-module'],
		['Error: Could not locate the bindings file. Tried:\n → /x/build/addon.node', 'native-module'],
		['Error: No native build was found for platform=linux arch=x64 runtime=node abi=137', 'native-module'],
		['FooDB native binary (foodb.node) could not be put into place.\nUsage: foo <command>', 'native-module'],
		[
			'Error: The module was compiled against a different Node.js version using NODE_MODULE_VERSION 115',
			'native-module',
		],
		['TypeError: fetch failed\n  cause: getaddrinfo EAI_AGAIN api.example.com', 'needs-network'],
		["fatal: unable to access 'https://example.com/repo.git/': Could not resolve host: example.com", 'needs-network'],
		['Error: Node.js 25 or higher is required', 'node-version'],
		['Usage: tool <command>\nCommands:\n  start', 'usage'],
		["error: unknown option '--allowed-dirs'", 'usage'],
		['No command registered for `serve`', 'usage'],
		['Run "tool --help" for usage information.', 'usage'],
		["error: required option '--spec <file>' not specified", 'usage'],
		['Error: GITHUB_TOKEN environment variable is required', 'needs-config'],
		// Credentials named in words, even when usage text follows.
		['Error: No access token was provided.\nUsage: server [options]\nOptions:\n  --token', 'needs-config'],
		['Error: Missing Widget API key\nOptions:\n  --api-key <key>', 'needs-config'],
		['API key required. Set it in the settings.', 'needs-config'],
		['Configuration validation failed:\n  url: expected a URL', 'needs-config'],
		['{"err":{"type":"EnvVarError","message":"env-var: \\"MAX_ITEMS\\" should be a valid integer"}}', 'needs-config'],
		['ERROR: No .env file found at <install>/pkg/.env, copy .env.example to .env', 'needs-config'],
		['No .widgetrc configuration found.', 'needs-config'],
		['ERROR Could not find a valid entrypoint file. Checked src/index.ts', 'needs-config'],
		['Fatal: Authentication failed. Run: widget auth login', 'needs-config'],
		// Broken on any machine: no guess (stays `exited`), even though "not found" and "missing" appear.
		[
			"Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'left-pad' imported from <install>/x/dist/a.js\n  code: 'ERR_MODULE_NOT_FOUND'",
			undefined,
		],
		["SyntaxError: The requested module 'lib' does not provide an export named 'missing'", undefined],
		['something odd happened', undefined],
	])('%s → %s', (text, reason) => {
		expect(classifyOutput(text)).toBe(reason);
	});

	it('picks the line that says why, not the source excerpt above an uncaught error', () => {
		expect(
			causeLine(
				'/x/node_modules/bindings/bindings.js:126\n  err = new Error(\n  ^\n\nError: Could not locate the bindings file. Tried:\n    at bindings (/x/bindings.js:126:9)',
			),
		).toBe('Error: Could not locate the bindings file. Tried:');
		expect(
			causeLine(
				'file:///x/dist/a.js:10\nimport { y } from "lib";\n         ^\nSyntaxError: The requested module does not provide an export named y',
			),
		).toBe('SyntaxError: The requested module does not provide an export named y');
		expect(causeLine('starting\nconfig missing: WIDGET_URL')).toBe('config missing: WIDGET_URL');
		expect(causeLine('just one line')).toBe('just one line');
	});
});

describe('native rebuild helpers', () => {
	it('finds packages with native build files at any depth', () => {
		const dir = tempDir('native-');
		const add = (path: string, pkg: object, files: string[] = []) => {
			mkdirSync(join(dir, 'node_modules', path), { recursive: true });
			writeFileSync(join(dir, 'node_modules', path, 'package.json'), JSON.stringify(pkg));
			for (const f of files) writeFileSync(join(dir, 'node_modules', path, f), '{}');
		};
		add('server', { name: 'server' });
		add('plain', { name: 'plain', scripts: { postinstall: 'node banner.js' } });
		add('gyp', { name: 'gyp' }, ['binding.gyp']);
		add('@s/prebuilt', { name: '@s/prebuilt', scripts: { install: 'prebuild-install || node-gyp rebuild' } });
		add('server/node_modules/nested', { name: 'nested', gypfile: true });
		expect(nativePackages(dir)).toEqual(['@s/prebuilt', 'gyp', 'nested']);
	});

	it('names missing toolchain programs and finds headers of this Node', () => {
		const bin = tempDir('bin-');
		writeFileSync(join(bin, 'make'), '', { mode: 0o755 });
		writeFileSync(join(bin, 'g++'), '', { mode: 0o644 }); // not executable
		expect(missingPrograms(['python3', 'make', 'g++'], bin)).toEqual(['python3', 'g++']);
		const prefix = tempDir('node-');
		mkdirSync(join(prefix, 'bin'));
		mkdirSync(join(prefix, 'include', 'node'), { recursive: true });
		writeFileSync(
			join(prefix, 'include', 'node', 'node_version.h'),
			'#define NODE_MAJOR_VERSION 24\n#define NODE_MINOR_VERSION 1\n#define NODE_PATCH_VERSION 2\n',
		);
		expect(nodeHeadersDir(join(prefix, 'bin', 'node'), '24.1.2')).toBe(prefix);
		expect(nodeHeadersDir(join(prefix, 'bin', 'node'), '24.1.3')).toBeUndefined();
	});

	it('keeps the telling lines of a failed rebuild', () => {
		const output = [
			'npm error code 1',
			'npm error path /x/node_modules/keytar',
			'npm error command failed',
			'npm error command sh -c prebuild-install || node-gyp rebuild',
			'npm error gyp info it worked if it ends with ok',
			'npm error Package widget-1 was not found in the pkg-config search path.',
			'npm error gyp ERR! build error',
			'npm error gyp ERR! stack Error: `make` failed with exit code: 2',
			'npm error gyp ERR! stack     at ChildProcess.onExit (/x/build.js:1:1)',
			'npm error gyp ERR! $npm_package_name keytar',
			'npm error gyp ERR! not ok',
			'npm error A complete log of this run can be found in: /x.log',
		].join('\n');
		expect(rebuildCause(output)).toBe(
			'Package widget-1 was not found in the pkg-config search path. / gyp ERR! build error / gyp ERR! stack Error: `make` failed with exit code: 2',
		);
	});
});

describe('launch discovery', () => {
	it('keeps credential-like names and drops mode switches', () => {
		expect(
			credentialNames([
				'GITHUB_TOKEN',
				'NODE_ENV',
				'PORT',
				'MCP_TRANSPORT',
				'API_BASE_URL',
				'DEBUG',
				'lower_case',
				'X',
				'SLACK_TEAM_ID',
				'GITHUB_TOKEN',
			]),
		).toEqual(['API_BASE_URL', 'GITHUB_TOKEN', 'SLACK_TEAM_ID']);
	});

	it('reads names from error output only on lines that complain', () => {
		expect(namesInOutput('Starting with LOG_LEVEL=info\nError: BROWSERSTACK_USERNAME is required\n')).toEqual([
			'BROWSERSTACK_USERNAME',
		]);
	});

	it('chooses placeholder values by the shape of the name', () => {
		expect(placeholderFor('MONGODB_URI')).toBe('mongodb://127.0.0.1:9/placeholder');
		expect(placeholderFor('API_URL')).toBe('http://127.0.0.1:9');
		expect(placeholderFor('DB_HOST')).toBe('127.0.0.1');
		expect(placeholderFor('USER_EMAIL')).toBe('placeholder@example.com');
		expect(placeholderFor('OPENAI_API_KEY')).toBe('placeholder-0000000000000000');
	});

	it('takes README arguments after the package name and makes them harmless', () => {
		const readme =
			'```json\n{"mcpServers":{"pg":{"command":"npx","args":["-y","@me/server-pg","postgresql://localhost/mydb"]}}}\n```';
		expect(readmeArgs(readme, '@me/server-pg')).toEqual(['postgresql://127.0.0.1:9/mydb']);
		expect(readmeArgs('Run `npx -y figma-mcp --stdio --figma-api-key=YOUR_KEY`', 'figma-mcp')).toEqual([
			'--stdio',
			'--figma-api-key=placeholder',
		]);
		expect(readmeArgs('nothing here', 'x')).toBeUndefined();
		expect(cleanArgs(['/path/to/dir', 'https://api.example.com', '<token>', '--port', '3000'])).toEqual([
			'{workdir}',
			'http://127.0.0.1:9',
			'placeholder',
		]);
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

	it('says in one line why npm install failed, in text or JSON mode, without the registry address or log pointers', () => {
		const text = [
			'npm error code E404',
			'npm error 404 Not Found - GET https://registry.example/surely-not-a-package',
			'npm error 404',
			"npm error 404  The requested resource 'surely-not-a-package@1.0.0' could not be found or you do not have permission to access it.",
			'npm error 404',
			'npm error 404 Note that you can also install from a',
			'npm error 404 tarball, folder, http url, or git url.',
			'npm error A complete log of this run can be found in: /home/me/.npm/_logs/x-debug-0.log',
		].join('\n');
		expect(npmCause(text)).toBe(
			"Not Found The requested resource 'surely-not-a-package@1.0.0' could not be found or you do not have permission to access it.",
		);
		const json = [
			'npm error code ETARGET',
			'{',
			'  "error": {',
			'    "code": "ETARGET",',
			'    "summary": "No matching version found for pkg@9.0.0.",',
			'    "detail": "In most cases you or one of your dependencies are requesting a package version that doesn\'t exist."',
			'  }',
			'}',
			'npm error A complete log of this run can be found in: /home/me/.npm/_logs/y-debug-0.log',
		].join('\n');
		expect(npmCause(json)).toBe(
			"No matching version found for pkg@9.0.0. In most cases you or one of your dependencies are requesting a package version that doesn't exist.",
		);
		expect(npmCause('something odd\nhappened')).toBe('something odd happened');
	});

	it('empties its own npm cache only once it outgrows the cap', () => {
		const cache = join(tempDir('npm-cache-'), 'cache');
		mkdirSync(join(cache, '_cacache', 'content'), { recursive: true });
		writeFileSync(join(cache, '_cacache', 'content', 'a'), 'x'.repeat(600));
		writeFileSync(join(cache, 'b'), 'y'.repeat(500));
		expect(folderBytes(cache)).toBe(1100);
		expect(boundNpmCache(cache, 2000)).toBe(false);
		expect(folderBytes(cache)).toBe(1100);
		expect(boundNpmCache(cache, 1000)).toBe(true);
		expect(folderBytes(cache)).toBe(0);
	});

	it('records a local command with paths inside the working folder made relative, others kept', () => {
		expect(recipeWords('node /srv/atlas/servers/well.mjs --root /srv/atlas --data /data/x', '/srv/atlas')).toEqual([
			'node',
			'servers/well.mjs',
			'--root',
			'/srv/atlas',
			'--data',
			'/data/x',
		]);
		expect(recipeWords('node /srv/atlas-other/x.mjs ./y.mjs', '/srv/atlas')).toEqual([
			'node',
			'/srv/atlas-other/x.mjs',
			'./y.mjs',
		]);
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
	const fresh = (tools: object[]) => ({
		slug: 's',
		name: 'p',
		source: { npm: 'p', version: '1.1.0' },
		catalogued: { date: '2026-02-02', method: 'tools-list', via: 'y' },
		tools,
	});

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
		expect((record.tools as { curated?: unknown }[])[0]?.curated).toEqual({
			level: 'High',
			reason: 'Because it matters a lot.',
		});
		expect(record.history).toEqual([{ date: '2026-01-01', version: '1.0.0', tools: 2, first: true }]);
	});

	it('records a change with its date, newest first, capped', () => {
		let prev: ServerFile = previous;
		for (let i = 0; i < HISTORY_CAP + 3; i++) {
			const { record } = mergeWithPrevious(
				fresh([tool('a'), tool(`t${i}`)]),
				prev,
				`2026-03-${String(i + 1).padStart(2, '0')}`,
			);
			prev = record as unknown as ServerFile;
		}
		expect(prev.history).toHaveLength(HISTORY_CAP);
		expect(prev.history?.[0]).toMatchObject({ date: '2026-03-13', added: ['t12'], removed: ['t11'] });
		expect(prev.catalogued.date).toBe('2026-03-13');
	});

	it('keeps every change of a day when a server changes three times on it', () => {
		const day = '2026-04-01';
		const steps = [
			[tool('a', 'now deletes things'), tool('b')], // a's description changes
			[tool('a', 'now deletes things')], // b is removed
			[tool('a', 'now deletes things'), tool('c')], // c is added
		];
		let prev: ServerFile = previous;
		for (const tools of steps) prev = mergeWithPrevious(fresh(tools), prev, day).record as unknown as ServerFile;
		expect(prev.history).toEqual([
			{ date: day, version: '1.1.0', tools: 2, added: ['c'], removed: ['b'], changed: ['a'] },
			{ date: '2026-01-01', version: '1.0.0', tools: 2, first: true },
		]);
	});

	it('moves fields outside the MCP tool shape to unknownFields and flags invalid schemas', () => {
		expect(
			normaliseTool({
				name: 'x',
				inputSchema: { type: 'object' },
				tags: ['a'],
				annotations: { readOnlyHint: 'yes', title: 'X' },
			}),
		).toEqual({
			name: 'x',
			inputSchema: { type: 'object' },
			annotations: { title: 'X' },
			unknownFields: { tags: ['a'], 'annotations.readOnlyHint': 'yes' },
		});
		expect(normaliseTool({ name: 'y' })).toEqual({
			name: 'y',
			inputSchema: { type: 'object' },
			invalidSchema: { reason: 'the server sent no inputSchema' },
		});
	});

	it('scrubs sandbox paths in keys and values and normalises repository URLs', () => {
		expect(scrubPaths({ '/tmp/abc/x': 'see /tmp/abc/y' }, [['/tmp/abc', '<tmp>']])).toEqual({
			'<tmp>/x': 'see <tmp>/y',
		});
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
		writeFileSync(
			sources,
			'# keep me\nsources:\n  - npm: "a"\n    version: "1.0.0"\n  - npm: "@s/b"\n    skip: old reason\n',
		);
		writeFileSync(
			results,
			'source\tok\tslug_or_reason\ttools\tstrategy\tms\tdetail\nnpm:a@1.0.0\tno\ttimeout\t\t\t20000\tno complete answer [bare: timeout]\nnpm:@s/b@2.0.0\tyes\tb\t3\tbare\t900\tnew\n',
		);
		expect(markSkips(sources, results)).toEqual({ marked: 1, cleared: 1 });
		expect(readFileSync(sources, 'utf8')).toBe(
			'# keep me\nsources:\n  - npm: "a"\n    version: "1.0.0"\n    skip: "timeout: no complete answer"\n  - npm: "@s/b"\n',
		);
	});
});

describe('recording launch recipes in the sources file', () => {
	it("copies the args and placeholder names of each listed entry's file, leaving curated, skipped and bare entries as they are", () => {
		const dir = tempDir('recipes-');
		const out = join(dir, 'servers');
		mkdirSync(out);
		const record = (slug: string, npm: string, launch: object) =>
			writeFileSync(
				join(out, `${slug}.yaml`),
				stringify({
					slug,
					name: slug,
					source: { npm, version: '1.0.0' },
					catalogued: { date: '2026-11-22', method: 'tools-list', via: 'test' },
					launch: { transport: 'stdio', ...launch },
					tools: [{ name: 't', inputSchema: { type: 'object' } }],
				}),
			);
		record('found', 'found', { strategy: 'placeholders', env: ['FOUND_API_KEY'] });
		record('readme', '@s/readme', { strategy: 'readme-args', args: ['serve', '{workdir}'], env: ['README_TOKEN'] });
		record('bare', 'bare', { strategy: 'bare' });
		record('curated', 'curated', { strategy: 'curated', env: ['OTHER'] });
		const sources = join(dir, 'sources.yaml');
		writeFileSync(
			sources,
			[
				'sources:',
				'  - npm: "found"',
				'  - npm: "@s/readme"',
				'    slug: readme',
				'  - npm: "bare"',
				'  - npm: "curated"',
				'    env: [MINE]',
				'  - npm: "gone"',
				'    skip: "timeout: x"',
				'',
			].join('\n'),
		);
		expect(recordRecipes(sources, out)).toEqual({ recorded: 2 });
		expect(readFileSync(sources, 'utf8')).toBe(
			[
				'sources:',
				'  - npm: "found"',
				'    env: [FOUND_API_KEY]',
				'  - npm: "@s/readme"',
				'    slug: readme',
				'    args: [serve, "{workdir}"]',
				'    env: [README_TOKEN]',
				'  - npm: "bare"',
				'  - npm: "curated"',
				'    env: [MINE]',
				'  - npm: "gone"',
				'    skip: "timeout: x"',
				'',
			].join('\n'),
		);
		// What was written reads back as sources with those recipes.
		expect(readSourcesFile(sources).find((s) => s.slug === 'readme')).toMatchObject({
			args: ['serve', '{workdir}'],
			env: ['README_TOKEN'],
		});
	});
});

describe('record key order', () => {
	it('writes serverInfo in one order whatever order the server sent it in', () => {
		const a = orderRecord({ serverInfo: { title: 'T', version: '1', name: 'n', extra: 1 } });
		const b = orderRecord({ serverInfo: { name: 'n', extra: 1, version: '1', title: 'T' } });
		expect(Object.keys(a.serverInfo as object)).toEqual(['name', 'version', 'title', 'extra']);
		expect(Object.keys(b.serverInfo as object)).toEqual(Object.keys(a.serverInfo as object));
	});
});
