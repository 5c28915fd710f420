/**
 * Native addons. Packages are installed with scripts disabled, so a dependency that compiles or fetches its
 * `.node` file at install time (sqlite3, better-sqlite3, keytar, isolated-vm…) is left without it and the
 * server dies with a `native-module` failure. The pipeline then rebuilds once: `npm rebuild` of the packages
 * that carry native build files, with scripts allowed for this step only, in the same sandbox the servers
 * get (no network, scrubbed environment, throwaway HOME and npm cache, an unprivileged user, a hard time
 * limit after which the whole process tree is killed). Without network `prebuild-install` and friends fail
 * and node-gyp compiles from source, against the headers of the Node that runs the servers.
 */
import { accessSync, constants, existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { IngestError } from './list.ts';
import { listDir } from './npm.ts';
import { baseEnv, chownTree, isRoot, NOBODY, resetScratch, runSandboxed, type SandboxDirs, which } from './sandbox.ts';

/** Default hard time limit of one package's rebuild (sqlite3 from source took about 240 s here on a loaded 2-core machine). */
export const REBUILD_TIMEOUT_MS = 300_000;

/** Programs node-gyp needs to compile an addon. */
export const TOOLCHAIN = ['python3', 'make', 'g++'] as const;

/** The programs of `programs` that no folder of a PATH value holds as an executable file. */
export function missingPrograms(programs: readonly string[], path: string): string[] {
	const executable = (file: string) => {
		try {
			accessSync(file, constants.X_OK);
			return true;
		} catch {
			return false;
		}
	};
	return programs.filter((p) => !path.split(':').some((dir) => dir && executable(join(dir, p))));
}

/** The version in `<dir>/include/node/node_version.h`, or undefined. */
function headersVersion(dir: string): string | undefined {
	try {
		const text = readFileSync(join(dir, 'include', 'node', 'node_version.h'), 'utf8');
		const part = (name: string) => new RegExp(`#define NODE_${name}_VERSION (\\d+)`).exec(text)?.[1];
		return [part('MAJOR'), part('MINOR'), part('PATCH')].every(Boolean)
			? `${part('MAJOR')}.${part('MINOR')}.${part('PATCH')}`
			: undefined;
	} catch {
		return undefined;
	}
}

/**
 * The folder holding `include/node` headers of exactly this Node version (node-gyp's `nodedir`): the
 * install prefix of the node binary, or the platform package of the npm `node` package beside it. Without
 * one node-gyp would download the headers, which the sandbox cannot.
 */
export function nodeHeadersDir(execPath = process.execPath, version = process.versions.node): string | undefined {
	let real = execPath;
	try {
		real = realpathSync(execPath);
	} catch {
		// keep the path as given
	}
	const prefix = dirname(dirname(real));
	const platformPackage = `node-${process.platform}-${process.arch}`;
	const candidates = [prefix, join(prefix, 'node_modules', platformPackage), join(dirname(prefix), platformPackage)];
	return candidates.find((dir) => headersVersion(dir) === version);
}

/** Install scripts that build or fetch a native addon. */
const NATIVE_SCRIPT = /node-gyp|prebuild-install|node-pre-gyp|cmake-js|prebuildify|napi-build/;

/**
 * Names of the installed packages (at any depth) that build or fetch a native addon at install time:
 * a `binding.gyp`, `"gypfile": true`, or an install script running one of the native build tools.
 */
export function nativePackages(installDir: string): string[] {
	const found = new Set<string>();
	const visit = (modules: string, depth: number) => {
		if (depth > 12) return;
		for (const entry of listDir(modules)) {
			if (entry.startsWith('.')) continue;
			const dirs = entry.startsWith('@')
				? listDir(join(modules, entry)).map((s) => join(modules, entry, s))
				: [join(modules, entry)];
			for (const dir of dirs) {
				let pkg: { name?: unknown; gypfile?: unknown; scripts?: Record<string, unknown> };
				try {
					pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
				} catch {
					continue;
				}
				const scripts = ['preinstall', 'install', 'postinstall'].map((k) => String(pkg.scripts?.[k] ?? '')).join('\n');
				if (
					typeof pkg.name === 'string' &&
					(existsSync(join(dir, 'binding.gyp')) || pkg.gypfile === true || NATIVE_SCRIPT.test(scripts))
				)
					found.add(pkg.name);
				visit(join(dir, 'node_modules'), depth + 1);
			}
		}
	};
	visit(join(installDir, 'node_modules'), 0);
	return [...found].sort();
}

/**
 * The few lines of a failed rebuild's output that say why: the first error that is not npm's or
 * node-gyp's own (a compiler error, a missing system library), then the last error lines.
 */
export function rebuildCause(output: string): string {
	const lines = output
		.replace(/\x1b\[[0-9;]*m/g, '')
		.split('\n')
		.map((l) => l.replace(/^npm (?:error|ERR!)\s*/, '').trim())
		.filter(
			(l) =>
				l &&
				!/^(?:A complete log of this run|Log files were not written|You can rerun the command|command sh -c|path \/|code \d+$|signal \w+$|cwd |node -v|node-gyp -v|gyp ERR! (?:System|command|cwd|node -v|node-gyp -v|not ok|\$npm_|stack\s+at ))|^at /.test(
					l,
				),
		);
	const telling = lines.filter((l) => /error|ERR!|not found|cannot|could not|failed|missing|No such/i.test(l));
	const root = telling.find((l) => !/^(?:gyp |command failed|make: \*\*\*)/.test(l));
	const picked = [...new Set([root, ...telling.slice(-2)].filter((l): l is string => Boolean(l)))];
	return (picked.length ? picked : lines.slice(-3)).join(' / ').slice(0, 400);
}

/** What a successful rebuild did. */
export interface Rebuilt {
	/** The packages rebuilt, or empty when the whole install was (no package showed native build files). */
	packages: string[];
	ms: number;
}

/**
 * Rebuilds the native addons of an install in the sandbox: `npm rebuild` of {@link nativePackages} (every
 * package when none shows native build files), scripts allowed, no network, as `nobody` when we are root
 * (the install belongs to `nobody` during the rebuild and to root again after it), killed after
 * `timeoutMs`. Throws a `native-module` IngestError saying what failed.
 */
export async function rebuildNative(dirs: SandboxDirs, timeoutMs: number): Promise<Rebuilt> {
	const packages = nativePackages(dirs.install);
	resetScratch(dirs);
	const env = baseEnv(dirs);
	const headers = nodeHeadersDir();
	const rebuildEnv: Record<string, string> = {
		...env,
		npm_config_cache: join(dirs.tmp, 'npm-cache'),
		npm_config_ignore_scripts: 'false',
		npm_config_update_notifier: 'false',
		npm_config_fund: 'false',
		npm_config_audit: 'false',
		npm_config_jobs: '1', // node-gyp's make -j: the ingest keeps to one core
		...(headers ? { npm_config_nodedir: headers } : {}),
	};
	const npmCli = realpathSync(which('npm'));
	const what = `npm rebuild${packages.length ? ` of ${packages.join(', ')}` : ''}`;
	if (isRoot()) chownTree(dirs.install, NOBODY, NOBODY);
	let run: Awaited<ReturnType<typeof runSandboxed>>;
	try {
		// npm's own package and the Node headers are read-only; the install folder is the one writable place besides scratch.
		const readOnly = [dirname(dirname(npmCli)), ...(headers ? [headers] : [])];
		run = await runSandboxed(
			[process.execPath, npmCli, 'rebuild', ...packages],
			rebuildEnv,
			dirs,
			{ readOnly, writable: [dirs.install], cwd: dirs.install },
			timeoutMs,
		);
	} finally {
		if (isRoot()) chownTree(dirs.install, 0, 0);
	}
	if (run.timedOut)
		throw new IngestError(
			'native-module',
			`the native rebuild (${what}) did not finish within ${Math.round(timeoutMs / 1000)} s and was killed`,
			run.output,
		);
	if (run.code !== 0) {
		const missing = missingPrograms(TOOLCHAIN, env.PATH ?? '');
		const hints = [
			missing.length ? `node-gyp needs ${missing.join(', ')}, not installed here` : '',
			headers
				? ''
				: `no headers of Node ${process.versions.node} found for node-gyp (it would download them; the sandbox has no network)`,
		].filter(Boolean);
		const cause = rebuildCause(run.output);
		throw new IngestError(
			'native-module',
			`the native rebuild (${what}) failed (exit ${run.code ?? 'signal'}) after ${Math.round(run.ms / 1000)} s${cause ? `: ${cause}` : ''}${hints.length ? ` (${hints.join('; ')})` : ''}`,
			run.output,
		);
	}
	return { packages, ms: run.ms };
}
