/**
 * What a process tree costs, from /proc (Linux): CPU time of every process that belonged to it and the
 * peak of their summed resident memory. Node gives no rusage of children, and a grandchild the build
 * does not wait for (Pagefind's indexer) would escape getrusage anyway, so the tree is sampled instead:
 * each process's CPU figure is the last one read before it ended (at most one interval short).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { childPids, processRss } from './proc-rss.ts';

/** The fields of /proc/<pid>/stat the sampler reads. */
export interface ProcStat {
	/** The command name (at most 15 characters; may hold spaces and parentheses). */
	comm: string;
	/** User plus system CPU of the process itself (all its threads), in clock ticks. */
	ticks: number;
	/** Start time after boot, in clock ticks: with the pid, names the process across pid reuse. */
	start: number;
}

/** Parses /proc/<pid>/stat. The name is in parentheses and may contain either, so fields count from the last `)`. */
export function parseProcStat(text: string): ProcStat {
	const open = text.indexOf('(');
	const close = text.lastIndexOf(')');
	if (open < 0 || close < open) throw new Error(`not a /proc stat line: ${text.slice(0, 80)}`);
	// After ") ": field 3 (state) is index 0, so field n is index n - 3.
	const fields = text.slice(close + 2).split(' ');
	const field = (n: number) => Number(fields[n - 3]);
	return { comm: text.slice(open + 1, close), ticks: field(14) + field(15), start: field(22) };
}

/** Field 4 of /proc/<pid>/stat: the parent's pid. */
const parentPid = (text: string) => Number(text.slice(text.lastIndexOf(')') + 2).split(' ')[1]);

function clockTicksPerSecond(): number {
	try {
		return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
	} catch {
		return 100;
	}
}

const read = (path: string): string | undefined => {
	try {
		return readFileSync(path, 'utf8');
	} catch {
		// The process ended between listing and reading.
		return undefined;
	}
};

/** Samples a process, its descendants, and any descendant orphaned when its parent ended before it. */
export class ProcessTreeSampler {
	/** `pid:start` → the last figures read. */
	readonly #seen = new Map<string, { pid: number; comm: string; ticks: number }>();
	readonly #root: number;
	/** The root's `pid:start`, once read. */
	#rootKey: string | undefined;
	readonly #hz = clockTicksPerSecond();
	/** Highest summed resident memory seen, in bytes. */
	peakRss = 0;

	constructor(root: number) {
		this.#root = root;
	}

	/** How many processes took part. */
	get processCount(): number {
		return this.#seen.size;
	}

	/** Reads every live process of the tree once; returns how many were alive. */
	sample(): number {
		const stack = [this.#root, ...[...this.#seen.values()].map((p) => p.pid)];
		const visited = new Set<number>();
		const members = new Set<number>();
		let rss = 0;
		let live = 0;
		while (stack.length > 0) {
			const pid = stack.pop() as number;
			if (visited.has(pid)) continue;
			visited.add(pid);
			const statText = read(`/proc/${pid}/stat`);
			if (statText === undefined) continue;
			const stat = parseProcStat(statText);
			const key = `${pid}:${stat.start}`;
			// A pid seen before but now naming another process (reuse) is not ours unless a member started it.
			this.#rootKey ??= pid === this.#root ? key : undefined;
			if (key !== this.#rootKey && !this.#seen.has(key) && !members.has(parentPid(statText))) continue;
			members.add(pid);
			this.#seen.set(key, { pid, comm: stat.comm, ticks: stat.ticks });
			live++;
			rss += processRss(pid) * 1024;
			stack.push(...childPids(pid));
		}
		this.peakRss = Math.max(this.peakRss, rss);
		return live;
	}

	/** Keeps sampling until no process of the tree is left (or `limitMs` passed). */
	async untilAllExited(intervalMs = 100, limitMs = 120_000): Promise<void> {
		const until = performance.now() + limitMs;
		while (this.sample() > 0) {
			if (performance.now() > until) throw new Error('build processes still running after the build ended');
			await new Promise((r) => setTimeout(r, intervalMs));
		}
	}

	/** CPU seconds (user + system) of the whole tree so far. */
	cpuTotal(): number {
		let ticks = 0;
		for (const p of this.#seen.values()) ticks += p.ticks;
		return ticks / this.#hz;
	}

	/** CPU seconds (user + system) per command name, largest first. */
	cpuByCommand(): Map<string, number> {
		const byComm = new Map<string, number>();
		for (const p of this.#seen.values()) byComm.set(p.comm, (byComm.get(p.comm) ?? 0) + p.ticks / this.#hz);
		return new Map([...byComm].sort((a, b) => b[1] - a[1]));
	}
}
