/**
 * Hand ingest: catalogue ONE npm-published MCP server by asking it for its tools.
 *
 * This is the by-hand precursor of the full ingest tool (`npm run ingest`, a later issue), which will
 * add more sources (PyPI, Docker, remote servers) and launch strategies. It does just this:
 *
 *   1. `npm install --ignore-scripts` the package into a fresh temporary folder;
 *   2. picks its bin (the key equal to the package name, the only one, or one containing "mcp");
 *   3. runs it as untrusted code: no network (`unshare -n`), its own PID namespace so the whole process
 *      tree dies with it, its own mount and UTS namespaces (hostname `localhost`; /home, /mnt, /root,
 *      /media and /srv hidden under empty tmpfs, so neither the server nor its tool texts see this
 *      machine's folders), an unprivileged user when we are root, an environment holding only PATH
 *      (the node binary's folder), HOME, TMPDIR and LANG, a throwaway working directory, a 20 s limit;
 *   4. over stdio, records `initialize` (serverInfo, protocol version, capabilities) and every page of
 *      `tools/list`, keeping each tool as returned;
 *   5. writes `content/servers/<slug>.yaml` (deterministic key order, machine paths scrubbed) after
 *      validating it against the catalogue schema; then deletes the temporary folder.
 *
 * Usage (Node 24 from the repo):
 *   PATH=$PWD/node_modules/.bin:$PATH tsx scripts/hand-ingest.ts <npm spec> \
 *     [--slug s] [--name "Display Name"] [--notes "text"] [--env NAME=value]... [-- extra server args]
 * In extra server args, `{workdir}` stands for the throwaway working directory (e.g. the allowed
 * directory of the filesystem server). `--env` values reach the server but only NAMES are recorded.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { Document } from 'yaml';
import { z } from 'zod';
import { serverFileSchema } from '../src/catalogue/schema.ts';

const TIMEOUT_MS = 20_000;
/** Unprivileged uid/gid the server runs as when this script runs as root (`nobody`). */
const NOBODY = 65534;
const SERVER_KEYS = ['slug', 'name', 'description', 'license', 'source', 'catalogued', 'serverInfo', 'protocolVersion', 'capabilities', 'tools'];
const TOOL_KEYS = ['name', 'title', 'description', 'inputSchema', 'outputSchema', 'annotations', 'icons', 'execution', '_meta'];

type Json = Record<string, unknown>;

/**
 * Runs inside the new namespaces as (namespace) root, then execs the server command given as "$@":
 * neutral hostname, host folders detached and covered by empty read-only tmpfs.
 */
const SANDBOX_SETUP = [
	'PATH=/usr/sbin:/usr/bin:/sbin:/bin', // the setup's own PATH; `env -i` gives the server its scrubbed one
	'hostname localhost || exit 1',
	'for m in $(awk \'$2 ~ "^/(home|mnt|root|media|srv)/" {print $2}\' /proc/mounts | sort -r); do umount -l "$m" || exit 1; done',
	'for d in /home /mnt /root /media /srv; do if [ -d "$d" ]; then mount -t tmpfs -o ro,size=16k,mode=755 hidden "$d" || exit 1; fi; done',
	'exec "$@"',
].join('\n');

interface Options {
	spec: string;
	slug?: string;
	name?: string;
	notes?: string;
	env: Record<string, string>;
	serverArgs: string[];
}

