/**
 * The one walk over a tool's JSON Schema: which keys are parameters, how deep each sits and by what
 * path it is cited. The classifier's parameter classes (`walkParams`), the integrity scan's reading of
 * every string a model sees, and the tool page's parameter table all walk through here, so a parameter
 * the classifier cites as evidence is one the page can show.
 *
 * A parameter is a key of a `properties` object. The walk reaches `properties` objects through a
 * schema's `properties`, `items` (one schema or a tuple), `allOf`/`anyOf`/`oneOf` branches and
 * `additionalProperties`; a branch or an items schema is no parameter of its own, so its properties
 * sit at the depth of the properties beside it. `$defs`/`definitions` hold schemas that are parameters
 * only where a `$ref` points at them, which no reader resolves, so the schema walk leaves them out; the
 * every-key walk, which reads all text, goes through them like through any other key.
 *
 * Each consumer keeps its own caps (`maxDepth`, `maxNesting`); they are parameters of the walk, not
 * properties of the schema. `maxDepth` is a reader's choice (the classifier's traits read two levels
 * of parameters); `maxNesting` is a limit of reading, and every reader of a definition uses
 * `MAX_SCHEMA_NESTING`, the loader's own limit, so no text a catalogue can hold goes unread. Where a
 * walk does stop at `maxNesting`, it says so through the visitor's `limit`.
 */
import { MAX_DEPTH } from '../catalogue/well-formed.ts';

/** A JSON object, as parsed. */
export type JsonObject = Record<string, unknown>;

/** One parameter: a key of a `properties` object, with where it sits. */
export interface SchemaProperty {
	/** The property name as declared. */
	readonly name: string;
	/** Its schema (normally an object; `true` and other values are passed on as they are). */
	readonly node: unknown;
	/** The schema whose `properties` declares it; its `required` says whether the parameter is. */
	readonly holder: JsonObject;
	/** Evidence path, e.g. `inputSchema.properties.options.anyOf[0].properties.url` ('' when `paths` is false). */
	readonly path: string;
	/**
	 * Parameter path as a reader writes it: names joined by `.`, `[]` for array items (`[0]` for a tuple's),
	 * `*` for an `additionalProperties` value; branches add nothing (`options.url`). '' when `paths` is
	 * false; in the every-key walk, parameter names and `[]` only.
	 */
	readonly label: string;
	/** How many parameters deep: 1 for a top-level parameter, 2 for `options.url`. */
	readonly depth: number;
}

/** What the walk reports; `property` returning false stops the whole walk. */
export interface SchemaVisitor {
	property?(p: SchemaProperty): boolean | undefined;
	/** Every string value met (every-key walk only), with its path and the nearest object holding it. */
	string?(text: string, path: string, holder: unknown): void;
	/**
	 * A node the walk did not enter because it sits deeper than `maxNesting`: a non-empty string, object
	 * or array (in the schema walk, a non-empty schema object), with its path. Never called for `maxDepth`.
	 */
	limit?(path: string, node: unknown): void;
}

/**
 * The nesting every reader of a tool definition's schemas walks to (the integrity scan, the classifier's
 * parameters, the tool page's table): the catalogue loader's `MAX_DEPTH`, which counts from the file's
 * root, so a schema the loader accepts is read to its end. Both walks count nesting as the length of a
 * node's JSON path, and the schema walk reads a schema only where the every-key walk reads its keywords
 * too, so wherever a reader stops, the integrity scan has stopped at that place or above it, and its
 * finding covers every reader.
 */
export const MAX_SCHEMA_NESTING = MAX_DEPTH;

