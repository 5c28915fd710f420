/**
 * What an ingest must never leave behind, however it ends: the process groups of the untrusted servers,
 * installs and rebuilds it started, and its throwaway folders. Each is registered while it exists, and
 * `reapAll` kills and removes whatever is still registered. It runs on `process.exit` (the second Ctrl-C
 * of `--all`, a fatal error) and from the signal handlers that `exitOnSignals` installs, because Node's
 * default reaction to SIGINT or SIGTERM ends the process without running exit handlers, and children
 * started `detached` (their own process group, so that a terminal's Ctrl-C does not reach them) would
 * keep running.
 */

import { chmodSync, lstatSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const groups = new Set<number>();
const folders = new Set<() => void>();

/** Registers a child's process group (its pid, as it was started `detached`); returns the unregister call. */
export function trackGroup(pid: number | undefined): () => void {
	if (pid === undefined) return () => {};
	groups.add(pid);
	return () => groups.delete(pid);
}

/** Registers a folder's removal; returns the unregister call (made once the folder is gone). */
export function trackFolder(remove: () => void): () => void {
	folders.add(remove);
	return () => folders.delete(remove);
}

/** Kills every registered process group and removes every registered folder, now. */
export function reapAll(): void {
	for (const pid of groups) {
		try {
			process.kill(-pid, 'SIGKILL');
		} catch {
			// already gone
		}
	}
	groups.clear();
	for (const remove of folders) {
		try {
			remove();
		} catch {
			// best effort: the process is ending
		}
	}
	folders.clear();
}

process.on('exit', reapAll);

/**
 * Removes a folder tree a sandboxed process wrote to, even when it closed parts of it (`chmod 000` on a
 * folder stops an ordinary user's `rm -r`): folders are opened up and the removal retried.
 */
export function removeTree(path: string): void {
	try {
		rmSync(path, { recursive: true, force: true });
	} catch {
		openUp(path);
		rmSync(path, { recursive: true, force: true });
	}
}

function openUp(path: string): void {
	let stat: ReturnType<typeof lstatSync>;
	try {
		stat = lstatSync(path);
	} catch {
		return;
	}
	if (!stat.isDirectory()) return;
	try {
		chmodSync(path, 0o700);
		for (const entry of readdirSync(path)) openUp(join(path, entry));
	} catch {
		// not ours to open: rmSync reports it
	}
}

/** Whether a process with this id is running (as any user). */
export function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

const sweptFolders = new Set<string>();

/**
 * Removes what ingests killed without a chance to clean up (SIGKILL, the out-of-memory killer) left in
 * `dir`: entries whose name matches `pattern`, whose first group is the pid of an ingest no longer running,
 * and that belong to us. Once per folder and pattern per process; returns the names removed.
 */
export function reapStale(dir: string, pattern: RegExp): string[] {
	const key = `${dir}\0${pattern.source}`;
	if (sweptFolders.has(key)) return [];
	sweptFolders.add(key);
	const removed: string[] = [];
	let names: string[] = [];
	try {
		names = readdirSync(dir);
	} catch {
		return removed;
	}
	for (const name of names) {
		const pid = Number(pattern.exec(name)?.[1]);
		if (!pid || pid === process.pid || isRunning(pid)) continue;
		try {
			if (lstatSync(join(dir, name)).uid !== process.getuid?.()) continue;
			removeTree(join(dir, name));
			removed.push(name);
		} catch {
			// vanished meanwhile, or not removable: the next run tries again
		}
	}
	return removed;
}

/** Exit status of a process ended by a signal, as shells report it. */
const SIGNAL_STATUS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

/**
 * Ends the process on SIGINT, SIGTERM and SIGHUP after reaping. `onInterrupt`, when given, is asked first on
 * SIGINT and may return false to keep running (`--all` finishes the sources in flight on the first Ctrl-C).
 */
export function exitOnSignals(onInterrupt?: () => boolean): void {
	for (const signal of Object.keys(SIGNAL_STATUS) as (keyof typeof SIGNAL_STATUS)[]) {
		process.on(signal, () => {
			if (signal === 'SIGINT' && onInterrupt && !onInterrupt()) return;
			reapAll();
			process.exit(SIGNAL_STATUS[signal]);
		});
	}
}
