/**
 * Ingests one source end to end: obtain a listing (install and launch with escalating strategies, connect
 * over HTTP, or read a saved file), build the record, merge it with the previous file, validate, and write
 * it atomically. Any failure leaves the previous file untouched.
 */
import { existsSync } from 'node:fs';
import { basename, isAbsolute, relative, resolve, sep } from 'node:path';
import { toolSchema } from '../../src/catalogue/schema.ts';
import { type FailureReason, IngestError, type Listing, listTools } from './list.ts';
import { REBUILD_TIMEOUT_MS, type Rebuilt, rebuildNative } from './native.ts';
import {
	binArgv,
	cleanArgs,
	credentialNames,
	discoverEnvNames,
	type Installed,
	installPackage,
	namesInOutput,
	placeholderFor,
	readme,
	readmeArgs,
} from './npm.ts';
import { mergeWithPrevious, splitDuplicates, storedTool, type ToolDiff } from './record.ts';
import {
	baseEnv,
	commandMounts,
	makeSandboxDirs,
	resetScratch,
	type SandboxDirs,
	sandboxed,
	sandboxReplacements,
	scrubPaths,
} from './sandbox.ts';
import { readSaved } from './saved.ts';
import { label, type Source, STRATEGIES, type Strategy, slugFor, splitCommand } from './sources.ts';
import { readPrevious, serialise, serverPath, validate, writeAtomic } from './write.ts';

type Json = Record<string, unknown>;

/** Options shared by every ingest. */
export interface IngestOptions {
	/** Catalogue folder written to. */
	outDir: string;
	/** Hard limit for one launch (connect plus every page), in ms. */
	timeoutMs: number;
	/** Date recorded for changes, YYYY-MM-DD (tests pin it). */
	today: string;
	/** Hard limit for the one native rebuild a package may get, in ms (default {@link REBUILD_TIMEOUT_MS}). */
	rebuildTimeoutMs?: number;
	/** Progress notes (strategy attempts); silent when absent. */
	log?: (line: string) => void;
}

/** The outcome of one source. */
export type Outcome =
	| {
			ok: true;
			source: Source;
			slug: string;
			file: string;
			tools: number;
			strategy?: string | undefined;
			diff: ToolDiff;
			first: boolean;
			written: boolean;
			ms: number;
	  }
	| { ok: false; source: Source; reason: FailureReason; message: string; ms: number; attempts: string[] };

/** One launch configuration. */
interface Attempt {
	strategy: Strategy;
	args: string[];
	env: string[];
}

/**
 * Runs a listing of `argv` in a fresh sandbox run (clean HOME, TMPDIR and work folder). The sandbox holds
 * `readOnly` (an npm install, or a local command's folders) and nothing else of this machine.
 */
async function launch(
	dirs: SandboxDirs,
	argv: string[],
	attempt: Attempt,
	timeoutMs: number,
	readOnly: readonly string[],
): Promise<Listing> {
	resetScratch(dirs);
	const env = { ...baseEnv(dirs), ...Object.fromEntries(attempt.env.map((n) => [n, placeholderFor(n)])) };
	const args = attempt.args.map((a) => a.split('{workdir}').join(dirs.work));
	const { command, args: hostArgs } = sandboxed([...argv, ...args], env, dirs, { readOnly });
	const listing = await listTools({ kind: 'stdio', command, args: hostArgs, cwd: dirs.work }, timeoutMs);
	if (listing.tools.length === 0) throw new IngestError('zero-tools', 'the server listed no tools');
	return listing;
}

/**
 * The escalation: bare; placeholders for names the package's code and README read; README arguments;
 * names from the error output; the curated recipe. Each step is tried only if it adds something new;
 * the first that lists at least one tool wins. The first `native-module` failure triggers the package's
 * one native rebuild (see `native.ts`), then the same step again; a rebuild that fails ends the escalation.
 */