/** How far and in what order to walk. */
export interface SchemaWalkOptions {
	/** First segment of every evidence path. */
	readonly root?: string;
	/** The deepest parameter reported; the walk does not look inside parameters at this depth. */
	readonly maxDepth?: number;
	/**
	 * The most steps from the root a node may sit and still be read, a step being one key or array index
	 * (a node's nesting is the length of its JSON path: `properties.a` is two, `anyOf[0]` two). The
	 * every-key walk reads a value at most this deep; the schema walk reads a schema (reports it as a
	 * parameter, walks into it) only above it, where the keywords it holds are within the limit too.
	 */
	readonly maxNesting?: number;
	/** Keys in sorted order (the same schema written in another order walks the same) or as declared. */
	readonly order?: 'sorted' | 'declared';
	/**
	 * 'schema' follows only the schema keywords above; 'every key' enters every key and array element
	 * (titles, enums, defaults, `$defs`, unknown keywords) and reports strings, and reads any object under
	 * a `properties` key as parameters, wherever it sits, since a model reads it the same way.
	 */
	readonly scope?: 'schema' | 'every key';
	/** False skips building `path` and `label`, for callers that only read names and nodes. */
	readonly paths?: boolean;
	/** Nodes already walked (shared when one definition's input and output schemas are walked in turn). */
	readonly seen?: Set<object>;
}

const COMBINATORS = ['allOf', 'anyOf', 'oneOf'] as const;

/** True for a JSON object that is not an array. */
export function isJsonObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Where the walk is: the evidence path, the reader's path, parameter depth and steps taken. */
interface At {
	readonly path: string;
	readonly label: string;
	readonly depth: number;
	readonly nesting: number;
}

/** Signals that the visitor asked to stop. */
const STOP = Symbol('stop');

/**
 * Walks `schema` depth first and reports every parameter (and, in the every-key walk, every string)
 * to `visitor`. At each schema node the order is: its properties (each reported, then walked into),
 * `items`, `allOf`, `anyOf`, `oneOf`, `additionalProperties`.
 */
export function walkSchema(schema: unknown, visitor: SchemaVisitor, options: SchemaWalkOptions = {}): void {
	const walk = new Walk(visitor, options);
	const at: At = { path: options.root ?? '', label: '', depth: 0, nesting: 0 };
	try {
		if (options.scope === 'every key') walk.anyNode(schema, at.path, '', 0, 0, undefined, false);
		else walk.schemaNode(schema, at);
	} catch (e) {
		if (e !== STOP) throw e;
	}
}

/** Every parameter of `schema` in walk order, for callers that want a list. */
export function schemaProperties(schema: unknown, options: SchemaWalkOptions = {}): SchemaProperty[] {
	const out: SchemaProperty[] = [];
	walkSchema(schema, { property: (p) => void out.push(p) }, options);
	return out;
}

class Walk {
	readonly maxDepth: number;
	readonly maxNesting: number;
	readonly sorted: boolean;
	readonly paths: boolean;
	readonly seen: Set<object>;
	constructor(
		readonly visitor: SchemaVisitor,
		options: SchemaWalkOptions,
	) {
		this.maxDepth = options.maxDepth ?? Number.POSITIVE_INFINITY;
		this.maxNesting = options.maxNesting ?? Number.POSITIVE_INFINITY;
		this.sorted = options.order !== 'declared';
		this.paths = options.paths !== false;
		this.seen = options.seen ?? new Set();
	}

	keys(obj: JsonObject): string[] {
		return this.sorted ? Object.keys(obj).sort() : Object.keys(obj);
	}

	/**
	 * One move from `at` through `segment` (evidence path, `keys` JSON keys and indexes long) and
	 * `labelPart` (reader's path).
	 */
	step(at: At, segment: string, keys: 1 | 2, labelPart: string, depth = at.depth): At {
		const nesting = at.nesting + keys;
		if (!this.paths) return { path: '', label: '', depth, nesting };
		return { path: `${at.path}${segment}`, label: `${at.label}${labelPart}`, depth, nesting };
	}

	/** Reports a node left unread at `maxNesting`, when it holds anything to read and was not read elsewhere. */
	cut(node: unknown, path: string): void {
		if (!this.visitor.limit) return;
		const holdsText =
			typeof node === 'string'
				? node.length > 0
				: typeof node === 'object' && node !== null && !this.seen.has(node) && Object.keys(node).length > 0;
		if (holdsText) this.visitor.limit(path, node);
	}

