/**
 * The ingest pipeline end to end against small MCP servers the tests start themselves
 * (tests/ingest/fixtures), in the real sandbox, writing into temporary folders only.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { ingestSource, type Outcome } from '../../scripts/ingest/pipeline.ts';
import type { Source } from '../../scripts/ingest/sources.ts';
import { serverFileSchema } from '../../src/catalogue/schema.ts';
import { tempDir } from '../helpers/temp.ts';

const FIXTURES = resolve('tests/ingest/fixtures');
const SEEDS = resolve('../shared/seed-servers');
const REPO = 'https://example.com/fixtures';

function freshDir(): string {
	return tempDir('ingest-test-');
}

function command(fixture: string, extra: Partial<Source> = {}): Source {
	return {
		kind: 'command',
		command: `node ${join(FIXTURES, `${fixture}.mjs`)}`,
		repository: REPO,
		slug: `fx-${fixture}`,
		...extra,
	} as Source;
}

async function ingest(source: Source, outDir: string, today = '2026-11-22', timeoutMs = 5000): Promise<Outcome> {
	return ingestSource(source, { outDir, timeoutMs, today });
}

function readRecord(outDir: string, slug: string) {
	return serverFileSchema.parse(parse(readFileSync(join(outDir, `${slug}.yaml`), 'utf8')));
}

function failure(o: Outcome): { reason: string; message: string } {
	if (o.ok) throw new Error(`expected a failure, got ${o.tools} tools`);
	return o;
}

describe('ingest of fixture servers over --command', () => {
	const out = freshDir();

	it('lists a well-behaved server and writes a valid, scrubbed record', async () => {
		const o = await ingest(command('well'), out);
		expect(o.ok).toBe(true);
		const record = readRecord(out, 'fx-well');
		expect(record.tools.map((t) => t.name)).toEqual(['get_widget', 'delete_widget']);
		expect(record.serverInfo).toEqual({ name: 'fixture-well', version: '1.0.0' });
		expect(record.protocolVersion).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(record.capabilities).toHaveProperty('tools');
		expect(record.launch).toMatchObject({ transport: 'stdio', strategy: 'command', pages: 1 });
		// The recipe names the fixture relative to the checkout, not by this machine's folders.
		expect(record.launch?.args).toEqual(['node', 'tests/ingest/fixtures/well.mjs']);
		expect(record.tools[0]?.outputSchema).toBeDefined();
		expect(record.tools[0]?.annotations).toEqual({ readOnlyHint: true });
		// The throwaway HOME and TMPDIR the server saw are scrubbed from its text.
		expect(record.tools[1]?.description).toBe(
			'Delete a widget by id. Scratch files live in <tmpdir>/widgets and <home>/.widgets.',
		);
		expect(readFileSync(join(out, 'fx-well.yaml'), 'utf8')).not.toMatch(/\/tmp\/|\/root\//);
		expect(record.history).toEqual([{ date: '2026-11-22', tools: 2, first: true }]);
	});

	it('re-ingests deterministically: same bytes, same date, nothing written', async () => {
		const before = readFileSync(join(out, 'fx-well.yaml'), 'utf8');
		const o = await ingest(command('well'), out, '2026-12-01');
		expect(o.ok && { written: o.written, diff: o.diff }).toEqual({
			written: false,
			diff: { added: [], removed: [], changed: [] },
		});
		expect(readFileSync(join(out, 'fx-well.yaml'), 'utf8')).toBe(before);
	});

	it('keeps curated fields, records changes in the history and moves the date only on change', async () => {
		const path = join(out, 'fx-well.yaml');
		const data = parse(readFileSync(path, 'utf8'));
		data.tools[1].curated = { level: 'High', reason: 'Widgets cannot be restored once deleted.' };
		writeFileSync(path, stringify(data));
		const o = await ingest(command('well', { env: ['FIXTURE_EXTRA'] }), out, '2026-12-02');
		expect(o.ok && o.diff).toEqual({ added: ['list_widgets'], removed: [], changed: [] });
		const record = readRecord(out, 'fx-well');
		expect(record.tools.find((t) => t.name === 'delete_widget')?.curated?.level).toBe('High');
		expect(record.catalogued.date).toBe('2026-12-02');
		expect(record.launch?.env).toEqual(['FIXTURE_EXTRA']);
		expect(record.serverInfo).toEqual({
			name: 'fixture-well',
			version: '1.0.0',
			unknownFields: { vendorBuild: { id: 7 } },
		});
		expect(record.history?.[0]).toEqual({ date: '2026-12-02', tools: 3, added: ['list_widgets'] });
		expect(record.history).toHaveLength(2);
	});

	it('tolerates stdout noise, including a banner glued to the first answer, and counts it', async () => {
		const o = await ingest(command('noisy'), out);
		expect(o.ok && o.tools).toBe(1);
		expect(readRecord(out, 'fx-noisy').launch?.stdoutNoiseLines).toBeGreaterThanOrEqual(2);
	});

	it('follows nextCursor across pages', async () => {
		const o = await ingest(command('paginating'), out);
		expect(o.ok && o.tools).toBe(5);
		const record = readRecord(out, 'fx-paginating');
		expect(record.tools.map((t) => t.name)).toEqual(['alpha', 'bravo', 'charlie', 'delta', 'echo']);
		expect(record.launch?.pages).toBe(3);
	});

	it('re-reads a page the SDK rejects and flags the tool with the invalid schema', async () => {
		const o = await ingest(command('malformed'), out);
		expect(o.ok && o.tools).toBe(2);
		const [good, bad] = readRecord(out, 'fx-malformed').tools;
		expect(good?.invalidSchema).toBeUndefined();
		expect(bad?.inputSchema).toEqual({ type: 'object' });
		expect(bad?.invalidSchema).toEqual({
			reason: 'inputSchema is not a JSON Schema with "type": "object"',
			original: { $schema: 'http://json-schema.org/draft-07/schema#' },
		});
	});

	it('reports a crashing server with the variable it names, and leaves the previous file intact', async () => {
		const path = join(out, 'fx-well.yaml');
		const before = readFileSync(path, 'utf8');
		const f = failure(await ingest(command('crashing', { slug: 'fx-well' }), out));
		expect(f.reason).toBe('needs-config');
		expect(f.message).toContain('WIDGET_API_KEY');
		expect(readFileSync(path, 'utf8')).toBe(before);
		expect(readdirSync(out).filter((n) => n.includes('.tmp-'))).toEqual([]);
	});

	it('gives up on a hanging server at the hard timeout and kills it', async () => {
		const started = Date.now();
		const f = failure(await ingest(command('hanging'), out, '2026-11-22', 1500));
		expect(f.reason).toBe('timeout');
		// The 1.5 s limit plus start-up and kill: 15 s leaves a loaded machine room, and the server never exits.
		expect(Date.now() - started).toBeLessThan(15_000);
		expect(await survivors(join(FIXTURES, 'hanging.mjs'))).toEqual([]);
	});

	// Its own timeout is long, so only the detection can end the run in under half of it, however busy the machine.
	it('detects a server that only serves HTTP instead of waiting it out', async () => {
		const started = Date.now();
		const f = failure(await ingest(command('http-only'), out, '2026-11-22', 60_000));
		expect(f.reason).toBe('http-only');
		expect(Date.now() - started).toBeLessThan(30_000);
	}, 90_000);

	it('detects usage text and a fast exit', async () => {
		expect(failure(await ingest(command('usage'), out)).reason).toBe('usage');
	});

	// Each waits forever; its own timeout is long, so only the detection can end the run in under half of it.
	it.each([
		['usage-alive', 'usage', 'usage text from a server that stays alive'],
		['prompting', 'interactive', 'a prompt printed on stdout without a newline'],
	])(
		'detects %s (%s) instead of waiting it out: %s',
		async (fixture, reason) => {
			const started = Date.now();
			const f = failure(await ingest(command(fixture), out, '2026-11-22', 60_000));
			expect(f.reason).toBe(reason);
			expect(Date.now() - started).toBeLessThan(30_000);
		},
		90_000,
	);

	it('runs the server without network, host folders or our environment', async () => {
		const o = await ingest(command('probe'), out);
		expect(o.ok).toBe(true);
		const seen = JSON.parse(readRecord(out, 'fx-probe').tools[0]?.description ?? '{}');
		expect(seen.net).not.toBe('reached');
		expect(seen.root).toBe('absent');
		expect(seen.home).toBe('absent');
		expect(seen.env).toEqual(['HOME', 'LANG', 'PATH', 'PWD', 'TMPDIR', 'USER']); // PWD: bwrap's --chdir
		expect(seen.hostname).toBe('localhost');
		expect(seen.uid).toBe(65534);
	});
});

/** Pids of live processes whose command line mentions `marker` (Linux /proc). */
function processesMentioning(marker: string): number[] {
	return readdirSync('/proc')
		.filter((d) => /^\d+$/.test(d))
		.filter((d) => {
			try {
				return readFileSync(`/proc/${d}/cmdline`, 'utf8').includes(marker);
			} catch {
				return false; // ended meanwhile
			}
		})
		.map(Number);
}