function parseArgs(argv: string[]): Options {
	const dash = argv.indexOf('--');
	const own = dash === -1 ? argv : argv.slice(0, dash);
	const serverArgs = dash === -1 ? [] : argv.slice(dash + 1);
	const opts: Options = { spec: '', env: {}, serverArgs };
	for (let i = 0; i < own.length; i++) {
		const arg = own[i] ?? '';
		const value = () => {
			const v = own[++i];
			if (v === undefined) throw new Error(`${arg} needs a value`);
			return v;
		};
		if (arg === '--slug') opts.slug = value();
		else if (arg === '--name') opts.name = value();
		else if (arg === '--notes') opts.notes = value();
		else if (arg === '--env') {
			const [key, ...rest] = value().split('=');
			if (!key || rest.length === 0) throw new Error('--env takes NAME=value');
			opts.env[key] = rest.join('=');
		} else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}`);
		else if (!opts.spec) opts.spec = arg;
		else throw new Error(`unexpected argument ${arg}`);
	}
	if (!opts.spec) throw new Error('usage: tsx scripts/hand-ingest.ts <npm spec> [--slug s] [--name "Name"] [--notes "text"] [--env NAME=value]... [-- server args]');
	return opts;
}

/** Absolute path of a host program, so the scrubbed PATH of the child does not need to contain it. */
function which(program: string): string {
	return execFileSync('sh', ['-c', `command -v ${program}`], { encoding: 'utf8' }).trim();
}

/** Picks the bin to run: the key equal to the package name (with or without scope), the only one, or one naming "mcp". */
function pickBin(pkg: Json): string {
	const name = String(pkg.name);
	const bin = pkg.bin;
	if (typeof bin === 'string') return bin;
	if (!bin || typeof bin !== 'object') throw new Error(`${name} declares no bin`);
	const entries = Object.entries(bin as Record<string, string>);
	const unscoped = name.replace(/^@[^/]+\//, '');
	const chosen =
		entries.find(([key]) => key === name || key === unscoped) ??
		(entries.length === 1 ? entries[0] : undefined) ??
		entries.find(([key]) => key.toLowerCase().includes('mcp'));
	if (!chosen) throw new Error(`${name}: cannot choose a bin among ${entries.map(([k]) => k).join(', ')}`);
	return chosen[1];
}

/** package.json `repository` as an https URL when it can be made one. */
function repositoryUrl(repository: unknown): string | undefined {
	const raw = typeof repository === 'string' ? repository : (repository as { url?: unknown } | undefined)?.url;
	if (typeof raw !== 'string' || !raw.trim()) return undefined;
	const url = raw.trim();
	const hosts: Record<string, string> = { github: 'github.com', gitlab: 'gitlab.com', bitbucket: 'bitbucket.org' };
	const short = /^(?:(github|gitlab|bitbucket):)?([\w.-]+\/[\w.-]+)$/.exec(url);
	if (short) return `https://${hosts[short[1] ?? 'github']}/${short[2]}`.replace(/\.git$/, '');
	const https = url
		.replace(/^git\+/, '')
		.replace(/^git@([^:]+):/, 'https://$1/')
		.replace(/^(?:git|ssh|http):\/\/(?:[^@/]+@)?/, 'https://')
		.replace(/^https:\/\/[^@/]+@/, 'https://')
		.replace(/\.git$/, '')
		.replace(/\/+$/, '');
	return /^https:\/\/[^\s/$.?#][^\s]*$/i.test(https) ? https : undefined;
}

function httpUrl(value: unknown): string | undefined {
	return typeof value === 'string' && /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(value) ? value : undefined;
}

/** Replaces this machine's paths in every string (and key) of a JSON value. */
function scrub(value: unknown, replacements: [string, string][]): unknown {
	const fix = (s: string) => replacements.reduce((text, [from, to]) => text.split(from).join(to), s);
	if (typeof value === 'string') return fix(value);
	if (Array.isArray(value)) return value.map((v) => scrub(v, replacements));
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [fix(k), scrub(v, replacements)]));
	}
	return value;
}

/** Copies `keys` of `obj` in that order (skipping absent ones), then any others in their original order. */
function ordered(obj: Json, keys: string[]): Json {
	const out: Json = {};
	for (const key of keys) if (obj[key] !== undefined) out[key] = obj[key];
	for (const [key, value] of Object.entries(obj)) if (!(key in out) && value !== undefined) out[key] = value;
	return out;
}

/** A permissive result schema: the SDK hands back tools/list exactly as the server sent it. */
const rawToolsPage = z.looseObject({ tools: z.array(z.record(z.string(), z.unknown())), nextCursor: z.string().optional() });

