/** Flattens a tool's input schema into table rows (nested properties and array items included). */

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
		if (Array.isArray(options)) return options.map((o) => (o && typeof o === 'object' ? typeOf(o as JsonSchema) : '?')).join(key === 'allOf' ? ' & ' : ' | ');
	}
	if (schema.const !== undefined) return 'const';
	if (schema.enum) return 'enum';
	return 'any';
}

/** Rows for every property, depth-first in declared order, at most `maxRows` rows and `maxDepth` levels. */
export function schemaRows(schema: JsonSchema, maxDepth = 4, maxRows = 200): SchemaRow[] {
	const rows: SchemaRow[] = [];
	const walk = (node: JsonSchema, prefix: string, depth: number) => {
		const properties = node.properties;
		if (!properties || typeof properties !== 'object' || depth > maxDepth) return;
		const required = new Set(Array.isArray(node.required) ? node.required.map(String) : []);
		for (const [name, raw] of Object.entries(properties as Record<string, unknown>)) {
			if (rows.length >= maxRows) return;
			const prop = raw && typeof raw === 'object' ? (raw as JsonSchema) : {};
			const path = prefix ? `${prefix}.${name}` : name;
			const values = Array.isArray(prop.enum) ? prop.enum.map((v) => JSON.stringify(v)).join(', ') : prop.const !== undefined ? JSON.stringify(prop.const) : undefined;
			const row: SchemaRow = { path, type: typeOf(prop), required: required.has(name), depth };
			if (typeof prop.description === 'string') row.description = prop.description;
			if (values !== undefined) row.values = values;
			rows.push(row);
			walk(prop, path, depth + 1);
			const items = prop.items;
			if (items && typeof items === 'object' && !Array.isArray(items)) walk(items as JsonSchema, `${path}[]`, depth + 1);
		}
	};
	walk(schema, '', 0);
	return rows;
}