async function escalate(
	source: Extract<Source, { kind: 'npm' }>,
	installed: Installed,
	dirs: SandboxDirs,
	opts: IngestOptions,
	attempts: string[],
): Promise<{ listing: Listing; attempt: Attempt; rebuilt?: Rebuilt }> {
	const argv = binArgv(installed.binPath);
	const discovered = discoverEnvNames(installed.dir);
	const fromReadme = readmeArgs(readme(installed.dir), installed.name) ?? [];
	const outputs: string[] = [];
	const tried = new Set<string>();
	let last: IngestError | undefined;
	let timeouts = 0;
	let rebuilt: Rebuilt | undefined;
	const plan = (strategy: Strategy): Attempt | undefined => {
		switch (strategy) {
			case 'bare':
				return { strategy, args: [], env: [] };
			case 'placeholders':
				return { strategy, args: [], env: discovered };
			case 'readme-args':
				return { strategy, args: fromReadme, env: discovered };
			case 'output-names':
				return { strategy, args: fromReadme, env: credentialNames([...discovered, ...outputs.flatMap(namesInOutput)]) };
			case 'curated':
				return source.args || source.env
					? { strategy, args: cleanCurated(source.args ?? []), env: source.env ?? [] }
					: undefined;
		}
	};
	for (const strategy of STRATEGIES.slice(STRATEGIES.indexOf(source.from ?? 'bare'))) {
		const attempt = plan(strategy);
		const key = attempt && JSON.stringify([attempt.args, attempt.env]);
		if (!attempt || !key || tried.has(key)) continue;
		tried.add(key);
		opts.log?.(
			`  ${strategy}: ${attempt.args.length ? `args ${attempt.args.join(' ')}` : 'no args'}${attempt.env.length ? `, ${attempt.env.length} placeholder variables` : ''}`,
		);
		// One launch, plus one more of the same step after a successful native rebuild.
		for (let tries = 0; tries < 2; tries++) {
			try {
				return {
					listing: await launch(dirs, argv, attempt, opts.timeoutMs, [dirs.install]),
					attempt,
					...(rebuilt ? { rebuilt } : {}),
				};
			} catch (error) {
				last = error instanceof IngestError ? error : new IngestError('protocol-error', (error as Error).message);
				attempts.push(`${strategy}: ${last.reason}`);
				outputs.push(last.output);
				if (last.reason !== 'native-module') break;
				if (rebuilt) {
					last = new IngestError(
						'native-module',
						`still failing after the native rebuild: ${last.message}`,
						last.output,
					);
					break;
				}
				rebuilt = await rebuild(dirs, opts, attempts, last);
			}
		}
		if (last?.reason === 'timeout' && ++timeouts >= 2) break; // a server that hangs twice will hang again
	}
	throw last ?? new IngestError('exited', 'no launch strategy applied');
}

/** The package's one native rebuild; a failure ends the ingest as `native-module`, naming the launch error too. */
async function rebuild(
	dirs: SandboxDirs,
	opts: IngestOptions,
	attempts: string[],
	launchError: IngestError,
): Promise<Rebuilt> {
	const timeoutMs = opts.rebuildTimeoutMs ?? REBUILD_TIMEOUT_MS;
	opts.log?.(`  native rebuild (npm rebuild, scripts allowed, sandboxed, at most ${Math.round(timeoutMs / 1000)} s)`);
	try {
		const rebuilt = await rebuildNative(dirs, timeoutMs);
		attempts.push(`rebuild: ok (${Math.round(rebuilt.ms / 1000)} s)`);
		opts.log?.(
			`  native rebuild done${rebuilt.packages.length ? ` (${rebuilt.packages.join(', ')})` : ''} in ${(rebuilt.ms / 1000).toFixed(1)} s; trying again`,
		);
		return rebuilt;
	} catch (error) {
		const e =
			error instanceof IngestError
				? error
				: new IngestError('native-module', `the native rebuild could not run: ${(error as Error).message}`);
		attempts.push(`rebuild: failed`);
		throw new IngestError(
			'native-module',
			`${e.message}; the server had failed with: ${launchError.message}`,
			e.output,
		);
	}
}

/** Curated args are ours, but pass through the same clean-up of placeholders, except `{workdir}`. */
function cleanCurated(args: string[]): string[] {
	return args.map((a) => (a === '{workdir}' ? a : (cleanArgs([a])[0] ?? a)));
}

/** The `via` text: how the list was obtained, variable names only. */
function via(what: string, attempt?: Attempt): string {
	const parts = [what];
	if (attempt) {
		parts.push(`strategy ${attempt.strategy}`);
		if (attempt.args.length)
			parts.push(`server args: ${attempt.args.join(' ').split('{workdir}').join('<workdir> (a throwaway directory)')}`);
		if (attempt.env.length) parts.push(`placeholder variables: ${attempt.env.join(', ')}`);
	}
	return parts.join('; ');
}

/** Moves `from[key]` to `to[as]` (an unknown field kept aside, never dropped); always true, for `moved`. */
function moveKey(from: Json, key: string, to: Json, as: string): true {
	to[as] = from[key];
	delete from[key];
	return true;
}

