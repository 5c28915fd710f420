/**
 * The build stamp `npm start` reads to serve the last build instead of rebuilding: a hash of everything a
 * build reads (catalogue, content, source, public files, configuration, lockfile and the ATLAS_* settings),
 * removed when a build starts and written when it succeeds, so a stamp always describes a finished build.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { AstroIntegration } from 'astro';

/** Files and folders of the checkout a build reads. */
const INPUTS = ['package.json', 'package-lock.json', 'astro.config.mjs', 'tsconfig.json', 'content', 'src', 'public'];

/**
 * Settings that change what a build writes; paths count as the folders they name. (Where it writes,
 * ATLAS_OUT_DIR, picks the stamp file instead: see `stampFile`.)
 */
const SETTINGS = ['ATLAS_CATALOGUE', 'ATLAS_HAND_LABELS', 'ATLAS_SITE_URL', 'ATLAS_SHARD', 'ATLAS_SHARDS'] as const;
const PATHS = new Set<string>(['ATLAS_CATALOGUE', 'ATLAS_HAND_LABELS']);

function addPath(hash: ReturnType<typeof createHash>, path: string, label: string): void {
	if (!existsSync(path)) {
		hash.update(`absent ${label}\0`);
		return;
	}
	if (statSync(path).isDirectory()) {
		// Sorted by code point so the hash does not depend on the file system's listing order.
		for (const name of readdirSync(path).sort()) addPath(hash, join(path, name), `${label}/${name}`);
		return;
	}
	hash.update(`file ${label}\0`);
	hash.update(readFileSync(path));
	hash.update('\0');
}

/** sha256 of every input of a build from `root` with these settings. */
export function buildInputsHash(root: string, env: NodeJS.ProcessEnv = process.env): string {
	const hash = createHash('sha256');
	for (const input of INPUTS) addPath(hash, join(root, input), input);
	for (const name of SETTINGS) {
		const value = env[name] || '';
		hash.update(`${name}=${value && PATHS.has(name) ? resolve(root, value) : value}\0`);
	}
	// A catalogue or hand-label file outside the checkout is read too.
	for (const name of ['ATLAS_CATALOGUE', 'ATLAS_HAND_LABELS'] as const) {
		const path = env[name];
		if (path && relative(root, resolve(root, path)).startsWith('..')) addPath(hash, resolve(root, path), name);
	}
	return hash.digest('hex');
}

/** Where the stamp of builds into `outDir` is kept: in the checkout's cache, one per output folder. */
function stampFile(root: string, outDir: string): string {
	const id = createHash('sha256').update(resolve(root, outDir)).digest('hex').slice(0, 16);
	return join(root, '.cache', 'build-stamp', `${id}.txt`);
}

/** Whether `outDir` holds a finished build of exactly the current inputs. */
export function buildIsCurrent(root: string, outDir: string, env: NodeJS.ProcessEnv = process.env): boolean {
	const file = stampFile(root, outDir);
	if (!existsSync(file) || !existsSync(join(resolve(root, outDir), 'index.html'))) return false;
	return readFileSync(file, 'utf8').trim() === buildInputsHash(root, env);
}

/** Records that `outDir` holds a finished build of `inputs` (a `buildInputsHash` taken when the build started). */
export function writeBuildStamp(root: string, outDir: string, inputs: string): void {
	const file = stampFile(root, outDir);
	mkdirSync(join(file, '..'), { recursive: true });
	writeFileSync(file, `${inputs}\n`);
}

/** Forgets the stamp of `outDir`: a build into it has started. */
export function removeBuildStamp(root: string, outDir: string): void {
	rmSync(stampFile(root, outDir), { force: true });
}

/**
 * The integration, last in the list: forgets the stamp when a build starts, and writes the hash of the
 * inputs as they were when it started once every other step has succeeded. With `write` false (scripts/build.ts,
 * whose last steps come after Astro exits) it only forgets it.
 */
export function buildStamp(root: string, outDir: string, write = true): AstroIntegration {
	let inputs = '';
	return {
		name: 'policy-atlas:build-stamp',
		hooks: {
			'astro:build:start': () => {
				removeBuildStamp(root, outDir);
				inputs = buildInputsHash(root);
			},
			'astro:build:done': () => {
				if (write) writeBuildStamp(root, outDir, inputs);
			},
		},
	};
}
