/**
 * Hostile servers (tests/ingest/fixtures/hostile: one npm package, a behaviour per argument) ingested
 * through the real CLI, once as root and once as an unprivileged user whose HOME holds a canary SSH key and
 * whose environment holds a canary variable. The assertions are made on the host: no canary in any output,
 * nothing written outside the sandbox, no connection reached, nothing left running, the previous catalogue
 * file intact after a SIGKILL, two concurrent ingests unable to touch each other. Every wait is for a
 * condition, with a deadline that says why it is that long.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import {
	chmodSync,
	chownSync,
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const CHECKOUT = resolve('.');
const FIXTURE = resolve('tests/ingest/fixtures/hostile');
const TSX_LOADER = resolve('node_modules/tsx/dist/loader.mjs');
const CLI = resolve('scripts/ingest.ts');
const IS_ROOT = process.getuid?.() === 0;
/** The unprivileged user of the tests when they run as root: an id no account uses, so nothing of it exists elsewhere. */
const TEST_UID = 61_234;
/** A sandboxed listing takes under a second idle; a loaded 2-core machine with an npm install of the tarball first, about 10. */
const INGEST_MS = 60_000;

const made: string[] = [];
afterAll(() => {
	for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A folder owned by `uid`, removed after the tests; under /home when it exists, where a real user's HOME is. */
function ownedDir(uid: number, under = tmpdir()): string {
	const dir = mkdtempSync(join(under, 'atlas-hostile-'));
	made.push(dir);
	if (IS_ROOT) chownSync(dir, uid, uid);
	chmodSync(dir, 0o755);
	return dir;
}

/** Who runs the ingest: root itself, or an ordinary user (root switches with setpriv; a user runs as itself). */
interface Runner {
	name: string;
	uid: number;
	prefix: string[];
	home: string;
	/** Where the CLI runs (its npm cache goes there) and its TMPDIR. */
	cwd: string;
	tmp: string;
	canaryKey: string;
	canaryEnv: string;
}

function runner(name: 'root' | 'user'): Runner {
	const uid = name === 'root' ? 0 : IS_ROOT ? TEST_UID : (process.getuid?.() ?? 0);
	const home = ownedDir(uid, existsSync('/home') && IS_ROOT ? '/home' : tmpdir());
	const canaryKey = `CANARY-KEY-${randomBytes(8).toString('hex')}`;
	mkdirSync(join(home, '.ssh'), { mode: 0o700 });
	writeFileSync(
		join(home, '.ssh', 'id_rsa'),
		`-----BEGIN OPENSSH PRIVATE KEY-----\n${canaryKey}\n-----END OPENSSH PRIVATE KEY-----\n`,
		{ mode: 0o600 },
	);
	if (IS_ROOT) {
		chownSync(join(home, '.ssh'), uid, uid);
		chownSync(join(home, '.ssh', 'id_rsa'), uid, uid);
	}
	const prefix =
		name === 'user' && IS_ROOT ? ['setpriv', `--reuid=${TEST_UID}`, `--regid=${TEST_UID}`, '--clear-groups', '--'] : [];
	return {
		name,
		uid,
		prefix,
		home,
		cwd: ownedDir(uid),
		tmp: ownedDir(uid),
		canaryKey,
		canaryEnv: `CANARY-ENV-${randomBytes(8).toString('hex')}`,
	};
}

/** A running CLI ingest and what it printed. */
interface Run {
	child: ChildProcess;
	output: () => string;
	done: Promise<number | null>;
}

function startIngest(who: Runner, tarball: string, slug: string, out: string, args: string[], timeoutS = 10): Run {
	const argv = [
		...who.prefix,
		process.execPath,
		'--import',
		TSX_LOADER,
		CLI,
		`npm:fixture-hostile@file:${tarball}`,
		...args.flatMap((a) => ['--arg', a]),
		'--repository',
		'https://example.com/hostile',
		'--slug',
		slug,
		'--out',
		out,
		'--timeout',
		String(timeoutS),
	];
	const child = spawn(argv[0] as string, argv.slice(1), {
		cwd: who.cwd,
		env: {
			PATH: `${dirname(process.execPath)}:/usr/bin:/bin`,
			HOME: who.home,
			TMPDIR: who.tmp,
			ATLAS_CANARY: who.canaryEnv,
		},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let text = '';
	child.stdout?.setEncoding('utf8').on('data', (c: string) => (text += c));
	child.stderr?.setEncoding('utf8').on('data', (c: string) => (text += c));
	const done = new Promise<number | null>((r) => child.once('close', (code) => r(code)));
	return { child, output: () => text, done };
}

/** Pids of live processes whose command line mentions `marker` (Linux /proc). */
function processesMentioning(marker: string): number[] {
	return readdirSync('/proc')
		.filter((d) => /^\d+$/.test(d) && Number(d) !== process.pid)
		.filter((d) => {
			try {
				return readFileSync(`/proc/${d}/cmdline`, 'utf8').includes(marker);
			} catch {
				return false;
			}
		})
		.map(Number);
}

/** Waits until `condition` holds or `ms` pass; returns whether it held. */
async function waitFor(condition: () => boolean, ms: number): Promise<boolean> {
	const deadline = Date.now() + ms;
	while (!condition()) {
		if (Date.now() > deadline) return false;
		await new Promise((r) => setTimeout(r, 100));
	}
	return true;
}

/** Every file under `dir` (a few levels) whose name mentions `marker`. */
function filesMentioning(dir: string, marker: string, depth = 3): string[] {
	if (depth < 0 || !existsSync(dir)) return [];
	const found: string[] = [];
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (name.includes(marker)) found.push(path);
		try {
			if (statSync(path).isDirectory() && name !== 'node_modules' && name !== '.git')
				found.push(...filesMentioning(path, marker, depth - 1));
		} catch {
			// vanished
		}
	}
	return found;
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

let tarball = '';
beforeAll(() => {
	// The package, packed into a folder every runner can read (npm installs it offline from the tarball).
	const packDir = ownedDir(0);
	cpSync(FIXTURE, join(packDir, 'src'), { recursive: true });
	execFileSync('npm', ['pack', '--pack-destination', packDir], { cwd: join(packDir, 'src'), stdio: 'ignore' });
	tarball = join(packDir, 'fixture-hostile-1.0.0.tgz');
	chmodSync(tarball, 0o644);
});

describe.each(IS_ROOT ? (['root', 'user'] as const) : (['user'] as const))(
	'hostile servers, ingest run as %s',
	(name) => {
		let who: Runner;
		let out: string;
		beforeAll(() => {
			who = runner(name);
			out = ownedDir(who.uid);
		});
		const record = (slug: string) => readFileSync(join(out, `${slug}.yaml`), 'utf8');
		const noCanary = (text: string) => {
			expect(text).not.toContain(who.canaryKey);
			expect(text).not.toContain(who.canaryEnv);
		};

		it(
			'steals nothing, writes nothing outside, reaches no socket, and leaves nothing running',
			async () => {
				const tag = `${name}-${randomBytes(4).toString('hex')}`;
				const heard: string[] = [];
				const tcp: Server = createServer((s) => {
					heard.push('tcp');
					s.destroy();
				});
				await new Promise<void>((r) => tcp.listen(0, '127.0.0.1', () => r()));
				const udp = createSocket('udp4').on('message', () => heard.push('udp'));
				await new Promise<void>((r) => udp.bind(0, '127.0.0.1', () => r()));
				const socketDir = ownedDir(who.uid);
				const socket = join(socketDir, 'agent.sock');
				const unix: Server = createServer((s) => {
					heard.push('unix');
					s.destroy();
				}).listen(socket);
				if (IS_ROOT) chownSync(socket, who.uid, who.uid);
				const packageSum = sha(join(CHECKOUT, 'package.json'));
				try {
					const run = startIngest(who, tarball, 'hostile-attacks', out, [
						'attacks',
						`tag=${tag}`,
						`home=${who.home}`,
						`checkout=${CHECKOUT}`,
						`out=${out}`,
						`tcp=${(tcp.address() as { port: number }).port}`,
						`udp=${udp.address().port}`,
						`socket=${socket}`,
					]);
					expect(await run.done, run.output()).toBe(0);
					const text = record('hostile-attacks');
					// The attacks ran (their report is the tool list), and saw none of this machine.
					expect(text).toContain(`write /tmp/hostile-${tag}: done`);
					expect(text).toMatch(/read ~\/\.ssh\/id_rsa: ENOENT/); // /root, written ~ in records
					expect(text).toMatch(/uid 65534 caps [^\n]*0000000000000000/);
					noCanary(text);
					noCanary(run.output());
					// Nothing planted on the host, nothing edited, no connection.
					const places = ['/tmp', '/dev/shm', '/var/tmp', who.home, who.tmp, who.cwd, out, dirname(CHECKOUT), CHECKOUT];
					expect(places.flatMap((d) => filesMentioning(d, `hostile-${tag}`, d === '/tmp' ? 4 : 1))).toEqual([]);
					expect(existsSync(join(who.home, '.bashrc'))).toBe(false);
					expect(sha(join(CHECKOUT, 'package.json'))).toBe(packageSum);
					expect(heard).toEqual([]);
					// The sandbox folder went with the run.
					expect(readdirSync(who.tmp).filter((n) => n.startsWith('atlas-ingest-'))).toEqual([]);
				} finally {
					tcp.close();
					udp.close();
					unix.close();
				}
			},
			INGEST_MS,
		);

		it(
			'kills what a server started in a session of its own when the listing ends',
			async () => {
				const tag = `${name}-${randomBytes(4).toString('hex')}`;
				const run = startIngest(who, tarball, 'hostile-linger', out, ['linger', `tag=${tag}`]);
				expect(await run.done, run.output()).toBe(0);
				// The PID namespace takes every descendant when the sandbox ends; that takes a moment.
				expect(await waitFor(() => processesMentioning(`hostile-linger-${tag}`).length === 0, 10_000)).toBe(true);
			},
			INGEST_MS,
		);

		it(
			'after a SIGKILL of the ingest: nothing runs, the previous file is intact, the next run removes what was left',
			async () => {
				const tag = `${name}-${randomBytes(4).toString('hex')}`;
				const first = startIngest(who, tarball, 'hostile-killed', out, ['plain', `tag=${tag}`]);
				expect(await first.done, first.output()).toBe(0);
				const before = record('hostile-killed');
				const run = startIngest(who, tarball, 'hostile-killed', out, ['hang', `tag=${tag}`], 120);
				// Until the hanging server's descendant runs (install and launch first; see INGEST_MS).
				const started = await waitFor(() => processesMentioning(`hostile-linger-${tag}`).length > 0, INGEST_MS / 2);
				expect(started, run.output()).toBe(true);
				// The ingest itself, not its process group: nothing of ours gets a chance to clean up.
				// setpriv execs the ingest, so the child's pid is the ingest's in both modes.
				const ingestPid = run.child.pid as number;
				process.kill(ingestPid, 'SIGKILL');
				await run.done;
				// bwrap's die-with-parent and the PID namespace end the whole tree, asynchronously.
				expect(await waitFor(() => processesMentioning(`hostile-linger-${tag}`).length === 0, 10_000)).toBe(true);
				expect(record('hostile-killed')).toBe(before);
				const left = readdirSync(who.tmp).filter((n) => n.startsWith(`atlas-ingest-${ingestPid}-`));
				expect(left.length, 'a SIGKILL leaves its sandbox folder').toBe(1);
				const next = startIngest(who, tarball, 'hostile-killed', out, ['plain', `tag=${tag}`]);
				expect(await next.done, next.output()).toBe(0);
				expect(readdirSync(who.tmp).filter((n) => n.startsWith(`atlas-ingest-${ingestPid}-`))).toEqual([]);
			},
			INGEST_MS * 2,
		);

		it(
			'keeps two concurrent ingests apart',
			async () => {
				const a = `${name}-a-${randomBytes(4).toString('hex')}`;
				const b = `${name}-b-${randomBytes(4).toString('hex')}`;
				// A plants files in its /tmp, /dev/shm, /var/tmp and HOME, then hangs while B runs its attacks.
				const runA = startIngest(who, tarball, 'hostile-a', out, ['hang', `tag=${a}`], 120);
				expect(
					await waitFor(() => processesMentioning(`hostile-linger-${a}`).length > 0, INGEST_MS / 2),
					runA.output(),
				).toBe(true);
				const folderA = readdirSync(who.tmp).find((n) => n.startsWith(`atlas-ingest-${runA.child.pid}-`));
				expect(folderA).toBeDefined();
				try {
					const runB = startIngest(who, tarball, 'hostile-b', out, [
						'attacks',
						`tag=${b}`,
						`out=${join(who.tmp, folderA as string, 'home')}`,
					]);
					expect(await runB.done, runB.output()).toBe(0);
					const seen = record('hostile-b');
					expect(seen).not.toContain(a);
					// B was told where A's HOME is on the host; inside its sandbox that path does not exist.
					expect(seen).toContain(`write ${join(who.tmp, folderA as string, 'home')}/hostile-${b}: ENOENT`);
					expect(filesMentioning(join(who.tmp, folderA as string), b)).toEqual([]);
					// B's process list is its own namespace: a few pids, none of A's.
					const pids = /pids: ([\d,]+)/.exec(seen)?.[1]?.split(',') ?? [];
					expect(pids.length).toBeLessThan(10);
				} finally {
					runA.child.kill('SIGTERM');
					await runA.done;
				}
			},
			INGEST_MS * 2,
		);

		it.each([
			['ansi', true, /evil/],
			['wrong-id', true, /genuine/],
			['duplicates', true, /duplicateTools/],
			['chmod', true, /closed/],
			['bad-jsonrpc', false, /protocol-error: the server sent a message that is not valid JSON-RPC 2\.0/],
			[
				'error-reply',
				false,
				/protocol-error: the server answered initialize with JSON-RPC error -32603 \(internal error\): "\["/,
			],
			['flood', false, /protocol-error: the server sent more than 1000 requests to the client/],
		])(
			'%s: listed %s, reported as what it is',
			async (behaviour, listed, expected) => {
				const slug = `hostile-${behaviour}`;
				const run = startIngest(who, tarball, slug, out, [behaviour]);
				expect(await run.done, run.output()).toBe(listed ? 0 : 1);
				const output = run.output();
				// Nothing a server sent moves the cursor, clears a line or retitles the terminal.
				expect(output).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
				if (listed) expect(record(slug)).toMatch(expected);
				else expect(output).toMatch(expected);
				if (behaviour === 'wrong-id') expect(record(slug)).not.toContain('injected');
				if (behaviour === 'duplicates') {
					const file = parse(record(slug));
					expect(file.tools.map((t: { name: string }) => t.name)).toEqual(['same', 'other']);
					expect(file.duplicateTools).toEqual([
						{ name: 'same', description: 'now deletes things', inputSchema: { type: 'object' } },
					]);
				}
				expect(readdirSync(who.tmp).filter((n) => n.startsWith('atlas-ingest-'))).toEqual([]);
			},
			INGEST_MS,
		);

		it.each([
			['big', 1, 1],
			['pages', 150, 150],
		])(
			'%s: a genuine listing at the limits is read whole',
			async (behaviour, tools, pages) => {
				const slug = `hostile-${behaviour}`;
				const run = startIngest(who, tarball, slug, out, [behaviour], 20);
				expect(await run.done, run.output()).toBe(0);
				const file = parse(record(slug));
				expect(file.tools).toHaveLength(tools);
				expect(file.launch.pages).toBe(pages);
			},
			INGEST_MS,
		);

		it(
			'stops endless fresh cursors at the page cap',
			async () => {
				const run = startIngest(who, tarball, 'hostile-endless', out, ['endless'], 30);
				expect(await run.done).toBe(1);
				expect(run.output()).toMatch(/tools\/list still paginating after 1000 pages/);
			},
			INGEST_MS,
		);
	},
);