/**
 * Makes a returned tool fit the catalogue schema without losing data: an invalid inputSchema moves to
 * `invalidSchema`, fields outside the modelled shape move (verbatim) to `unknownFields`.
 */
export function normaliseTool(raw: Json): Json {
	let tool = storedTool(raw);
	for (let round = 0; round < 8; round++) {
		const parsed = toolSchema.safeParse(tool);
		if (parsed.success) return tool;
		const unknown: Json = { ...((tool.unknownFields as Json | undefined) ?? {}) };
		const next: Json = { ...tool };
		const annotations: Json | undefined =
			next.annotations && typeof next.annotations === 'object' && !Array.isArray(next.annotations)
				? { ...(next.annotations as Json) }
				: undefined;
		let moved = false;
		for (const issue of parsed.error.issues) {
			const [top, sub] = issue.path.map(String);
			const keys = issue.code === 'unrecognized_keys' ? (issue as { keys: string[] }).keys : [];
			if (top === undefined) {
				for (const k of keys) moved = moveKey(next, k, unknown, k);
			} else if (top === 'annotations' && annotations) {
				for (const k of sub === undefined ? keys : [sub]) moved = moveKey(annotations, k, unknown, `annotations.${k}`);
				if (sub === undefined && keys.length === 0) moved = moveKey(next, 'annotations', unknown, 'annotations');
			} else if (top !== 'name' && top !== 'inputSchema' && top in next) {
				moved = moveKey(next, top, unknown, top);
			}
		}
		if (annotations) next.annotations = Object.keys(annotations).length ? annotations : undefined;
		if (next.annotations === undefined) delete next.annotations;
		if (!moved)
			throw new IngestError(
				'invalid-record',
				`tool ${JSON.stringify(raw.name)}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
			);
		tool = { ...next, unknownFields: unknown };
	}
	return tool;
}

/** The string fields of `serverInfo` the catalogue models; everything else is kept in `unknownFields`. */
const SERVER_INFO_STRINGS = new Set(['name', 'version', 'title', 'description', 'websiteUrl']);

/** serverInfo as returned: the modelled fields, and every other field verbatim in `unknownFields`. */
function serverInfo(info: unknown): Json | undefined {
	if (!info || typeof info !== 'object') return undefined;
	const pick: Json = {};
	const unknown: Json = {};
	for (const [k, v] of Object.entries(info as Json)) {
		const modelled = SERVER_INFO_STRINGS.has(k) ? typeof v === 'string' : k === 'icons' ? Array.isArray(v) : false;
		if (modelled) pick[k] = v;
		else unknown[k] = v;
	}
	if (typeof pick.name !== 'string') return undefined;
	return Object.keys(unknown).length > 0 ? { ...pick, unknownFields: unknown } : pick;
}

/** package.json `repository` as an https URL when it can be made one. */
export function repositoryUrl(repository: unknown): string | undefined {
	const raw = typeof repository === 'string' ? repository : (repository as { url?: unknown } | undefined)?.url;
	if (typeof raw !== 'string' || !raw.trim()) return undefined;
	const url = raw.trim();
	const hosts: Record<string, string> = { github: 'github.com', gitlab: 'gitlab.com', bitbucket: 'bitbucket.org' };
	const short = /^(?:(github|gitlab|bitbucket):)?([\w.-]+\/[\w.-]+)$/.exec(url);
	if (short) return `https://${hosts[short[1] ?? 'github']}/${short[2]}`.replace(/\.git$/, '');
	const https = url
		.replace(/^git\+/, '')
		.replace(/^git@([^:]+):/, 'https://$1/')
		.replace(/^(?:git|ssh|http):\/\/(?:[^@/]+@)?/, 'https://')
		.replace(/^https:\/\/[^@/]+@/, 'https://')
		.replace(/\.git$/, '')
		.replace(/\/+$/, '');
	return httpUrl(https);
}

function httpUrl(value: unknown): string | undefined {
	return typeof value === 'string' && /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(value) ? value : undefined;
}

/** Leftover sandbox-looking paths in tool text, after the known folders were replaced. */
const GENERIC_PATHS: [RegExp, string][] = [
	[/\/tmp\/atlas-ingest-[A-Za-z0-9-]+/g, '<tmp>'],
	[/(?<![\w.-])\/root(?=\/|\b)/g, '~'],
];

function scrubGeneric(value: unknown): unknown {
	if (typeof value === 'string') return GENERIC_PATHS.reduce((s, [re, to]) => s.replace(re, to), value);
	if (Array.isArray(value)) return value.map(scrubGeneric);
	if (value && typeof value === 'object')
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [scrubGeneric(k) as string, scrubGeneric(v)]));
	return value;
}

