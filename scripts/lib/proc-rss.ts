/** Resident memory of processes from Linux's /proc, for the benchmarks. */
import { readdirSync, readFileSync } from 'node:fs';

/** The direct children of a process. */
export function childPids(pid: number): number[] {
	const out: number[] = [];
	try {
		for (const task of readdirSync(`/proc/${pid}/task`)) {
			const children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
			if (children) out.push(...children.split(/\s+/).map(Number));
		}
	} catch {
		// The process ended between listing and reading.
	}
	return out;
}

/** Resident memory (kB) of one process; 0 once it has ended. */
export function processRss(pid: number): number {
	try {
		return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
	} catch {
		return 0;
	}
}
