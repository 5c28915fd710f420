/**
 * npm packages as ingest sources: install with scripts disabled into a per-package folder, choose the
 * bin, and read the package's own files (code and README) for the variable names and arguments the
 * launch strategies try. Nothing here runs package code.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { IngestError } from './list.ts';
import { trackGroup } from './reaper.ts';

type Json = Record<string, unknown>;

/** Longest an install may take. */
const INSTALL_TIMEOUT_MS = 300_000;

/**
 * Runs a command, resolving with its output or rejecting with its tail (never throws synchronously); the
 * error has `killed` when the time limit struck and `code` for the exit status. The command runs in its own
 * process group: a terminal's Ctrl-C must not abort an install in flight, which --all lets finish.
 * (`execFile` would drop the `detached` option.)
 */
export function run(
	command: string,
	args: string[],
	opts: { cwd?: string; timeoutMs: number; env?: NodeJS.ProcessEnv },
): Promise<string> {
	return new Promise((resolvePromise, reject) => {
		const child = spawn(command, args, {
			cwd: opts.cwd,
			env: opts.env ?? process.env,
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		const untrack = trackGroup(child.pid);
		child.once('close', untrack);
		const out: Buffer[] = [];
		const err: Buffer[] = [];
		child.stdout.on('data', (b: Buffer) => out.push(b));
		child.stderr.on('data', (b: Buffer) => err.push(b));
		let killed = false;
		const timer = setTimeout(() => {
			killed = true;
			try {
				if (child.pid) process.kill(-child.pid, 'SIGKILL'); // the whole group: npm's own children too
			} catch {
				// already gone
			}
		}, opts.timeoutMs);
		const fail = (error: Error, extra: object) => {
			clearTimeout(timer);
			reject(
				Object.assign(
					error,
					{ output: `${Buffer.concat(err).toString()}\n${Buffer.concat(out).toString()}`.trim() },
					extra,
				),
			);
		};
		child.once('error', (error) => fail(error, {}));
		child.once('close', (code, signal) => {
			clearTimeout(timer);
			if (code === 0) resolvePromise(Buffer.concat(out).toString());
			else fail(new Error(`${command} exited ${code ?? signal}`), { killed, code: code ?? undefined, signal });
		});
	});
}

/** An installed package: its folder, package.json and the bin chosen to run. */
export interface Installed {
	dir: string;
	pkg: Json;
	name: string;
	version: string;
	binPath: string;
	binName: string;
}

/**
 * The ingest's own npm cache: shared by its installs (servers share many dependencies), kept out of the
 * user's `~/.npm`, and emptied once it outgrows `NPM_CACHE_CAP` while no install is using it, so a run of
 * hundreds of packages keeps the disk bounded.
 */
export const NPM_CACHE = resolve('.cache', 'ingest', 'npm-cache');
const NPM_CACHE_CAP = 2 * 1024 ** 3;
let installing = 0;

/** Bytes of the files under a folder (0 when it does not exist). */
export function folderBytes(dir: string): number {
	if (!existsSync(dir)) return 0;
	let total = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
		if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
	}
	return total;
}

/** Empties the ingest's npm cache when it holds more than `cap` bytes. */
export function boundNpmCache(dir = NPM_CACHE, cap = NPM_CACHE_CAP): boolean {
	if (folderBytes(dir) <= cap) return false;
	rmSync(dir, { recursive: true, force: true });
	return true;
}

/**
 * `npm install --ignore-scripts` of one spec into `installDir` (its own folder: peer and zod versions clash
 * between servers). Install scripts never run; native addons are rebuilt later only if a server needs it.
 */
export async function installPackage(spec: string, installDir: string): Promise<Installed> {
	installing++;
	try {
		// --json=false: a user's own npm config may set json=true, which would change npm's error output.
		await run(
			'npm',
			[
				'install',
				'--ignore-scripts',
				'--no-audit',
				'--no-fund',
				'--no-update-notifier',
				'--loglevel=error',
				'--json=false',
				'--cache',
				NPM_CACHE,
				'--prefix',
				installDir,
				spec,
			],
			{ timeoutMs: INSTALL_TIMEOUT_MS },
		);
	} catch (error) {
		const e = error as { output?: string; killed?: boolean; message: string };
		const code = /npm (?:error|ERR!) code (\S+)/.exec(e.output ?? '')?.[1];
		throw new IngestError(
			'install-failed',
			e.killed
				? `npm install took over ${INSTALL_TIMEOUT_MS / 1000} s`
				: `npm install failed${code ? ` (${code})` : ''}: ${npmCause(e.output ?? e.message)}`,
		);
	} finally {
		if (--installing === 0) boundNpmCache();
	}
	const deps = Object.keys(
		(JSON.parse(readFileSync(join(installDir, 'package.json'), 'utf8')) as { dependencies?: Json }).dependencies ?? {},
	);
	if (deps.length !== 1)
		throw new IngestError('install-failed', `expected one installed package, found ${deps.join(', ') || 'none'}`);
	const dir = join(installDir, 'node_modules', deps[0] ?? '');
	const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Json;
	const bin = pickBin(pkg);
	return {
		dir,
		pkg,
		name: String(pkg.name),
		version: String(pkg.version),
		binName: bin[0],
		binPath: resolve(dir, bin[1]),
	};
}

/** npm's lines that only point elsewhere (the log file, a rerun) or repeat the code given in parentheses. */
const NPM_NOISE =
	/^(?:code \S+|errno \S+|syscall \S+|A complete log of this run|Log files were not written|You can rerun the command|Note that you can also install from a|tarball, folder, http url, or git url)/;

/**
 * What npm's error output says went wrong, in one line: its `npm error` lines without their prefixes
 * (`npm error notarget …`), the code line and the pointers to log files, joined; a JSON error object
 * (npm in JSON mode) gives its summary and detail.
 */
export function npmCause(output: string): string {
	const json = /\{\s*"error"\s*:[\s\S]*\}/.exec(output)?.[0];
	if (json) {
		try {
			const { summary, detail } = (JSON.parse(json) as { error: { summary?: string; detail?: string } }).error;
			const text = [summary, detail].filter((t) => t?.trim()).join(' ');
			if (text) return oneLine(text);
		} catch {
			// not one object after all: read it as text
		}
	}
	const lines = output
		.split('\n')
		.map((l) => l.trim())
		.filter((l) => /^npm (?:error|ERR!)/.test(l))
		.map((l) =>
			l.replace(/^npm (?:error|ERR!)\s*/, '').replace(/^(?:notarget|404|network|git|peer|ERESOLVE|code E\w+)\s+/, ''),
		)
		.filter((l) => l && !NPM_NOISE.test(l));
	return oneLine(
		lines.length > 0
			? lines.join(' ')
			: output
					.split('\n')
					.filter((l) => l.trim())
					.slice(-3)
					.join(' '),
	);
}

/** One line of at most 300 characters, without the registry's address or npm's trailing pointers. */
const oneLine = (text: string) =>
	text
		.replace(/\s+/g, ' ')
		.replace(/ ?-? ?(?:GET|PUT) https?:\/\/\S+/g, '')
		.replace(/ ?Note that you can also install from a tarball, folder, http url, or git url\.?/g, '')
		.replace(/\b(Not Found) \d{3}\b/g, '$1')
		.replace(/ \d{3}$/, '')
		.trim()
		.slice(0, 300);

/** Picks the bin to run: the key equal to the package name (with or without scope), the only one, or one naming "mcp". */
export function pickBin(pkg: Json): [string, string] {
	const name = String(pkg.name);
	const unscoped = name.replace(/^@[^/]+\//, '');
	const bin = pkg.bin;
	if (typeof bin === 'string') return [unscoped, bin];
	if (!bin || typeof bin !== 'object')
		throw new IngestError('no-bin', `${name} declares no bin (a library, or started another way)`);
	const entries = Object.entries(bin as Record<string, string>);
	const chosen =
		entries.find(([key]) => key === name || key === unscoped) ??
		(entries.length === 1 ? entries[0] : undefined) ??
		entries.find(([key]) => /mcp/i.test(key) && /server/i.test(key)) ??
		entries.find(([key]) => /mcp/i.test(key));
	if (!chosen)
		throw new IngestError('no-bin', `${name}: cannot choose a bin among ${entries.map(([k]) => k).join(', ')}`);
	return chosen;
}

/** The argv that runs a bin: node scripts with our node binary (the sandbox PATH has no npx shims). */
export function binArgv(binPath: string): string[] {
	let head = '';
	try {
		head = readFileSync(binPath, { encoding: 'utf8', flag: 'r' }).slice(0, 200);
	} catch {
		throw new IngestError('no-bin', `the bin ${binPath} is missing from the package`);
	}
	const native = head.startsWith('\x7fELF');
	const shell = /^#!.*\b(?:sh|bash)\b/.test(head);
	return native ? [binPath] : shell ? ['/bin/sh', binPath] : [process.execPath, binPath];
}

/** Environment names that switch modes or are ours; never set as placeholders. */
const ENV_DENY =
	/^(?:NODE_|npm_|HOME$|PATH$|PWD$|USER$|SHELL$|TERM$|LANG$|TMPDIR$|TZ$|CI$|DEBUG|LOG|VERBOSE|PORT$|HOSTNAME$)|TRANSPORT|_PORT$|HTTP|SSE|STREAM|TELEMETRY|ANALYTICS|PROXY|READ_?ONLY|ENABLE|DISABLE|MODE$|LEVEL$|TIMEOUT|_DIR$|_PATH$|_FILE$|VERSION|CACHE|OTEL|DOTENV|FORCE|NO_COLOR|COLOR/;
/** Names that look like credentials or configuration a server refuses to start without. */
const ENV_WANT =
	/KEY|TOKEN|SECRET|PASSWORD|PASSWD|PASS$|_PAT$|AUTH|CREDENTIAL|_URL$|_URI$|_HOST$|ENDPOINT|_ID$|USER(?:NAME)?$|EMAIL|ACCOUNT|_ORG|ORGANI[SZ]ATION|PROJECT|WORKSPACE|DOMAIN|REGION|DSN|DATABASE|_DB$|TENANT|TEAM|INSTANCE|SITE|BASE_URL|SERVER|SUBDOMAIN|CLIENT/;

/** Keeps the names worth a placeholder, sorted and capped. */
export function credentialNames(names: Iterable<string>, cap = 120): string[] {
	return [...new Set(names)]
		.filter((n) => /^[A-Z][A-Z0-9_]{2,}$/.test(n) && ENV_WANT.test(n) && !ENV_DENY.test(n))
		.sort()
		.slice(0, cap);
}

/** The sorted entries of a folder, or none when it cannot be read. */
export function listDir(dir: string): string[] {
	try {
		return readdirSync(dir).sort();
	} catch {
		return [];
	}
}

/** Source files of the package itself (not its dependencies), small enough to scan. */
function* packageFiles(dir: string, budget = { bytes: 8_000_000, files: 600 }): Generator<string> {
	for (const entry of listDir(dir)) {
		if (entry === 'node_modules' || entry.startsWith('.')) continue;
		const path = join(dir, entry);
		const stat = statSync(path, { throwIfNoEntry: false });
		if (!stat) continue;
		if (stat.isDirectory()) yield* packageFiles(path, budget);
		else if (
			/\.(?:[cm]?js|ts|md|json)$/.test(entry) &&
			!entry.endsWith('.map') &&
			stat.size < 4_000_000 &&
			budget.files-- > 0 &&
			(budget.bytes -= stat.size) > 0
		)
			yield path;
	}
}

/** Variable names the package's own code reads and its README configures. */
export function discoverEnvNames(pkgDir: string): string[] {
	const names: string[] = [];
	const patterns = [
		/process\.env\.([A-Z][A-Z0-9_]+)/g,
		/process\.env\[\s*['"`]([A-Z][A-Z0-9_]+)['"`]\s*\]/g,
		/\benv\s*\(\s*['"`]([A-Z][A-Z0-9_]+)['"`]/g,
		/getenv\(\s*['"`]([A-Z][A-Z0-9_]+)['"`]/gi,
	];
	for (const file of packageFiles(pkgDir)) {
		const text = readFileSync(file, 'utf8');
		for (const pattern of patterns) for (const m of text.matchAll(pattern)) names.push(m[1] ?? '');
		for (const m of text.matchAll(/\{([^{}]{1,400})\}\s*=\s*process\.env/g))
			for (const n of (m[1] ?? '').matchAll(/\b([A-Z][A-Z0-9_]{2,})\b/g)) names.push(n[1] ?? '');
		if (file.endsWith('.md'))
			for (const block of text.matchAll(/"env"\s*:\s*\{([^{}]*)\}/g))
				for (const n of (block[1] ?? '').matchAll(/"([A-Z][A-Z0-9_]+)"\s*:/g)) names.push(n[1] ?? '');
	}
	return credentialNames(names);
}

/** The README of an installed package, or ''. */
export function readme(pkgDir: string): string {
	const file = readdirSync(pkgDir).find((f) => /^readme(?:\.md|\.markdown|\.txt)?$/i.test(f));
	return file ? readFileSync(join(pkgDir, file), 'utf8') : '';
}

/**
 * Launch arguments from the README: the `"args"` array after the package name in an `mcpServers` JSON
 * block, or the words after the package name on an `npx` line. Placeholders are made harmless: paths
 * become the throwaway work folder, URLs a closed local port, `<...>` and `YOUR_...` a placeholder.
 */
export function readmeArgs(text: string, pkgName: string): string[] | undefined {
	const escaped = pkgName.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
	const pkgWord = new RegExp(`^${escaped}(?:@[\\w.^~-]+)?$`);
	const candidates: string[][] = [];
	for (const m of text.matchAll(/"args"\s*:\s*\[([^\]]*)\]/g)) {
		const items = [...(m[1] ?? '').matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((x) => x[1] ?? '');
		const at = items.findIndex((a) => pkgWord.test(a));
		if (at !== -1) candidates.push(items.slice(at + 1));
	}
	for (const m of text.matchAll(
		new RegExp(`npx\\s+(?:-y\\s+|--yes\\s+)?${escaped}(?:@[\\w.^~-]+)?((?:[ \\t]+[^\\s\\\`'"|&;]+)*)`, 'g'),
	)) {
		candidates.push((m[1] ?? '').trim().split(/\s+/).filter(Boolean));
	}
	const useful = candidates.map(cleanArgs).filter((a) => a.length > 0 && a.length <= 6);
	return useful[0];
}

/** Makes README example arguments harmless and runnable offline. */
export function cleanArgs(args: string[]): string[] {
	const out: string[] = [];
	for (const raw of args) {
		if (raw === '--' || raw === '-y') continue;
		if (/^--?(?:port|host|listen|auth|editor|org-mode|sse|http)\b/i.test(raw)) break; // CLI examples, not launch args
		const flag = /^(--?[\w-]+=)(.+)$/.exec(raw);
		if (flag) {
			out.push(`${flag[1]}${cleanArgs([flag[2] ?? ''])[0] ?? ''}`);
			continue;
		}
		let arg = raw;
		if (/^(?:\/|~\/|\.\.?\/|[A-Z]:\\)|\/path\/to|\bpath\b/i.test(arg) && !/^--/.test(arg)) arg = '{workdir}';
		else if (/^https?:\/\//i.test(arg)) arg = 'http://127.0.0.1:9';
		else if (/^[a-z]+:\/\//i.test(arg)) arg = arg.replace(/\/\/[^/]*/, '//127.0.0.1:9');
		else if (/^<.*>$|^\$\{?|YOUR_|your[-_]|placeholder/i.test(arg)) arg = 'placeholder';
		out.push(arg);
	}
	return out;
}

/** Upper-case names an error output mentions (a server saying which variable it misses). */
export function namesInOutput(text: string): string[] {
	const lines = text
		.split('\n')
		.filter((l) => /missing|required|not set|must|provide|environment|env\b|variable|undefined|please/i.test(l));
	return credentialNames(
		lines.flatMap((l) => [...l.matchAll(/\b([A-Z][A-Z0-9]*_[A-Z0-9_]{2,})\b/g)].map((m) => m[1] ?? '')),
		40,
	);
}

/** A placeholder value chosen by the shape of the name; never a real credential. */
export function placeholderFor(name: string): string {
	if (/MONGO.*(?:URI|URL)/.test(name)) return 'mongodb://127.0.0.1:9/placeholder';
	if (/(?:POSTGRES|PG|DATABASE).*(?:URI|URL)|DSN/.test(name))
		return 'postgresql://placeholder:placeholder@127.0.0.1:9/placeholder';
	if (/REDIS.*(?:URI|URL)/.test(name)) return 'redis://127.0.0.1:9';
	if (/(?:URL|URI|ENDPOINT)$/.test(name)) return 'http://127.0.0.1:9';
	if (/HOST$/.test(name)) return '127.0.0.1';
	if (/EMAIL/.test(name)) return 'placeholder@example.com';
	return 'placeholder-0000000000000000';
}
