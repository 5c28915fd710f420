/**
 * Turns a listing into a catalogue record and merges it with the previous file: curated fields survive
 * (by tool name), `catalogued.date` only moves when the tool list changed, and each change is recorded in
 * a short history. Also computes the per-server change report printed by re-ingests.
 */
import { isDeepStrictEqual } from 'node:util';
import type { HistoryEntry, ServerFile } from '../../src/catalogue/schema.ts';
import { isObjectSchema } from './list.ts';

type Json = Record<string, unknown>;

/** Key order of a server file (the order of the hand-written files). */
export const SERVER_KEYS = [
	'slug',
	'name',
	'description',
	'license',
	'source',
	'catalogued',
	'serverInfo',
	'protocolVersion',
	'capabilities',
	'launch',
	'history',
	'tools',
	'duplicateTools',
];
/** Key order of a tool: the spec's fields, then ours. */
export const TOOL_KEYS = [
	'name',
	'title',
	'description',
	'inputSchema',
	'outputSchema',
	'annotations',
	'icons',
	'execution',
	'_meta',
	'invalidSchema',
	'curated',
];
const SOURCE_KEYS = ['npm', 'pypi', 'version', 'repository', 'repositoryRef', 'homepage'];
const CATALOGUED_KEYS = ['date', 'method', 'via', 'claimedToolCount', 'claimedBy', 'notes'];
const LAUNCH_KEYS = ['transport', 'strategy', 'bin', 'args', 'env', 'nativeRebuild', 'pages', 'stdoutNoiseLines'];
const HISTORY_KEYS = ['date', 'version', 'tools', 'first', 'added', 'removed', 'changed'];
// A fixed order, not the server's: servers reorder these between releases, which rewrote unchanged files.
const SERVER_INFO_KEYS = ['name', 'version', 'title', 'description', 'websiteUrl', 'icons', 'unknownFields'];
/** History entries kept per server. */
export const HISTORY_CAP = 10;

/** Copies `keys` of `obj` in that order (skipping undefined), then any others in their original order. */
export function ordered(obj: Json, keys: readonly string[]): Json {
	const out: Json = {};
	for (const key of keys) if (obj[key] !== undefined) out[key] = obj[key];
	for (const [key, value] of Object.entries(obj)) if (!(key in out) && value !== undefined) out[key] = value;
	return out;
}

/** Puts every level of a record in the catalogue's key order. */
export function orderRecord(record: Json): Json {
	const r = { ...record };
	if (r.source) r.source = ordered(r.source as Json, SOURCE_KEYS);
	if (r.catalogued) r.catalogued = ordered(r.catalogued as Json, CATALOGUED_KEYS);
	if (r.serverInfo) r.serverInfo = ordered(r.serverInfo as Json, SERVER_INFO_KEYS);
	if (r.launch) r.launch = ordered(r.launch as Json, LAUNCH_KEYS);
	if (Array.isArray(r.history)) r.history = r.history.map((h) => ordered(h as Json, HISTORY_KEYS));
	for (const key of ['tools', 'duplicateTools'])
		if (Array.isArray(r[key])) r[key] = (r[key] as Json[]).map((t) => ordered(t, TOOL_KEYS));
	return ordered(r, SERVER_KEYS);
}

/**
 * A tool as stored: the fields as returned; an invalid inputSchema is replaced by a placeholder object
 * schema and kept, with the reason, under `invalidSchema`.
 */
export function storedTool(tool: Json): Json {
	if (isObjectSchema(tool.inputSchema)) return tool;
	const original = tool.inputSchema;
	const reason =
		original === undefined
			? 'the server sent no inputSchema'
			: 'inputSchema is not a JSON Schema with "type": "object"';
	return {
		...tool,
		inputSchema: { type: 'object' },
		invalidSchema: original === undefined ? { reason } : { reason, original },
	};
}

/**
 * Splits a tool list at repeated names: the first definition of each name stays in `tools`, every later
 * one goes to `duplicates`, verbatim. MCP requires unique names, so a server that repeats one is itself a
 * finding (a client may call either definition), recorded rather than refused.
 */
export function splitDuplicates(list: readonly Json[]): { tools: Json[]; duplicates: Json[] } {
	const seen = new Set<string>();
	const tools: Json[] = [];
	const duplicates: Json[] = [];
	for (const tool of list) {
		const name = String(tool.name);
		(seen.has(name) ? duplicates : tools).push(tool);
		seen.add(name);
	}
	return { tools, duplicates };
}