/**
 * A local command as the record keeps it: absolute paths inside the folder the ingest runs from are
 * written relative to it, so the recipe reproduces from a checkout and a record names no folder of
 * the machine that made it.
 */
export function recipeWords(command: string, cwd = process.cwd()): string[] {
	return splitCommand(command).map((w) => {
		if (!isAbsolute(w)) return w;
		const rel = relative(cwd, w);
		return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : w;
	});
}

/** Ingests one source. Never throws: failures come back as outcomes. */
export async function ingestSource(source: Source, opts: IngestOptions): Promise<Outcome> {
	const started = Date.now();
	const attempts: string[] = [];
	let dirs: SandboxDirs | undefined;
	try {
		let fresh: Json;
		let slug = source.slug;
		if (source.kind === 'saved') {
			const saved = readSaved(source.file);
			if (saved.tools.length === 0) throw new IngestError('zero-tools', `${source.file}: the listing holds no tools`);
			const s = saved.server ?? {};
			slug ??= s.slug ?? slugFor(basename(source.file).replace(/\.json$/i, ''));
			const init = saved.initialize ?? {};
			fresh = {
				slug,
				name: source.name ?? s.name ?? slug,
				description: s.description,
				source: locator(source, httpUrl(s.repository)),
				catalogued: {
					date: opts.today,
					method: saved.kind === 'seed-dump' ? 'source-parse' : 'tools-list',
					via:
						saved.kind === 'seed-dump'
							? `seed dump ${basename(source.file)}${s.method ? ` (${s.method})` : ''}${s.version ? `; version ${s.version}` : ''}`
							: `saved tools/list result ${basename(source.file)}`,
					notes: source.notes,
				},
				serverInfo: serverInfo(init.serverInfo),
				protocolVersion: typeof init.protocolVersion === 'string' ? init.protocolVersion : undefined,
				capabilities: init.capabilities,
				launch: { transport: 'saved' },
				...toolFields(saved.tools),
			};
		} else if (source.kind === 'http') {
			slug ??= slugFor(new URL(source.url).hostname + new URL(source.url).pathname);
			const listing = await listTools({ kind: 'http', url: source.url }, opts.timeoutMs);
			if (listing.tools.length === 0) throw new IngestError('zero-tools', 'the server listed no tools');
			fresh = recordFromListing(
				slug,
				source.name ?? slug,
				locator(source, undefined, httpUrl(new URL(source.url).origin)),
				`Streamable HTTP ${new URL(source.url).origin}`,
				listing,
				{ transport: 'http' },
				source.notes,
				opts.today,
			);
		} else {
			dirs = makeSandboxDirs();
			let listing: Listing;
			let attempt: Attempt;
			let what: string;
			let pkg: Json = {};
			let bin: string | undefined;
			let sourceField: Json;
			let nativeRebuild = false;
			if (source.kind === 'command') {
				slug ??= slugFor(splitCommand(source.command).at(-1) ?? 'server');
				// Paths that exist relative to where the ingest runs are made absolute (the server runs elsewhere).
				const words = splitCommand(source.command).map((w) => (!w.startsWith('-') && existsSync(w) ? resolve(w) : w));
				attempt = { strategy: 'curated', args: source.args ?? [], env: source.env ?? [] };
				listing = await launch(dirs, words, attempt, opts.timeoutMs, commandMounts(words));
				what = `local command over stdio, sandboxed (no network, scrubbed env)`;
				sourceField = locator(source);
			} else {
				const spec = `${source.package}@${source.version ?? 'latest'}`;
				opts.log?.(`  installing ${spec} (scripts disabled)`);
				const installed = await installPackage(spec, dirs.install);
				pkg = installed.pkg;
				bin = installed.binName;
				slug ??= slugFor(installed.name);
				let rebuilt: Rebuilt | undefined;
				({ listing, attempt, rebuilt } = await escalate(source, installed, dirs, opts, attempts));
				nativeRebuild = rebuilt !== undefined;
				what = `npm:${installed.name}@${installed.version} over stdio, sandboxed (no network, scrubbed env)${rebuilt ? `, native addons rebuilt offline (npm rebuild${rebuilt.packages.length ? ` of ${rebuilt.packages.join(', ')}` : ''})` : ''}`;
				sourceField = {
					npm: installed.name,
					version: installed.version,
					repository: repositoryUrl(pkg.repository),
					homepage: httpUrl(pkg.homepage),
				};
			}
			const license =
				typeof pkg.license === 'string' ? pkg.license : (pkg.license as { type?: string } | undefined)?.type;
			fresh = recordFromListing(
				slug,
				source.name ?? (typeof pkg.name === 'string' ? pkg.name : slug),
				sourceField,
				via(what, source.kind === 'command' ? undefined : attempt),
				listing,
				{
					transport: 'stdio',
					strategy: source.kind === 'command' ? 'command' : attempt.strategy,
					bin,
					args:
						source.kind === 'command' ? recipeWords(source.command) : attempt.args.length ? attempt.args : undefined,
					env: attempt.env.length ? attempt.env : undefined,
					nativeRebuild: nativeRebuild || undefined,
				},
				source.notes,
				opts.today,
				{
					description: typeof pkg.description === 'string' && pkg.description.trim() ? pkg.description : undefined,
					license,
				},
			);
			fresh = scrubPaths(fresh, sandboxReplacements(dirs)) as Json;
		}
		fresh = scrubGeneric(fresh) as Json;
		const file = serverPath(opts.outDir, slug);
		const previous = readPrevious(opts.outDir, slug);
		if (previous && source.kind === 'npm' && previous.source.npm !== (fresh.source as Json).npm) {
			throw new IngestError(
				'bad-input',
				`${file} belongs to ${previous.source.npm ? `npm:${previous.source.npm}` : `a ${previous.catalogued.method} record`}, not ${label(source)}; give this source its own slug`,
			);
		}
		if (previous && !source.name) fresh.name = previous.name;
		// Name and description, once in the file, are the catalogue's own (edited by hand or not): a package's changed description does not overwrite them.
		if (previous?.description !== undefined) fresh.description = previous.description;
		const { record, diff, first } = mergeWithPrevious(fresh, previous, opts.today);
		validate(record, `${label(source)} → ${file}`);
		const header = `Generated by scripts/ingest.ts from ${label(source).replace(/^command:.*/, 'a local command')}; re-run it rather than editing the tools by hand (curated fields are kept).`;
		const written = writeAtomic(file, serialise(record, header));
		const tools = (record.tools as Json[]).length;
		return {
			ok: true,
			source,
			slug,
			file,
			tools,
			strategy: (record.launch as Json | undefined)?.strategy as string | undefined,
			diff,
			first,
			written,
			ms: Date.now() - started,
		};
	} catch (error) {
		const e = error instanceof IngestError ? error : new IngestError('protocol-error', (error as Error).message);
		// Messages end up in logs and the sources file: no sandbox paths there either.
		const message = scrubGeneric(dirs ? scrubPaths(e.message, sandboxReplacements(dirs)) : e.message) as string;
		return { ok: false, source, reason: e.reason, message, ms: Date.now() - started, attempts };
	} finally {
		dirs?.dispose();
	}
}

