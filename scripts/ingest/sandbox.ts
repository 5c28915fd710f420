/**
 * The sandbox third-party MCP servers (and a package's native rebuild) run in: bubblewrap (`bwrap`), the
 * same way whether the ingest runs as root or as an ordinary user. Each run gets new PID, network (no
 * network at all; loopback only), IPC, UTS (hostname `localhost`), cgroup and mount namespaces, an empty root
 * holding only the system's programs and libraries (`/usr`), a few public files of `/etc`, the project's Node
 * binary and the folders the command needs (read-only), a writable throwaway HOME, TMPDIR and working
 * folder, and private size-limited tmpfs `/tmp`, `/var/tmp` and `/dev/shm`. Nothing else of the machine
 * exists inside: no `/home`, `/root`, `/run`, checkout, sibling folders. All capabilities are dropped, the
 * environment is exactly what we pass, the process runs as uid/gid 65534 in a new session and dies with
 * the ingest. As an ordinary user that uid lives in a new user namespace that cannot create further ones;
 * as root, bwrap sets the namespaces up and `setpriv` then drops to the real unprivileged uid 65534 with no
 * capabilities left, so the server is never root of anything. The caller adds the hard timeout and kills
 * the tree (see `transport.ts`); there is never an unsandboxed fallback.
 */
import { execFileSync, spawn } from 'node:child_process';
import {
	chownSync,
	type Dirent,
	existsSync,
	lchownSync,
	lstatSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readlinkSync,
	realpathSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, parse as parsePath } from 'node:path';
import { IngestError } from './list.ts';
import { reapStale, removeTree, trackFolder, trackGroup } from './reaper.ts';

/** The uid/gid servers run as: inside the sandbox always, and on the host too when the ingest runs as root. */
export const NOBODY = 65534;

/** Size limits of the private memory-backed folders (a server filling them cannot exhaust the machine's memory). */
const TMPFS_BYTES = { '/tmp': 256 << 20, '/var/tmp': 64 << 20, '/dev/shm': 64 << 20 } as const;

/** Top-level system folders bound read-only when they are folders (symbolic links are recreated as such). */
const SYSTEM_FOLDERS = ['usr', 'bin', 'sbin', 'lib', 'lib32', 'lib64', 'libx32'] as const;

/** Public files of /etc programs and toolchains need (the loader's cache, compiler alternatives, certificates). */
const SYSTEM_ETC = [
	'ld.so.cache',
	'ld.so.conf',
	'ld.so.conf.d',
	'alternatives',
	'ssl/certs',
	'ssl/openssl.cnf',
	'ca-certificates',
	'localtime',
].map((name) => `/etc/${name}`);

/** How to install bubblewrap, for the error when it is missing. */
export const BWRAP_INSTALL_HINT =
	'install bubblewrap: `apt-get install bubblewrap` (Debian, Ubuntu), `dnf install bubblewrap` (Fedora), `pacman -S bubblewrap` (Arch)';

/** Throwaway folders of one ingest: everything lives under `root`, deleted by `dispose()`. */
export interface SandboxDirs {
	root: string;
	install: string;
	home: string;
	tmp: string;
	work: string;
	/** The sandbox's own /etc/passwd, /etc/group and /etc/hosts. */
	etc: string;
	dispose(): void;
}

const whichCache = new Map<string, string>();

/** Absolute path of a host program, so the scrubbed PATH of the child does not need to contain it. */
export function which(program: string): string {
	let found = whichCache.get(program);
	if (!found) {
		try {
			found = execFileSync('sh', ['-c', `command -v ${program}`], { encoding: 'utf8' }).trim();
		} catch {
			found = '';
		}
		if (!found) {
			if (program === 'bwrap')
				throw new IngestError(
					'no-sandbox',
					`bubblewrap (bwrap) is not installed, and servers only ever run inside it; ${BWRAP_INSTALL_HINT}`,
				);
			throw new IngestError('no-sandbox', `${program} is not installed; the ingest sandbox needs it`);
		}
		whichCache.set(program, found);
	}
	return found;
}

/** Whether this process runs as root (then servers are dropped to the real uid {@link NOBODY}). */
export const isRoot = (): boolean => process.getuid?.() === 0;

/** Prefix of sandbox folders: `atlas-ingest-<pid of the ingest>-XXXXXX`, so a later run can tell stale ones. */
export const SANDBOX_PREFIX = 'atlas-ingest-';

