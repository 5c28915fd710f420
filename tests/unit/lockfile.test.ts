/**
 * `npm ci` installs exactly what package-lock.json lists and fails when the lockfile is out of step with
 * package.json or lacks an optional dependency that some package declares (npm's lockfile bug drops other
 * platforms' native bindings when a lockfile is written on one platform). This checks both offline.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface LockEntry {
	version?: string;
	optional?: boolean;
	dependencies?: Record<string, string>;
	devDependencies?: Record<string, string>;
	optionalDependencies?: Record<string, string>;
}
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockEntry> };
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as LockEntry;

/** The lock entry npm would resolve `name` to from the package at `from` (node's nested lookup). */
function resolve(from: string, name: string): LockEntry | undefined {
	let dir = from;
	for (;;) {
		const hit = lock.packages[`${dir ? `${dir}/` : ''}node_modules/${name}`];
		if (hit) return hit;
		if (!dir) return undefined;
		const up = dir.lastIndexOf('/node_modules/');
		dir = up === -1 ? '' : dir.slice(0, up);
	}
}

describe('package-lock.json', () => {
	it('lists the same direct dependencies as package.json', () => {
		const root = lock.packages[''];
		expect(root?.dependencies).toEqual(pkg.dependencies);
		expect(root?.devDependencies).toEqual(pkg.devDependencies);
	});

	it("holds every package's optional dependencies, for every platform", () => {
		const missing: string[] = [];
		for (const [path, entry] of Object.entries(lock.packages)) {
			for (const name of Object.keys(entry.optionalDependencies ?? {})) {
				if (!resolve(path, name)) missing.push(`${path || '(root)'} → ${name}`);
			}
		}
		expect(missing).toEqual([]);
	});

	it('finds the optional bindings a platform-specific package needs (the check can fail)', () => {
		const astroCompiler = Object.entries(lock.packages).find(([, e]) =>
			Object.keys(e.optionalDependencies ?? {}).some((n) => n.includes('compiler-binding-')),
		);
		expect(astroCompiler, 'a package with per-platform optional bindings').toBeDefined();
		const bindings = Object.keys(astroCompiler?.[1].optionalDependencies ?? {});
		expect(bindings.length).toBeGreaterThan(5);
		expect(bindings.filter((n) => !resolve(astroCompiler?.[0] ?? '', n))).toEqual([]);
	});
});
