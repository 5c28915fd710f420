/**
 * chownTree walks an install that a just-killed rebuild may still be changing: entries that vanish between
 * listing and chowning are skipped, the rest of the tree is still chowned, and other errors still throw.
 * The race is made deterministic by removing a listed path from inside an lchown call.
 */
import { existsSync, lstatSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chownTree } from '../../scripts/ingest/sandbox.ts';
import { tempDir } from '../helpers/temp.ts';

/** Runs before each lchownSync of chownTree; the test sets it to play the process still changing the tree. */
const hook = vi.hoisted(() => ({ beforeLchown: undefined as ((path: string) => void) | undefined }));
vi.mock('node:fs', async (importOriginal) => {
	const fs = await importOriginal<typeof import('node:fs')>();
	return {
		...fs,
		lchownSync: (path: string, uid: number, gid: number) => {
			hook.beforeLchown?.(path);
			return fs.lchownSync(path, uid, gid);
		},
	};
});
afterEach(() => {
	hook.beforeLchown = undefined;
});

/** A folder holding a/f (a file) and a/g/h (a folder with a file); returns its path. */
function tree(): string {
	const dir = tempDir('chown-');
	mkdirSync(join(dir, 'a', 'g'), { recursive: true });
	for (const file of ['a/f', 'a/g/h']) writeFileSync(join(dir, file), 'x');
	return dir;
}

/** A uid and gid other than the files' own, so the test sees which entries changed (only root may set any). */
const asRoot = process.getuid?.() === 0;
const TARGET = asRoot ? { uid: 4321, gid: 4321 } : { uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0 };

describe('chownTree', () => {
	it('skips an entry removed after its folder was listed, and chowns the rest', () => {
		const dir = tree();
		const a = join(dir, 'a');
		let removed = '';
		hook.beforeLchown = (path) => {
			if (dirname(path) !== a) return;
			// The first entry of a/ reached: its sibling, listed but not yet visited, disappears (a file or a folder).
			removed = join(a, basename(path) === 'f' ? 'g' : 'f');
			rmSync(removed, { recursive: true });
			hook.beforeLchown = undefined;
		};
		expect(() => chownTree(dir, TARGET.uid, TARGET.gid)).not.toThrow();
		expect(removed).not.toBe('');
		const left = ['', 'a', 'a/f', 'a/g', 'a/g/h'].filter((rel) => existsSync(join(dir, rel)));
		expect(left).toHaveLength(removed.endsWith('f') ? 4 : 3);
		for (const rel of left) expect(lstatSync(join(dir, rel)).uid, rel || '.').toBe(TARGET.uid);
	});

	it('still throws on a failure other than a vanished path', () => {
		const dir = tree();
		hook.beforeLchown = () => {
			throw Object.assign(new Error('EPERM: operation not permitted'), { code: 'EPERM' });
		};
		expect(() => chownTree(dir, TARGET.uid, TARGET.gid)).toThrow(/EPERM/);
	});

	it('tolerates the whole folder vanishing', () => {
		const dir = tree();
		rmSync(dir, { recursive: true });
		expect(() => chownTree(dir, TARGET.uid, TARGET.gid)).not.toThrow();
	});
});