/** Names of sandbox folders, the ingest's pid captured. */
export const STALE_SANDBOX = new RegExp(`^${SANDBOX_PREFIX}(\\d+)-`);

/** Creates the throwaway folders (after removing those of killed ingests); when root, the server-writable ones belong to {@link NOBODY}. */
export function makeSandboxDirs(): SandboxDirs {
	reapStale(tmpdir(), STALE_SANDBOX);
	const root = mkdtempSync(join(tmpdir(), `${SANDBOX_PREFIX}${process.pid}-`));
	const remove = () => removeTree(root);
	const untrack = trackFolder(remove);
	const dirs = {
		root,
		install: join(root, 'install'),
		home: join(root, 'home'),
		tmp: join(root, 'tmp'),
		work: join(root, 'work'),
		etc: join(root, 'etc'),
	};
	for (const d of [dirs.install, dirs.home, dirs.tmp, dirs.work, dirs.etc]) mkdirSync(d);
	// A user database naming only the sandbox's user, and a hosts file naming only loopback.
	writeFileSync(
		join(dirs.etc, 'passwd'),
		`root:x:0:0:root:/:/usr/sbin/nologin\nsandbox:x:${NOBODY}:${NOBODY}:sandbox:${dirs.home}:/usr/sbin/nologin\n`,
	);
	writeFileSync(join(dirs.etc, 'group'), `root:x:0:\nsandbox:x:${NOBODY}:\n`);
	writeFileSync(join(dirs.etc, 'hosts'), '127.0.0.1 localhost\n::1 localhost\n');
	if (isRoot()) for (const d of [dirs.home, dirs.tmp, dirs.work]) chownSync(d, NOBODY, NOBODY);
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
		for (const entry of readdirSync(d)) removeTree(join(d, entry));
		if (isRoot()) chownSync(d, NOBODY, NOBODY);
	}
}

/** The scrubbed base environment of a server: only what it needs to start, nothing from ours. */
export function baseEnv(dirs: SandboxDirs): Record<string, string> {
	return {
		PATH: `${dirname(process.execPath)}:/usr/bin:/bin`,
		HOME: dirs.home,
		TMPDIR: dirs.tmp,
		LANG: 'C.UTF-8',
		USER: 'sandbox',
	};
}

/** What one sandboxed run may see besides the system folders and its scratch folders. */
export interface SandboxMounts {
	/** Host paths bound read-only at the same path (the project's Node binary is always added). */
	readOnly?: readonly string[];
	/** Host paths bound writable at the same path (the native rebuild's install folder). */
	writable?: readonly string[];
	/** Working folder inside (default the throwaway work folder). */
	cwd?: string;
}

/** bwrap arguments that bind the system's programs and libraries read-only, as the host lays them out. */
function systemMounts(): string[] {
	const args: string[] = [];
	for (const name of SYSTEM_FOLDERS) {
		const path = `/${name}`;
		let stat: ReturnType<typeof lstatSync>;
		try {
			stat = lstatSync(path);
		} catch {
			continue;
		}
		if (stat.isSymbolicLink()) args.push('--symlink', readlinkSync(path), path);
		else if (stat.isDirectory()) args.push('--ro-bind', path, path);
	}
	// bwrap would make the folders above its mount points mode 700, closed to uid 65534.
	for (const dir of ['/etc', '/var', ...parentFolders(SYSTEM_ETC)]) args.push('--perms', '0755', '--dir', dir);
	for (const path of SYSTEM_ETC) args.push('--ro-bind-try', path, path);
	return args;
}

/**
 * The host command that runs `argv` in the sandbox with exactly `env`, working in `dirs.work` (see the
 * module comment for what it holds). The transport spawns it with an empty environment of its own.
 */
