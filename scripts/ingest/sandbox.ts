/**
 * The sandbox third-party MCP servers run in. They are untrusted code, so each run gets:
 * no network (`unshare -n`, loopback only), its own PID namespace (the whole process tree dies with it),
 * its own mount and UTS namespaces (hostname `localhost`; /home, /mnt, /root, /media and /srv hidden under
 * empty tmpfs, so neither the server nor its tool texts see this machine's folders), an unprivileged user
 * when we are root, an environment holding exactly what we pass (`env -i`), a throwaway HOME, TMPDIR and
 * working folder. The caller adds the hard timeout and kills the tree (see `transport.ts`).
 */
import { execFileSync, spawn } from 'node:child_process';
import {
	chmodSync,
	chownSync,
	type Dirent,
	lchownSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	rmSync,
	statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { trackFolder, trackGroup } from './reaper.ts';

/** Unprivileged uid/gid servers run as when the ingest runs as root (`nobody`). */
export const NOBODY = 65534;

/** Host folders the sandbox covers with an empty tmpfs: the server sees nothing of them. */
const HIDDEN_FOLDERS = ['home', 'mnt', 'root', 'media', 'srv'] as const;

/**
 * Runs inside the new namespaces as (namespace) root, then execs the server command given as "$@":
 * loopback up (some servers bind localhost), neutral hostname, host folders covered by empty read-only tmpfs.
 */
const SANDBOX_SETUP = [
	'PATH=/usr/sbin:/usr/bin:/sbin:/bin', // the setup's own PATH; `env -i` gives the server its scrubbed one
	'ip link set lo up 2>/dev/null',
	'hostname localhost || exit 1',
	`for m in $(awk '$2 ~ "^/(${HIDDEN_FOLDERS.join('|')})/" {print $2}' /proc/mounts | sort -r); do umount -l "$m" || exit 1; done`,
	`for d in ${HIDDEN_FOLDERS.map((f) => `/${f}`).join(' ')}; do if [ -d "$d" ]; then mount -t tmpfs -o ro,size=16k,mode=755 hidden "$d" || exit 1; fi; done`,
	'exec "$@"',
].join('\n');

/**
 * Why a server in the sandbox cannot reach a host path it needs (the Node binary on its PATH, a local
 * server's script), or undefined when it can: the path lies under a folder the sandbox hides, or, when
 * servers are dropped to `nobody`, a folder on the way is closed to other users (a checkout made with
 * `mktemp -d` is mode 700). Checked before launching, so the ingest says so instead of a server dying
 * with "not found".
 */
export function sandboxCannotReach(path: string): string | undefined {
	const full = resolve(path);
	const top = full.split('/')[1] ?? '';
	if ((HIDDEN_FOLDERS as readonly string[]).includes(top))
		return `${full} is under /${top}, which the sandbox hides from servers; run the ingest from a checkout elsewhere`;
	if (!isRoot()) return undefined;
	for (let dir = dirname(full); ; dir = dirname(dir)) {
		const st = statSync(dir);
		if (st.uid !== NOBODY && (st.mode & 0o001) === 0)
			return `servers run as nobody, who cannot enter ${dir} (mode ${(st.mode & 0o777).toString(8)}) to reach ${full}; make it searchable (chmod o+x) or run the ingest from a checkout elsewhere`;
		if (dirname(dir) === dir) return undefined;
	}
}

/** Throwaway folders of one ingest: everything lives under `root`, deleted by `dispose()`. */
export interface SandboxDirs {
	root: string;
	install: string;
	home: string;
	tmp: string;
	work: string;
	dispose(): void;
}

const whichCache = new Map<string, string>();

/** Absolute path of a host program, so the scrubbed PATH of the child does not need to contain it. */
export function which(program: string): string {
	let found = whichCache.get(program);
	if (!found) {
		found = execFileSync('sh', ['-c', `command -v ${program}`], { encoding: 'utf8' }).trim();
		if (!found) throw new Error(`${program} is not installed; the ingest sandbox needs it`);
		whichCache.set(program, found);
	}
	return found;
}

/** Whether this process runs as root (then servers are dropped to `nobody`). */
export const isRoot = (): boolean => process.getuid?.() === 0;

/** Creates the throwaway folders; when root, the server-writable ones belong to `nobody`. */
export function makeSandboxDirs(prefix = 'atlas-ingest-'): SandboxDirs {
	const root = mkdtempSync(join(tmpdir(), prefix));
	const dirs = {
		root,
		install: join(root, 'install'),
		home: join(root, 'home'),
		tmp: join(root, 'tmp'),
		work: join(root, 'work'),
	};
	for (const d of [dirs.install, dirs.home, dirs.tmp, dirs.work]) mkdirSync(d);
	if (isRoot()) {
		chmodSync(root, 0o711);
		for (const d of [dirs.home, dirs.tmp, dirs.work]) chownSync(d, NOBODY, NOBODY);
	}
	const remove = () => rmSync(root, { recursive: true, force: true });
	const untrack = trackFolder(remove);
	return {
		...dirs,
		dispose: () => {
			remove();
			untrack();
		},
	};
}

/** Empties the server-writable folders (HOME, TMPDIR, work) so each run starts clean. */
export function resetScratch(dirs: SandboxDirs): void {
	for (const d of [dirs.home, dirs.tmp, dirs.work]) {
		for (const entry of readdirSync(d)) rmSync(join(d, entry), { recursive: true, force: true });
		if (isRoot()) chownSync(d, NOBODY, NOBODY);
	}
}

/** The scrubbed base environment of a server: only what it needs to start, nothing from ours. */
export function baseEnv(dirs: SandboxDirs): Record<string, string> {
	return { PATH: `${dirname(process.execPath)}:/usr/bin:/bin`, HOME: dirs.home, TMPDIR: dirs.tmp, LANG: 'C.UTF-8' };
}

/**
 * The host command that runs `argv` in the sandbox with exactly `env`. The transport spawns it with an
 * empty environment of its own; `env -i` inside makes the server's environment exactly `env`.
 */
export function sandboxed(argv: string[], env: Record<string, string>): { command: string; args: string[] } {
	const inner = [which('env'), '-i', ...Object.entries(env).map(([k, v]) => `${k}=${v}`), ...argv];
	const drop = isRoot()
		? [
				which('setpriv'),
				`--reuid=${NOBODY}`,
				`--regid=${NOBODY}`,
				'--clear-groups',
				'--no-new-privs',
				'--pdeathsig=SIGKILL',
				'--',
			]
		: [];
	return {
		command: which('unshare'),
		// -n: no network; -p -f --kill-child --mount-proc: own PID namespace, torn down when unshare dies;
		// -m -u: own mounts and hostname (see SANDBOX_SETUP); -r (user namespace) when not root.
		args: [
			...(isRoot() ? [] : ['-r']),
			'-n',
			'-p',
			'-f',
			'-m',
			'-u',
			'--kill-child',
			'--mount-proc',
			'--',
			which('sh'),
			'-c',
			SANDBOX_SETUP,
			'sandbox',
			...drop,
			...inner,
		],
	};
}

/** How a sandboxed command ended (see {@link runSandboxed}). */
export interface SandboxRun {
	/** Exit code, or null when killed by a signal. */
	code: number | null;
	/** Whether the hard time limit killed it. */
	timedOut: boolean;
	/** The last characters of stdout and stderr together, in arrival order. */
	output: string;
	ms: number;
}

/**
 * Runs a command to completion in the sandbox (no network, own PID namespace, scrubbed `env`) with a hard
 * time limit, after which the whole process group is killed (the PID namespace takes the rest).
 */
export function runSandboxed(
	argv: string[],
	env: Record<string, string>,
	cwd: string,
	timeoutMs: number,
	keep = 8000,
): Promise<SandboxRun> {
	const started = Date.now();
	const { command, args } = sandboxed(argv, env);
	return new Promise((resolvePromise) => {
		let output = '';
		let timedOut = false;
		const child = spawn(command, args, { cwd, env: {}, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
		const untrack = trackGroup(child.pid);
		const kill = () => {
			try {
				if (child.pid) process.kill(-child.pid, 'SIGKILL');
			} catch {
				// already gone
			}
		};
		const timer = setTimeout(() => {
			timedOut = true;
			kill();
		}, timeoutMs);
		const keepTail = (chunk: string) => {
			output = (output + chunk).slice(-keep);
		};
		child.stdout.setEncoding('utf8').on('data', keepTail);
		child.stderr.setEncoding('utf8').on('data', keepTail);
		let finished = false;
		const done = (code: number | null) => {
			if (finished) return;
			finished = true;
			clearTimeout(timer);
			kill(); // anything the command left behind in its group
			untrack();
			resolvePromise({ code, timedOut, output, ms: Date.now() - started });
		};
		child.once('error', (error) => {
			keepTail(`\n${error.message}`);
			done(null);
		});
		child.once('close', (code) => done(code));
	});
}

/**
 * Changes the owner of a folder and everything under it (symbolic links themselves, never their targets).
 * The tree may still be changing while we walk it: a killed rebuild's processes die asynchronously, and a
 * rename or unlink a process had started completes after its pipes close. An entry that vanishes between
 * listing and chowning (ENOENT), or a folder replaced by a file (ENOTDIR), has no owner left to change.
 */
export function chownTree(dir: string, uid: number, gid: number): void {
	let entries: Dirent[] = [];
	if (!unlessVanished(() => lchownSync(dir, uid, gid))) return;
	if (!unlessVanished(() => (entries = readdirSync(dir, { withFileTypes: true })))) return;
	for (const entry of entries) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) chownTree(path, uid, gid);
		else unlessVanished(() => lchownSync(path, uid, gid));
	}
}

/** Runs a file system call on a path: true when it ran, false when the path had vanished; other errors throw. */
function unlessVanished(call: () => unknown): boolean {
	try {
		call();
		return true;
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT' || code === 'ENOTDIR') return false;
		throw error;
	}
}

/** Replaces every `from` with its `to` in every string and key of a JSON value (most specific first). */
export function scrubPaths(value: unknown, replacements: readonly (readonly [string, string])[]): unknown {
	const fix = (s: string) => replacements.reduce((text, [from, to]) => (from ? text.split(from).join(to) : text), s);
	if (typeof value === 'string') return fix(value);
	if (Array.isArray(value)) return value.map((v) => scrubPaths(v, replacements));
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [fix(k), scrubPaths(v, replacements)]));
	}
	return value;
}

/** The path replacements for one sandbox: its folders, then the host's node binary. */
export function sandboxReplacements(dirs: SandboxDirs): [string, string][] {
	return [
		[join(dirs.install, 'node_modules'), '<install>'],
		[dirs.install, '<install>'],
		[dirs.work, '<workdir>'],
		[dirs.home, '<home>'],
		[dirs.tmp, '<tmpdir>'],
		[dirs.root, '<tmp>'],
		[process.execPath, '<node>'],
		[dirname(process.execPath), '<node-bin>'],
	];
}