/** The source locator of a non-npm source: its --repository, else what the source itself names. */
function locator(source: Source, repository?: string, homepage?: string): Json {
	const repo = httpUrl(source.repository) ?? repository;
	if (!repo && !homepage)
		throw new IngestError(
			'bad-input',
			`${label(source)}: the catalogue needs to say where the server comes from; pass --repository <https URL>`,
		);
	return { repository: repo, homepage: repo ? undefined : homepage };
}

/** The `tools` of a record, normalised, and the later definitions of repeated names as `duplicateTools`. */
function toolFields(list: readonly Json[]): { tools: Json[]; duplicateTools?: Json[] } {
	const { tools, duplicates } = splitDuplicates(list.map(normaliseTool));
	return duplicates.length ? { tools, duplicateTools: duplicates } : { tools };
}

/** The record of a live listing (before merging with the previous file). */
function recordFromListing(
	slug: string,
	name: string,
	source: Json,
	viaText: string,
	listing: Listing,
	launchInfo: Json,
	notes: string | undefined,
	today: string,
	meta: { description?: string | undefined; license?: string | undefined } = {},
): Json {
	return {
		slug,
		name,
		description: meta.description,
		license: meta.license,
		source,
		catalogued: { date: today, method: 'tools-list', via: viaText, notes },
		serverInfo: serverInfo(listing.initialize.serverInfo),
		protocolVersion:
			typeof listing.initialize.protocolVersion === 'string' ? listing.initialize.protocolVersion : undefined,
		capabilities: listing.initialize.capabilities,
		launch: { ...launchInfo, pages: listing.pages, stdoutNoiseLines: listing.stdoutNoise || undefined },
		...toolFields(listing.tools),
	};
}