export function sandboxed(
	argv: string[],
	env: Record<string, string>,
	dirs: SandboxDirs,
	mounts: SandboxMounts = {},
): { command: string; args: string[] } {
	const bwrap = which('bwrap');
	const root = isRoot();
	const tmpfs = Object.entries(TMPFS_BYTES).flatMap(([path, bytes]) => [
		'--perms',
		'1777',
		'--size',
		String(bytes),
		'--tmpfs',
		path,
	]);
	const writable = [dirs.home, dirs.tmp, dirs.work, ...(mounts.writable ?? [])];
	const readOnly = [process.execPath, ...(mounts.readOnly ?? [])].filter((p) => !writable.includes(p));
	const args = [
		// Every namespace; as an ordinary user a user namespace too, which the server cannot nest further.
		'--unshare-pid',
		'--unshare-net',
		'--unshare-ipc',
		'--unshare-uts',
		'--unshare-cgroup-try',
		...(root ? [] : ['--unshare-user', '--disable-userns', '--uid', String(NOBODY), '--gid', String(NOBODY)]),
		'--die-with-parent',
		'--new-session',
		'--cap-drop',
		'ALL',
		// As root, only `setpriv` below keeps these, to become uid 65534; it drops every capability doing so.
		...(root ? ['--cap-add', 'CAP_SETUID', '--cap-add', 'CAP_SETGID', '--cap-add', 'CAP_SETPCAP'] : []),
		'--hostname',
		'localhost',
		'--clearenv',
		...Object.entries(env).flatMap(([k, v]) => ['--setenv', k, v]),
		...systemMounts(),
		'--ro-bind',
		join(dirs.etc, 'passwd'),
		'/etc/passwd',
		'--ro-bind',
		join(dirs.etc, 'group'),
		'/etc/group',
		'--ro-bind',
		join(dirs.etc, 'hosts'),
		'/etc/hosts',
		'--proc',
		'/proc',
		'--dev',
		'/dev',
		...tmpfs,
		// After the tmpfs, so folders under the host's /tmp are bound on top of the private one.
		...parentFolders([...readOnly, ...writable]).flatMap((p) => ['--perms', '0755', '--dir', p]),
		...readOnly.flatMap((p) => ['--ro-bind', p, p]),
		...writable.flatMap((p) => ['--bind', p, p]),
		'--chdir',
		mounts.cwd ?? dirs.work,
		'--',
	];
	const drop = root
		? [
				which('setpriv'),
				`--reuid=${NOBODY}`,
				`--regid=${NOBODY}`,
				'--clear-groups',
				'--inh-caps=-all',
				'--bounding-set=-all',
				'--pdeathsig=SIGKILL',
				'--',
			]
		: [];
	return { command: bwrap, args: [...args, ...drop, ...argv] };
}

/** Mount points made by bwrap itself: the folders above them are created explicitly. */
const MOUNTED = new Set(['/', '/etc', '/var', '/proc', '/dev', ...Object.keys(TMPFS_BYTES)]);

/**
 * The folders on the way to bound paths that bwrap would otherwise create closed (mode 700, unusable by
 * uid 65534 when the ingest runs as root), top down, leaving out mount points and bound paths themselves.
 */
export function parentFolders(paths: readonly string[]): string[] {
	const out = new Set<string>();
	for (const path of paths)
		for (let up = dirname(path); !MOUNTED.has(up); up = dirname(up)) {
			if (!paths.some((p) => up === p || up.startsWith(`${p}/`))) out.add(up);
		}
	return [...out].sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b));
}

/**
 * The host folders a local command needs read-only: the folder of every existing absolute path it names
 * (its script), and the nearest `node_modules` above each (the packages a script imports), nothing else
 * of the checkout.
 */
export function commandMounts(argv: readonly string[]): string[] {
	const found = new Set<string>();
	for (const word of argv) {
		if (!word.startsWith('/') || !existsSync(word) || word === process.execPath) continue;
		const dir = statSync(word).isDirectory() ? word : dirname(word);
		found.add(dir);
		for (let up = dir; up !== parsePath(up).root; up = dirname(up)) {
			const modules = join(up, 'node_modules');
			if (existsSync(modules)) {
				found.add(realpathSync(modules));
				break;
			}
		}
	}
	return [...found].sort();
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
 * Runs a command to completion in the sandbox with a hard time limit, after which the whole process group
 * is killed (the PID namespace takes the rest).
 */
export function runSandboxed(
	argv: string[],
	env: Record<string, string>,
	dirs: SandboxDirs,
	mounts: SandboxMounts,
	timeoutMs: number,
	keep = 8000,
): Promise<SandboxRun> {
	const started = Date.now();
	const { command, args } = sandboxed(argv, env, dirs, mounts);
	return new Promise((resolvePromise) => {
		let output = '';
		let timedOut = false;
		const child = spawn(command, args, { cwd: dirs.work, env: {}, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
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
