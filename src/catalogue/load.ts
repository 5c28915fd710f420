/**
 * Reads and validates a catalogue folder (one YAML file per server). Every problem in every file is
 * collected and reported at once, each naming the file, the tool and the field, so a contributor fixes
 * a whole catalogue in one pass instead of one error per build.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { type ServerFile, serverFileSchema } from './schema.ts';
import { decodeCatalogueText, structureProblems } from './well-formed.ts';

/** Most aliases a file may resolve (yaml's guard against an alias bomb expanding into gigabytes). */
const MAX_ALIAS_COUNT = 100;

/** Catalogue file names: `.yaml` or `.yml` in any case, so no server file is skipped for its spelling. */
export const CATALOGUE_FILE = /\.ya?ml$/i;

/** One validation problem, located precisely. */
export interface CatalogueProblem {
	/** File path as given to the loader (relative to the working directory when possible). */
	file: string;
	/** `tool "name" (tools[3])` or `server` for server-level fields, or `file` for parse errors. */
	entry: string;
	/** Dotted field path inside the entry, e.g. `inputSchema.type`; empty for whole-entry problems. */
	field: string;
	message: string;
}

/** Thrown when a catalogue has problems; its message lists every one. */
export class CatalogueError extends Error {
	readonly problems: CatalogueProblem[];
	constructor(problems: CatalogueProblem[]) {
		super(formatProblems(problems));
		this.name = 'CatalogueError';
		this.problems = problems;
	}
}

/** A loaded server file and where it came from. */
export interface LoadedServer {
	file: string;
	server: ServerFile;
}

/** Formats problems one per line: `file: entry, field "x": message`. */
export function formatProblems(problems: readonly CatalogueProblem[]): string {
	const lines = problems.map((p) => {
		const field = p.field ? `, field "${p.field}"` : '';
		return `  ${p.file}: ${p.entry}${field}: ${p.message}`;
	});
	return `Catalogue has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${lines.join('\n')}`;
}

/** The problem of a whole file (unreadable, not UTF-8, not YAML), which has no tool or field. */
function fileProblem(file: string, message: string): CatalogueProblem {
	return { file, entry: 'file', field: '', message };
}

/**
 * Validates one server file's text. Returns the parsed server or the problems found.
 * `file` is only used in messages and to check the slug matches the file name.
 * YAML warnings (an unknown tag such as `!!js/function`) are errors: a tag the loader does not know
 * would otherwise turn into a plain string the author did not write.
 */
export function parseServerFile(file: string, text: string): { server?: ServerFile; problems: CatalogueProblem[] } {
	try {
		return parseChecked(file, text);
	} catch (error) {
		// Anything unforeseen (a parser limit, a stack overflow on absurd input) still names the file.
		const e = error as Error;
		return {
			problems: [fileProblem(file, `cannot be read as a catalogue file: ${e.name}: ${e.message.split('\n')[0]}`)],
		};
	}
}

function parseChecked(file: string, text: string): { server?: ServerFile; problems: CatalogueProblem[] } {
	const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
	const yamlProblems = [...doc.errors, ...doc.warnings];
	if (yamlProblems.length > 0) {
		return { problems: yamlProblems.map((e) => fileProblem(file, `invalid YAML: ${e.message.split('\n')[0]}`)) };
	}
	let data: unknown;
	try {
		data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
	} catch (error) {
		return { problems: [fileProblem(file, `invalid YAML: ${(error as Error).message.split('\n')[0]}`)] };
	}
	const structural = structureProblems(data);
	if (structural.length > 0) return { problems: structural.map((p) => locate(file, data, p.path, p.message)) };
	const result = serverFileSchema.safeParse(data);
	const problems = result.success
		? []
		: result.error.issues.flatMap((issue) =>
				splitUnknownKeys(issue).map((i) =>
					locate(
						file,
						data,
						i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
						i.message,
					),
				),
			);
	const expectedSlug = basename(file).replace(CATALOGUE_FILE, '');
	if (result.success && result.data.slug !== expectedSlug) {
		problems.push({
			file,
			entry: 'server',
			field: 'slug',
			message: `must equal the file name "${expectedSlug}" (found "${result.data.slug}")`,
		});
	}
	return problems.length > 0 || !result.success ? { problems } : { server: result.data, problems };
}