interface Listing {
	initialize: Json;
	tools: Json[];
}

/** Runs the server sandboxed, lists its tools, and kills its whole process tree. */
async function listTools(binPath: string, dirs: { home: string; tmp: string; work: string }, opts: Options): Promise<Listing> {
	const env: Record<string, string> = { PATH: dirname(process.execPath), HOME: dirs.home, TMPDIR: dirs.tmp, LANG: 'C.UTF-8', ...opts.env };
	const args = opts.serverArgs.map((a) => a.split('{workdir}').join(dirs.work));
	const asRoot = process.getuid?.() === 0;
	// The SDK merges a few inherited variables (USER, SHELL, TERM...) into any env it is given, so
	// `env -i` inside the sandbox makes the child's environment exactly `env`.
	const inner = [which('env'), '-i', ...Object.entries(env).map(([k, v]) => `${k}=${v}`), process.execPath, binPath, ...args];
	const drop = asRoot ? [which('setpriv'), `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', '--no-new-privs', '--pdeathsig=SIGKILL', '--'] : [];
	const transport = new StdioClientTransport({
		command: which('unshare'),
		// -n: no network; -p -f --kill-child --mount-proc: own PID namespace, torn down when unshare dies;
		// -m -u: own mounts and hostname (see SANDBOX_SETUP); -r (user namespace) when not root.
		args: [...(asRoot ? [] : ['-r']), '-n', '-p', '-f', '-m', '-u', '--kill-child', '--mount-proc', '--', which('sh'), '-c', SANDBOX_SETUP, 'sandbox', ...drop, ...inner],
		env,
		cwd: dirs.work,
		stderr: 'pipe',
	});
	let stderrTail = '';
	transport.stderr?.on('data', (chunk: Uint8Array) => {
		stderrTail = (stderrTail + Buffer.from(chunk).toString('utf8')).slice(-2000); // kept only for error messages
	});
	let initialize: Json | undefined;
	// Set before connect: the SDK chains it, so we see the raw initialize result.
	transport.onmessage = (message) => {
		const result = (message as { result?: Json }).result;
		if (!initialize && result && typeof result.protocolVersion === 'string') initialize = result;
	};
	const client = new Client({ name: 'policy-atlas-hand-ingest', version: '0.1.0' });
	let timer: ReturnType<typeof setTimeout> | undefined;
	const deadline = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`timed out after ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
	});
	const session = async (): Promise<Listing> => {
		await client.connect(transport, { timeout: TIMEOUT_MS });
		const tools: Json[] = [];
		let cursor: string | undefined;
		do {
			const page = await client.request({ method: 'tools/list', params: cursor ? { cursor } : {} }, rawToolsPage, { timeout: TIMEOUT_MS });
			tools.push(...page.tools);
			cursor = page.nextCursor;
		} while (cursor);
		if (!initialize) throw new Error('no initialize result seen');
		return { initialize: { ...initialize, serverInfo: initialize.serverInfo ?? client.getServerVersion() }, tools };
	};
	const running = session();
	running.catch(() => {}); // after a timeout its late failure is expected, not an unhandled rejection
	try {
		return await Promise.race([running, deadline]);
	} catch (error) {
		throw new Error(`${(error as Error).message}${stderrTail ? `\n--- server stderr (tail) ---\n${stderrTail}` : ''}`);
	} finally {
		clearTimeout(timer);
		const pid = transport.pid;
		if (pid) {
			try {
				process.kill(pid, 'SIGKILL'); // unshare; --kill-child and the PID namespace take the rest
			} catch {
				// already gone
			}
		}
		await client.close().catch(() => {});
	}
}