/** Pids still mentioning `marker` after up to `ms` for them to end: a killed process tree dies asynchronously. */
async function survivors(marker: string, ms = 10_000): Promise<number[]> {
	const deadline = Date.now() + ms;
	let left = processesMentioning(marker);
	while (left.length > 0 && Date.now() < deadline) {
		await new Promise((r) => setTimeout(r, 100));
		left = processesMentioning(marker);
	}
	return left;
}

describe('an interrupted ingest', () => {
	const TSX = resolve('node_modules/tsx/dist/cli.mjs');
	it.each(['SIGINT', 'SIGTERM'] as const)(
		'leaves no server running and no sandbox folder after %s',
		async (signal) => {
			// Its own TMPDIR, so the sandbox folders and the server's command line are recognisable.
			const tmp = freshDir();
			const cli = spawn(
				process.execPath,
				[
					TSX,
					'scripts/ingest.ts',
					'--command',
					`node ${join(FIXTURES, 'hanging.mjs')}`,
					'--repository',
					REPO,
					'--slug',
					'fx-hang',
					'--out',
					freshDir(),
					'--timeout',
					'60',
				],
				{
					env: { ...process.env, TMPDIR: tmp },
					stdio: 'ignore',
					detached: true, // a process group, as a terminal's Ctrl-C reaches it
				},
			);
			const exited = new Promise<number | null>((done) => cli.once('exit', (code) => done(code)));
			const deadline = Date.now() + 30_000;
			while (processesMentioning(tmp).length === 0 && Date.now() < deadline)
				await new Promise((r) => setTimeout(r, 100));
			expect(processesMentioning(tmp).length, 'the sandboxed server started').toBeGreaterThan(0);
			expect(readdirSync(tmp).some((d) => d.startsWith('atlas-ingest-'))).toBe(true);
			process.kill(-(cli.pid as number), signal);
			expect(await exited).toBe(signal === 'SIGINT' ? 130 : 143);
			expect(await survivors(tmp)).toEqual([]); // a killed namespace takes a moment to go
			expect(readdirSync(tmp).filter((d) => d.startsWith('atlas-ingest-'))).toEqual([]);
		},
		60_000,
	);
});