	/** Reports one parameter; throws `STOP` when the visitor asks to stop. */
	report(name: string, node: unknown, holder: JsonObject, at: At): void {
		const p: SchemaProperty = { name, node, holder, path: at.path, label: at.label, depth: at.depth };
		if (this.visitor.property?.(p) === false) throw STOP;
	}

	/** The schema walk: only schema keywords lead on. */
	schemaNode(node: unknown, at: At): void {
		// Parameters below this node would be deeper than the caller reads.
		if (!isJsonObject(node) || at.depth >= this.maxDepth || this.seen.has(node)) return;
		// Its keywords would lie past the limit, unread by the every-key walk.
		if (at.nesting >= this.maxNesting) {
			this.cut(node, at.path);
			return;
		}
		this.seen.add(node);
		const properties = node.properties;
		if (isJsonObject(properties)) {
			for (const key of this.keys(properties)) {
				const child = properties[key];
				const childAt = this.step(at, `.properties.${key}`, 2, at.label ? `.${key}` : key, at.depth + 1);
				if (childAt.nesting >= this.maxNesting) this.cut(child, childAt.path);
				else {
					this.report(key, child, node, childAt);
					this.schemaNode(child, childAt);
				}
			}
		}
		const items = node.items;
		if (isJsonObject(items)) this.schemaNode(items, this.step(at, '.items', 1, '[]'));
		else if (Array.isArray(items))
			for (let i = 0; i < items.length; i++) this.schemaNode(items[i], this.step(at, `.items[${i}]`, 2, `[${i}]`));
		for (const k of COMBINATORS) {
			const list = node[k];
			if (Array.isArray(list))
				for (let i = 0; i < list.length; i++) this.schemaNode(list[i], this.step(at, `.${k}[${i}]`, 2, ''));
		}
		if (isJsonObject(node.additionalProperties))
			this.schemaNode(node.additionalProperties, this.step(at, '.additionalProperties', 1, '.*'));
	}

	/**
	 * The every-key walk. `holder` is the nearest object above `value` (array elements share their
	 * array's); `underProperties` marks the value of a `properties` key, whose keys are parameters.
	 * Plain arguments rather than an `At` per node: this walk reads every node of every definition.
	 */
	anyNode(
		value: unknown,
		path: string,
		label: string,
		depth: number,
		nesting: number,
		holder: unknown,
		underProperties: boolean,
	): void {
		if (nesting > this.maxNesting) {
			this.cut(value, path);
			return;
		}
		if (typeof value === 'string') {
			this.visitor.string?.(value, path, holder);
			return;
		}
		if (typeof value !== 'object' || value === null || this.seen.has(value)) return;
		this.seen.add(value);
		const paths = this.paths;
		const next = nesting + 1;
		if (Array.isArray(value)) {
			for (let i = 0; i < value.length; i++)
				this.anyNode(value[i], paths ? `${path}[${i}]` : '', paths ? `${label}[]` : '', depth, next, holder, false);
			return;
		}
		const obj = value as JsonObject;
		// A method, not a closure: under tsx (keepNames) every closure made costs a `__name` call.
		if (this.sorted)
			for (const key of Object.keys(obj).sort())
				this.anyKey(obj, key, path, label, depth, next, holder, underProperties);
		else for (const key in obj) this.anyKey(obj, key, path, label, depth, next, holder, underProperties);
	}

	/** One key of an object in the every-key walk; `nesting` is the key's value's. */
	anyKey(
		obj: JsonObject,
		key: string,
		path: string,
		label: string,
		depth: number,
		nesting: number,
		holder: unknown,
		underProperties: boolean,
	): void {
		const paths = this.paths;
		const childPath = paths ? `${path}.${key}` : '';
		if (!underProperties) {
			this.anyNode(obj[key], childPath, label, depth, nesting, obj, key === 'properties');
			return;
		}
		const childLabel = paths ? (label ? `${label}.${key}` : key) : '';
		this.report(key, obj[key], holder as JsonObject, { path: childPath, label: childLabel, depth: depth + 1, nesting });
		this.anyNode(obj[key], childPath, childLabel, depth + 1, nesting, obj, false);
	}
}