async function main(): Promise<void> {
	const opts = parseArgs(process.argv.slice(2));
	const root = mkdtempSync(join(tmpdir(), 'hand-ingest-'));
	const dirs = { install: join(root, 'install'), home: join(root, 'home'), tmp: join(root, 'tmp'), work: join(root, 'work') };
	try {
		for (const d of Object.values(dirs)) mkdirSync(d);
		if (process.getuid?.() === 0) {
			chmodSync(root, 0o711);
			for (const d of [dirs.home, dirs.tmp, dirs.work]) chownSync(d, NOBODY, NOBODY);
		}
		console.error(`installing ${opts.spec} (scripts disabled)...`);
		execFileSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', '--prefix', dirs.install, opts.spec], { stdio: ['ignore', 'ignore', 'inherit'] });
		const deps = Object.keys((JSON.parse(readFileSync(join(dirs.install, 'package.json'), 'utf8')) as { dependencies?: Json }).dependencies ?? {});
		if (deps.length !== 1) throw new Error(`expected one installed package, found ${deps.join(', ')}`);
		const pkgDir = join(dirs.install, 'node_modules', deps[0] ?? '');
		const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as Json;
		const binPath = resolve(pkgDir, pickBin(pkg));

		console.error(`listing tools of ${String(pkg.name)}@${String(pkg.version)} (sandboxed)...`);
		const { initialize, tools } = await listTools(binPath, dirs, opts);

		const slug = opts.slug ?? String(pkg.name).replace(/^@[^/]+\//, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
		const notes: string[] = [];
		if (opts.serverArgs.length > 0) notes.push(`server args: ${opts.serverArgs.join(' ').split('{workdir}').join('<workdir> (a throwaway directory)')}`);
		if (Object.keys(opts.env).length > 0) notes.push(`variables set: ${Object.keys(opts.env).join(', ')}`);
		const license = typeof pkg.license === 'string' ? pkg.license : (pkg.license as { type?: string } | undefined)?.type;
		const record: Json = {
			slug,
			name: opts.name ?? String(pkg.name),
			description: typeof pkg.description === 'string' ? pkg.description : undefined,
			license,
			source: ordered({ npm: pkg.name, version: pkg.version, repository: repositoryUrl(pkg.repository), homepage: httpUrl(pkg.homepage) }, []),
			catalogued: ordered(
				{
					date: new Date().toISOString().slice(0, 10),
					method: 'tools-list',
					via: `npm:${opts.spec} over stdio, sandboxed (no network, scrubbed env)${notes.length ? `; ${notes.join('; ')}` : ''}`,
					notes: opts.notes,
				},
				[],
			),
			serverInfo: initialize.serverInfo,
			protocolVersion: initialize.protocolVersion,
			capabilities: initialize.capabilities,
			tools: tools.map((tool) => ordered(tool, TOOL_KEYS)),
		};
		// Most specific first: the install folder inside the temp root, then the root, then host paths.
		const scrubbed = ordered(
			scrub(record, [
				[dirs.install, '<install>'],
				[dirs.work, '<workdir>'],
				[dirs.home, '<home>'],
				[dirs.tmp, '<tmpdir>'],
				[root, '<tmp>'],
				[process.execPath, '<node>'],
				[dirname(process.execPath), '<node-bin>'],
			]) as Json,
			SERVER_KEYS,
		);

		const parsed = serverFileSchema.safeParse(scrubbed);
		if (!parsed.success) {
			throw new Error(`the record does not fit the catalogue schema:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
		}
		const doc = new Document(scrubbed, { aliasDuplicateObjects: false });
		doc.commentBefore = ` Generated by scripts/hand-ingest.ts from npm:${opts.spec}; re-run it rather than editing the tools by hand.`;
		const text = doc.toString({ lineWidth: 0 });
		for (const leak of new Set(text.match(/(?:\/tmp|\/root|\/home|\/work)\/\S*/g) ?? [])) {
			console.error(`warning: path-like text left in the output (check it is the server's own text): ${leak}`);
		}
		const out = join('content', 'servers', `${slug}.yaml`);
		writeFileSync(out, text);
		console.error(`wrote ${out}: ${tools.length} tools (protocol ${String(initialize.protocolVersion)})`);
	} finally {
		rmSync(root, { recursive: true, force: true });
	}
}

main().catch((error: unknown) => {
	console.error(`hand-ingest failed: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
});