describe('ingest over Streamable HTTP', () => {
	const out = freshDir();
	const server = spawn(process.execPath, [join(FIXTURES, 'http.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] });
	afterAll(() => void server.kill('SIGKILL'));

	it('lists the tools of a URL', async () => {
		const port = await new Promise<number>((done) =>
			server.stdout.on('data', (chunk: Buffer) => done(Number(/PORT (\d+)/.exec(String(chunk))?.[1]))),
		);
		const o = await ingest({ kind: 'http', url: `http://127.0.0.1:${port}/mcp`, slug: 'fx-http' }, out);
		expect(o.ok && o.tools).toBe(1);
		const record = readRecord(out, 'fx-http');
		expect(record.launch).toMatchObject({ transport: 'http' });
		expect(record.serverInfo?.name).toBe('fixture-http');
	});
});

describe('ingest of saved listings', () => {
	const out = freshDir();

	it('ingests a saved tools/list result (a JSON-RPC response)', async () => {
		const file = join(out, 'saved-demo.json');
		writeFileSync(
			file,
			JSON.stringify({
				jsonrpc: '2.0',
				id: 2,
				result: { tools: [{ name: 'ping', description: 'Ping.', inputSchema: { type: 'object' }, category: 'misc' }] },
			}),
		);
		const o = await ingest({ kind: 'saved', file, repository: REPO }, out);
		expect(o.ok && o.slug).toBe('saved-demo');
		const tool = readRecord(out, 'saved-demo').tools[0];
		expect(tool?.unknownFields).toEqual({ category: 'misc' }); // kept verbatim, outside the MCP shape
	});

	it('names the file and the problem when a saved listing is not one', async () => {
		const file = join(out, 'broken.json');
		writeFileSync(file, JSON.stringify({ hello: 'world' }));
		const f = failure(await ingest({ kind: 'saved', file, repository: REPO }, out));
		expect(f.reason).toBe('bad-input');
		expect(f.message).toContain('broken.json');
	});

	const seeds = existsSync(SEEDS) ? readdirSync(SEEDS).filter((n) => n.endsWith('.json')) : [];
	it.runIf(seeds.length > 0)('ingests the seed dumps in ../shared/seed-servers into a temporary folder', async () => {
		const seedOut = freshDir();
		for (const name of seeds) {
			const dump = JSON.parse(readFileSync(join(SEEDS, name), 'utf8')) as {
				tools: unknown[];
				server: { slug: string };
			};
			const o = await ingest({ kind: 'saved', file: join(SEEDS, name) }, seedOut);
			if (dump.tools.length === 0) {
				expect(failure(o).reason).toBe('zero-tools');
				continue;
			}
			expect(o.ok && o.tools, name).toBe(dump.tools.length);
			const record = readRecord(seedOut, dump.server.slug);
			expect(record.catalogued.method).toBe('source-parse');
		}
	});
});

describe('native rebuild of an npm package', () => {
	const out = freshDir();
	const packDir = freshDir();

	/** Packs the native-addon fixture (install script replaced when given) into a tarball npm installs offline. */
	function pack(version: string, installScript?: string): Source {
		const dir = join(packDir, version);
		cpSync(join(FIXTURES, 'native-addon'), dir, { recursive: true });
		const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
		pkg.version = version;
		if (installScript) pkg.scripts.install = installScript;
		writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg));
		execFileSync('npm', ['pack', '--pack-destination', packDir], { cwd: dir, stdio: 'ignore' });
		return {
			kind: 'npm',
			package: 'fixture-native-addon',
			version: `file:${join(packDir, `fixture-native-addon-${version}.tgz`)}`,
		};
	}

	it('rebuilds a missing .node file in the sandbox, retries, and records the rebuild', async () => {
		const o = await ingestSource(pack('1.0.0'), { outDir: out, timeoutMs: 5000, today: '2026-11-22' });
		expect(o.ok ? o.tools : o).toBe(1);
		const record = readRecord(out, 'fixture-native-addon');
		expect(record.launch).toMatchObject({ transport: 'stdio', strategy: 'bare', nativeRebuild: true });
		expect(record.catalogued.via).toContain('native addons rebuilt offline (npm rebuild of fixture-native-addon)');
		// The install script ran with a throwaway HOME, without network, and as nobody when we are root.
		const seen = JSON.parse(/Built by (\{.*\})$/.exec(record.tools[0]?.description ?? '')?.[1] ?? '{}');
		expect(seen.home).toBe('<home>');
		expect(seen.interfaces).toEqual(['lo']);
		if (process.getuid?.() === 0) expect(seen.uid).toBe(65534);
	}, 60_000);

	it('keeps a hand-edited description when the package is ingested again', async () => {
		const path = join(out, 'fixture-native-addon.yaml');
		const data = parse(readFileSync(path, 'utf8'));
		expect(data.description).toBe(
			'Ingest test fixture: an MCP server whose native addon is made by its install script.',
		);
		data.description = 'Edited by a curator.';
		writeFileSync(path, stringify(data));
		const o = await ingestSource(pack('1.0.0'), { outDir: out, timeoutMs: 5000, today: '2026-11-23' });
		expect(o.ok ? o.tools : o).toBe(1);
		expect(readRecord(out, 'fixture-native-addon').description).toBe('Edited by a curator.');
	}, 60_000);

	it('reports a failing rebuild as native-module with its cause', async () => {
		const f = failure(
			await ingestSource(
				pack('1.0.1', `node -e "console.error('gyp ERR! build error: make failed'); process.exit(1)"`),
				{ outDir: out, timeoutMs: 5000, today: '2026-11-22' },
			),
		);
		expect(f.reason).toBe('native-module');
		expect(f.message).toMatch(
			/^the native rebuild \(npm rebuild of fixture-native-addon\) failed \(exit 1\) after \d+ s: .*make failed/,
		);
		expect(f.message).toContain("Cannot find module './build/Release/addon.node'");
	}, 60_000);

	it('kills a rebuild at its time limit', async () => {
		const source = pack('1.0.2', 'node -e "setInterval(() => {}, 1000)" rebuild-forever');
		const started = Date.now();
		const f = failure(
			await ingestSource(source, {
				outDir: out,
				timeoutMs: 5000,
				today: '2026-11-22',
				rebuildTimeoutMs: 2000,
			}),
		);
		expect(f.reason).toBe('native-module');
		expect(f.message).toContain('did not finish within 2 s and was killed');
		// Install, failed launch, the 2 s rebuild and the retry: seconds idle; a rebuild never killed runs forever.
		expect(Date.now() - started).toBeLessThan(30_000);
		expect(await survivors('rebuild-forever')).toEqual([]);
	}, 60_000);
});
