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
	depth: number;
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
 * Rows for every parameter, depth-first in declared order, at most `maxRows` rows and `maxDepth` levels
 * below the top. What counts as a parameter is `walkSchema`'s answer, the same the classifier reads:
 * properties inside `anyOf`/`oneOf`/`allOf` branches, array items and `additionalProperties` included.
 * By default the table goes as deep as every reader (`MAX_SCHEMA_NESTING`): text nested deeper gets the
 * integrity scan's `schema-limit` finding, shown with the tool's other findings.
 */
export function schemaRows(schema: JsonSchema, maxDepth = MAX_SCHEMA_NESTING, maxRows = 200): SchemaRow[] {
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
				const row: SchemaRow = { path: label, type: typeOf(prop), required, depth: depth - 1 };
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