/** One issue per unknown key, located at the key itself, so each message names the offending field. */
function splitUnknownKeys(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
	if (issue.code !== 'unrecognized_keys') return [issue];
	return issue.keys.map((key) => ({
		...issue,
		path: [...issue.path, key],
		message: 'unknown field (not part of the catalogue format)',
	}));
}

/** Turns a data path into `tool "x" (tools[i])` plus the field path within that tool. */
function locate(file: string, data: unknown, path: readonly (string | number)[], message: string): CatalogueProblem {
	if (path[0] === 'tools' && typeof path[1] === 'number') {
		const index = path[1];
		const tools = (data as { tools?: unknown[] } | null)?.tools;
		const raw = Array.isArray(tools) ? (tools[index] as { name?: unknown } | undefined) : undefined;
		const name = typeof raw?.name === 'string' && raw.name.trim() ? `tool "${raw.name}"` : `tool #${index + 1}`;
		return { file, entry: `${name} (tools[${index}])`, field: joinPath(path.slice(2)), message };
	}
	return { file, entry: 'server', field: joinPath(path), message };
}

function joinPath(path: readonly (string | number)[]): string {
	return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/**
 * Loads every `*.yaml` / `*.yml` file (any case) in `dir`, sorted by name so output is deterministic, and
 * throws a CatalogueError listing every problem if any file is invalid or the folder holds no server.
 */
export function loadCatalogue(dir: string): LoadedServer[] {
	let names: string[];
	try {
		names = readdirSync(dir)
			.filter((n) => CATALOGUE_FILE.test(n))
			.sort();
	} catch (error) {
		throw new CatalogueError([
			{ file: dir, entry: 'folder', field: '', message: `cannot read catalogue folder: ${(error as Error).message}` },
		]);
	}
	const display = (name: string) => {
		const rel = relative(process.cwd(), join(dir, name));
		return rel.startsWith('..') ? join(dir, name) : rel;
	};
	const problems: CatalogueProblem[] = [];
	const servers: LoadedServer[] = [];
	for (const name of names) {
		const file = display(name);
		const read = readCatalogueFile(join(dir, name));
		if ('message' in read) {
			problems.push(fileProblem(file, read.message));
			continue;
		}
		const { server, problems: found } = parseServerFile(file, read.text);
		problems.push(...found);
		if (server) servers.push({ file, server });
	}
	problems.push(...duplicateSlugs(servers));
	if (names.length === 0) {
		problems.push({ file: dir, entry: 'folder', field: '', message: 'holds no *.yaml server files' });
	}
	if (problems.length > 0) throw new CatalogueError(problems);
	return servers;
}

/** A catalogue file's text, or why it cannot be read: a folder, a broken or looping link, bad bytes. */
function readCatalogueFile(path: string): { text: string } | { message: string } {
	try {
		const stat = statSync(path);
		if (!stat.isFile())
			return { message: `is ${stat.isDirectory() ? 'a folder' : 'not a regular file'}, not a server file` };
		return decodeCatalogueText(readFileSync(path));
	} catch (error) {
		const e = error as NodeJS.ErrnoException;
		const why = e.code === 'ELOOP' ? 'a symbolic link loop' : e.code === 'ENOENT' ? 'a broken symbolic link' : e.code;
		return { message: `cannot be read (${why ?? e.message})` };
	}
}

/** One problem per server whose slug an earlier file already uses (`a.yaml` and `a.yml`): one page would be lost. */
function duplicateSlugs(servers: readonly LoadedServer[]): CatalogueProblem[] {
	const first = new Map<string, string>();
	const problems: CatalogueProblem[] = [];
	for (const { file, server } of servers) {
		const owner = first.get(server.slug);
		if (owner === undefined) first.set(server.slug, file);
		else
			problems.push({
				file,
				entry: 'server',
				field: 'slug',
				message: `duplicate slug "${server.slug}" (also ${owner})`,
			});
	}
	return problems;
}