/** A tool's definition without our own fields, for change detection. */
function definition(tool: Json): Json {
	const { curated: _curated, ...rest } = tool;
	return rest;
}

/** What changed between two tool lists, by tool name. */
export interface ToolDiff {
	added: string[];
	removed: string[];
	changed: string[];
}

/** Compares two tool lists by name and definition (curation ignored). */
export function diffTools(before: readonly Json[], after: readonly Json[]): ToolDiff {
	const old = new Map(before.map((t) => [String(t.name), t]));
	const now = new Map(after.map((t) => [String(t.name), t]));
	return {
		added: [...now.keys()].filter((n) => !old.has(n)),
		removed: [...old.keys()].filter((n) => !now.has(n)),
		changed: [...now.keys()].filter(
			(n) => old.has(n) && !isDeepStrictEqual(definition(old.get(n)!), definition(now.get(n)!)),
		),
	};
}

/** The names of `earlier` then the new ones of `later`. */
function union(earlier: readonly string[] | undefined, later: readonly string[]): string[] {
	return [...new Set([...(earlier ?? []), ...later])];
}

/** Whether a diff is empty. */
export const unchanged = (d: ToolDiff): boolean => d.added.length + d.removed.length + d.changed.length === 0;

/** One line per server for the console: `+2 -1 ~3 (added: a, b; removed: c; changed: d, e, f)`. */
export function describeDiff(d: ToolDiff, first: boolean): string {
	if (first) return 'new';
	if (unchanged(d)) return 'unchanged';
	const list = (names: string[]) =>
		names.length > 6 ? `${names.slice(0, 6).join(', ')}, … (${names.length})` : names.join(', ');
	const parts = [
		d.added.length && `added: ${list(d.added)}`,
		d.removed.length && `removed: ${list(d.removed)}`,
		d.changed.length && `changed: ${list(d.changed)}`,
	].filter(Boolean);
	return `+${d.added.length} -${d.removed.length} ~${d.changed.length} (${parts.join('; ')})`;
}

/**
 * Merges a fresh record with the previous file of the same server: keeps curated tool fields (by name),
 * curated server fields the source does not set, the previous date when nothing changed, and the history.
 */
export function mergeWithPrevious(
	fresh: Json,
	previous: ServerFile | undefined,
	today: string,
): { record: Json; diff: ToolDiff; first: boolean } {
	const tools = fresh.tools as Json[];
	const source = fresh.source as Json;
	const version = typeof source.version === 'string' ? source.version : undefined;
	if (!previous) {
		const history: HistoryEntry[] = [
			{ date: today, ...(version ? { version } : {}), tools: tools.length, first: true },
		];
		return {
			record: { ...fresh, history },
			diff: { added: tools.map((t) => String(t.name)), removed: [], changed: [] },
			first: true,
		};
	}
	const curated = new Map(previous.tools.filter((t) => t.curated).map((t) => [t.name, t.curated]));
	const merged = tools.map((t) => (curated.has(String(t.name)) ? { ...t, curated: curated.get(String(t.name)) } : t));
	const diff = diffTools(previous.tools as unknown as Json[], merged);
	const catalogued = { ...(fresh.catalogued as Json) };
	// Hand-written provenance the ingest cannot know survives re-ingests.
	if (catalogued.notes === undefined && previous.catalogued.notes !== undefined)
		catalogued.notes = previous.catalogued.notes;
	let history: HistoryEntry[] = previous.history
		? [...previous.history]
		: [
				{
					date: previous.catalogued.date,
					...(previous.source.version ? { version: previous.source.version } : {}),
					tools: previous.tools.length,
					first: true,
				},
			];
	if (unchanged(diff)) {
		catalogued.date = previous.catalogued.date;
	} else {
		catalogued.date = today;
		// Two ingests on one day: one entry for the day, holding every change of both (a tool removed in the
		// morning stays recorded as removed however often the server changes again before midnight).
		const sameDay = history[0]?.date === today && !history[0].first ? history.shift() : undefined;
		const entry: HistoryEntry = { date: today, ...(version ? { version } : {}), tools: merged.length };
		const added = union(sameDay?.added, diff.added);
		const removed = union(sameDay?.removed, diff.removed);
		const changed = union(sameDay?.changed, diff.changed);
		if (added.length) entry.added = added;
		if (removed.length) entry.removed = removed;
		if (changed.length) entry.changed = changed;
		history = [entry, ...history].slice(0, HISTORY_CAP);
	}
	const record: Json = {
		...fresh,
		catalogued,
		history,
		tools: merged,
	};
	return { record, diff, first: false };
}
