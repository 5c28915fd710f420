/** Flattens a tool's input schema into table rows (nested properties and array items included). */
import type { ServerFile, Tool } from '../catalogue/schema.ts';
import { MAX_SCHEMA_NESTING, walkSchema } from '../schema/walk.ts';

/** One parameter row. */
export interface SchemaRow {
	/** Dotted path, `[]` marking array items, e.g. `options.filters[].field`. */
	path: string;
	type: string;
	required: boolean;
	description?: string;
	/** Allowed values when the schema enumerates them (as JSON text). */
	values?: string;
	/** The other text keywords a reader (and a model) sees: title, format, pattern, default, examples, branch texts. */
	notes: SchemaNote[];
	depth: number;
}

/** One text keyword of a parameter: `keyword` as the schema spells it (`anyOf[1].description` for a branch's). */
export interface SchemaNote {
	keyword: string;
	/** Strings as they are for title, format and pattern; JSON text for default, examples and anything not a string. */
	text: string;
}

/** Keywords shown as notes, in this order; strings among the first three are shown bare. */
const NOTE_KEYWORDS = ['title', 'format', 'pattern', 'default', 'examples'] as const;
const BARE = new Set<string>(['title', 'format', 'pattern']);
const COMBINATORS = ['anyOf', 'oneOf', 'allOf'] as const;

function notesOf(prop: JsonSchema): SchemaNote[] {
	const notes: SchemaNote[] = [];
	for (const keyword of NOTE_KEYWORDS) {
		const value = prop[keyword];
		if (value === undefined) continue;
		notes.push({ keyword, text: typeof value === 'string' && BARE.has(keyword) ? value : JSON.stringify(value) });
	}
	// A branch's own words (its properties get rows of their own); its type is in the type column already.
	for (const combinator of COMBINATORS) {
		const branches = prop[combinator];
		if (!Array.isArray(branches)) continue;
		branches.forEach((branch, i) => {
			if (!branch || typeof branch !== 'object') return;
			for (const key of ['title', 'description'] as const) {
				const text = (branch as JsonSchema)[key];
				if (typeof text === 'string') notes.push({ keyword: `${combinator}[${i}].${key}`, text });
			}
		});
	}
	return notes;
}

type JsonSchema = Record<string, unknown>;

function typeOf(schema: JsonSchema): string {
	if (typeof schema.type === 'string') return schema.type;
	if (Array.isArray(schema.type)) return schema.type.join(' | ');
	for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
		const options = schema[key];
		if (Array.isArray(options))
			return options
				.map((o) => (o && typeof o === 'object' ? typeOf(o as JsonSchema) : '?'))
				.join(key === 'allOf' ? ' & ' : ' | ');
	}
	if (schema.const !== undefined) return 'const';
	if (schema.enum) return 'enum';
	return 'any';
}

/**
 * Rows for every parameter, depth-first in declared order, at most `maxRows` rows (all by default) and
 * `maxDepth` levels below the top. What counts as a parameter is `walkSchema`'s answer, the same the classifier reads:
 * properties inside `anyOf`/`oneOf`/`allOf` branches, array items and `additionalProperties` included.
 * By default the table goes as deep as every reader (`MAX_SCHEMA_NESTING`): text nested deeper gets the
 * integrity scan's `schema-limit` finding, shown with the tool's other findings.
 */
export function schemaRows(
	schema: JsonSchema,
	maxDepth = MAX_SCHEMA_NESTING,
	maxRows = Number.POSITIVE_INFINITY,
): SchemaRow[] {
	const rows: SchemaRow[] = [];
	walkSchema(
		schema,
		{
			property({ name, node, holder, label, depth }) {
				if (rows.length >= maxRows) return false;
				const prop = node && typeof node === 'object' ? (node as JsonSchema) : {};
				const values = Array.isArray(prop.enum)
					? prop.enum.map((v) => JSON.stringify(v)).join(', ')
					: prop.const !== undefined
						? JSON.stringify(prop.const)
						: undefined;
				const required = Array.isArray(holder.required) && holder.required.map(String).includes(name);
				const row: SchemaRow = { path: label, type: typeOf(prop), required, notes: notesOf(prop), depth: depth - 1 };
				if (typeof prop.description === 'string') row.description = prop.description;
				if (values !== undefined) row.values = values;
				rows.push(row);
				return undefined;
			},
		},
		// Row depth counts from 0 at the top level; the walk's from 1.
		{ maxDepth: maxDepth + 1, maxNesting: MAX_SCHEMA_NESTING, order: 'declared' },
	);
	return rows;
}

/** A parameter table cut for a page: rows on view, rows behind "Show the other N parameters", rows left out. */
export interface RowPages {
	readonly shown: SchemaRow[];
	readonly more: SchemaRow[];
	/** How many rows neither part holds (the raw definition has them). */
	readonly omitted: number;
}

/**
 * Splits rows for a page: the first `shown` on view, the next `more` one click away, the count of the rest.
 * A schema of 5,000 parameters must neither hide its last one nor make a page of megabytes.
 */
export function pageRows(rows: readonly SchemaRow[], shown = 200, more = 800): RowPages {
	return {
		shown: rows.slice(0, shown),
		more: rows.slice(shown, shown + more),
		omitted: Math.max(0, rows.length - shown - more),
	};
}

/** The schema's own words above its parameters: its title and description, and the names under `$defs`/`definitions`. */
export interface SchemaHead {
	title?: string;
	description?: string;
	/** Names of the schemas under `$defs` and `definitions` (parameters only where a `$ref` points at them). */
	defs: string[];
}

/** Reads the top of an input schema for the page (`schemaRows` reads its parameters). */
export function schemaHead(schema: JsonSchema): SchemaHead {
	const head: SchemaHead = { defs: [] };
	if (typeof schema.title === 'string') head.title = schema.title;
	if (typeof schema.description === 'string') head.description = schema.description;
	for (const key of ['$defs', 'definitions'] as const) {
		const defs = schema[key];
		if (defs && typeof defs === 'object' && !Array.isArray(defs))
			head.defs.push(...Object.keys(defs).map((name) => `${key}.${name}`));
	}
	return head;
}

/**
 * Why a tool's recorded inputSchema is a placeholder rather than the server's schema, or undefined when
 * it is the server's own: the ingest found the declared schema invalid (`invalidSchema`), or the tool was
 * transcribed from a published page (`catalogued.method: seed-page`) and no parameter was recorded.
 * The tool page says this instead of "No parameters declared.", which would pass the placeholder off
 * as the real schema.
 */
export function placeholderSchemaNote(tool: Tool, catalogued: ServerFile['catalogued']): string | undefined {
	if (tool.invalidSchema) {
		return `The server declared an input schema that could not be read (${tool.invalidSchema.reason}), so its parameters are not known; the label was decided with a placeholder schema. The declaration as sent is shown below.`;
	}
	if (catalogued.method === 'seed-page' && schemaRows(tool.inputSchema).length === 0) {
		return 'Its parameters are not known: this tool was transcribed from a published catalogue page, not listed from the server, and the input schema recorded for it is a placeholder ({"type": "object"}), not the server\'s.';
	}
	return undefined;
}
