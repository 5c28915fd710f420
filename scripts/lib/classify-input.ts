/**
 * Reads the inputs of `classify` and `evaluate`: a `tools/list` result as JSON (`{"tools": [...]}`, the
 * JSON-RPC envelope `{"result": {"tools": [...]}}`, or a dump carrying `server` and `extraction`
 * beside `tools`) or a catalogue YAML file. Errors are thrown as `InputError` with the file and the
 * tool they concern, so the scripts can print them on stderr and exit non-zero.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parse } from 'yaml';
import { formatProblems, parseServerFile } from '../../src/catalogue/load.ts';
import type { Annotations, Tool } from '../../src/catalogue/schema.ts';
import type { ServerRef } from '../../src/classify/index.ts';

/** A problem with an input file; the message is meant for a person. */
export class InputError extends Error {
	override name = 'InputError';
}

/** The tools of one input file, the server they belong to, and any labels the file carries. */
export interface ToolsInput {
	readonly file: string;
	readonly server: ServerRef;
	readonly tools: readonly Tool[];
	/**
	 * Tool names a dump records as registered in the server's read-only mode
	 * (`extraction.readonly_mode.readonly_tool_names`): read labels from the server's own code.
	 */
	readonly readOnlyMode?: ReadonlySet<string>;
	/**
	 * What was read leniently, one line each naming the file, the tool and the field: a schema that is
	 * not an object, a hint that is not a boolean, a file that lists no tool. Nothing is dropped silently.
	 */
	readonly warnings: readonly string[];
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const HINTS = ['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint'] as const;
const YAML_FILE = /\.ya?ml$/i;
const JSON_FILE = /\.json$/i;
const SLUG_UNSAFE = /[^a-z0-9]+/g;
const EDGE_DASHES = /^-+|-+$/g;

/** What a JSON value is, for a warning: "a string", "null", "an array". */
function kind(v: unknown): string {
	if (v === null) return 'null';
	if (Array.isArray(v)) return 'an array';
	return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/** Keeps the declared hints that are booleans (dumps in the wild carry `null` and strings), warning about the rest. */
function readAnnotations(raw: unknown, where: string, warn: (w: string) => void): Annotations | undefined {
	if (raw === undefined || raw === null) return undefined;
	if (!isObject(raw)) {
		warn(`${where}, field "annotations" is ${kind(raw)}, not an object; treated as absent`);
		return undefined;
	}
	const out: Annotations = {};
	if (typeof raw.title === 'string') out.title = raw.title;
	for (const hint of HINTS) {
		const value = raw[hint];
		if (typeof value === 'boolean') out[hint] = value;
		else if (value !== undefined)
			warn(`${where}, field "annotations.${hint}" is ${kind(value)}, not a boolean; treated as undeclared`);
	}
	return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * One tool from a JSON dump: the fields the classifier reads, leniently (a missing input schema is the
 * empty object schema the spec allows clients to assume, and so is one that is not an object, with a
 * warning); a tool without a name is an error.
 */
function readJsonTool(raw: unknown, index: number, file: string, warn: (w: string) => void): Tool {
	if (!isObject(raw)) throw new InputError(`${file}: tools[${index}] is not an object`);
	if (typeof raw.name !== 'string' || raw.name.trim() === '')
		throw new InputError(`${file}: tools[${index}] has no "name" string`);
	const where = `${file}: tool ${JSON.stringify(raw.name)} (tools[${index}])`;
	const annotations = readAnnotations(raw.annotations, where, warn);
	if (raw.inputSchema !== undefined && !isObject(raw.inputSchema))
		warn(
			`${where}, field "inputSchema" is ${kind(raw.inputSchema)}, not an object; classified as taking no parameters`,
		);
	for (const field of ['title', 'description'] as const)
		if (raw[field] !== undefined && typeof raw[field] !== 'string')
			warn(`${where}, field "${field}" is ${kind(raw[field])}, not a string; ignored`);
	return {
		name: raw.name,
		...(typeof raw.title === 'string' ? { title: raw.title } : {}),
		...(typeof raw.description === 'string' ? { description: raw.description } : {}),
		inputSchema: isObject(raw.inputSchema) ? raw.inputSchema : { type: 'object' },
		...(isObject(raw.outputSchema) ? { outputSchema: raw.outputSchema } : {}),
		...(annotations ? { annotations } : {}),
	};
}

/** A slug from a file name, for dumps that do not say which server they came from. */
function slugFromFile(file: string): string {
	return (
		basename(file).replace(JSON_FILE, '').toLowerCase().replace(SLUG_UNSAFE, '-').replace(EDGE_DASHES, '') || 'server'
	);
}

function parseJsonInput(file: string, text: string, serverOverride: string | undefined): ToolsInput {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (error) {
		throw new InputError(`${file}: invalid JSON: ${(error as Error).message}`);
	}
	const body = isObject(data) && isObject(data.result) ? data.result : data;
	if (!isObject(body) || !Array.isArray(body.tools))
		throw new InputError(`${file}: expected a tools/list result, {"tools": [...]}`);
	const declared = isObject(data) && isObject(data.server) ? data.server : undefined;
	const slug =
		serverOverride ?? (typeof declared?.slug === 'string' && declared.slug ? declared.slug : slugFromFile(file));
	const name = typeof declared?.name === 'string' ? declared.name : slug;
	const warnings: string[] = [];
	const tools = body.tools.map((t, i) => readJsonTool(t, i, file, (w) => warnings.push(w)));
	if (tools.length === 0) warnings.push(`${file}: the tools/list result lists no tools`);
	const extraction = isObject(data) && isObject(data.extraction) ? data.extraction : undefined;
	const mode = isObject(extraction?.readonly_mode) ? extraction.readonly_mode.readonly_tool_names : undefined;
	const readOnlyMode = Array.isArray(mode)
		? new Set(mode.filter((n): n is string => typeof n === 'string'))
		: undefined;
	return { file, server: { slug, name }, tools, warnings, ...(readOnlyMode ? { readOnlyMode } : {}) };
}

/**
 * Validates like the build, except that the file may have any name (a copy in /tmp, stdin): the
 * catalogue's "slug equals the file name" rule is about the catalogue folder, not about classifying.
 */
function parseYamlInput(file: string, text: string, serverOverride: string | undefined): ToolsInput {
	let declaredSlug: unknown;
	try {
		declaredSlug = (parse(text) as { slug?: unknown } | null)?.slug;
	} catch {
		// parseServerFile reports the syntax error with its location.
	}
	const asNamed = typeof declaredSlug === 'string' && declaredSlug ? `${declaredSlug}.yaml` : file;
	const { server, problems } = parseServerFile(asNamed, text);
	if (!server) throw new InputError(formatProblems(problems.map((p) => ({ ...p, file }))));
	// The catalogue schema is strict, so a file that validates has nothing to warn about.
	return {
		file,
		server: { slug: serverOverride ?? server.slug, name: server.name },
		tools: server.tools,
		warnings: [],
	};
}

/**
 * Reads one input. `file` may be `-` for stdin (JSON, or YAML when `format` says so). A `.yaml`/`.yml`
 * file is a catalogue server file and is validated like the build validates it; anything else is JSON.
 * `server` overrides the server slug, whose words are dropped from tool names.
 */
export function readToolsInput(
	file: string,
	options: { server?: string | undefined; format?: 'json' | 'yaml' | undefined } = {},
): ToolsInput {
	let text: string;
	try {
		text = readFileSync(file === '-' ? 0 : file, 'utf8');
	} catch (error) {
		throw new InputError(`${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
	}
	const yaml = options.format ? options.format === 'yaml' : YAML_FILE.test(file);
	return yaml ? parseYamlInput(file, text, options.server) : parseJsonInput(file, text, options.server);
}
