/**
 * Which texts of a tool definition the integrity scan reads. The model reads every string a server
 * sends — name, title, description, parameter names, descriptions, enums, defaults, anything in either
 * schema — so every string is scanned, found by `walkSchema`'s every-key walk, not only the schema
 * keywords a parameter table follows.
 */
import type { Tool } from '../../catalogue/schema.ts';
import { MAX_SCHEMA_NESTING, type SchemaWalkOptions, walkSchema } from '../../schema/walk.ts';
import { isHarvestName } from './harvest.ts';
import { MIN_OVERRIDE, OVERRIDE_GLUED } from './patterns.ts';

/** One text of a definition and where it sits. */
export interface TextField {
	readonly field: string;
	readonly text: string;
	/** The text is a property name (parameter-harvesting check applies). */
	readonly propertyName: boolean;
	/**
	 * The schema the text belongs to: for a property name its property's schema, for any other schema
	 * string the object holding it (an enum value's or a description's parameter).
	 */
	readonly schema?: unknown;
}

const WHITESPACE = /\s/;
/** An identifier's word boundaries (`ignore_previous`, `ignorePrevious`), turned into spaces. */
const CAMEL_BOUNDARY = /([a-z0-9])([A-Z])/g;
/** `ALLPrevious`: a run of capitals before a capitalised word. */
const CAPS_BOUNDARY = /([A-Z]+)([A-Z][a-z])/g;
const IDENT_SEPARATORS = /[_\-.]+/g;
const IDENT_GLUE = /[_\-.]|[a-z0-9][A-Z]/;

/** True for text without whitespace: an identifier or an enum value. */
export function isIdentifierLike(text: string): boolean {
	return !WHITESPACE.test(text);
}

/** `ignore_previous_instructions` or `ignorePreviousInstructions` as words, for phrase patterns. */
export function spacedIdentifier(text: string): string {
	return text.replace(CAPS_BOUNDARY, '$1 $2').replace(CAMEL_BOUNDARY, '$1 $2').replace(IDENT_SEPARATORS, ' ');
}

/**
 * An identifier that may spell an override once spaced (long enough, holding one of its words, glued),
 * as words; undefined for any other text, which the phrase patterns read as it is.
 */
export function overrideWords(text: string): string | undefined {
	return text.length >= MIN_OVERRIDE && OVERRIDE_GLUED.test(text) && IDENT_GLUE.test(text)
		? spacedIdentifier(text)
		: undefined;
}

/** The two schemas of a definition, walked in turn with one `seen` set. */
function walkBoth(
	tool: Tool,
	options: Omit<SchemaWalkOptions, 'root' | 'seen'>,
	visit: Parameters<typeof walkSchema>[1],
) {
	const seen = new Set<object>();
	const common = { ...options, scope: 'every key', maxNesting: MAX_SCHEMA_NESTING, seen } as const;
	walkSchema(tool.inputSchema, visit, { ...common, root: 'inputSchema' });
	walkSchema(tool.outputSchema, visit, { ...common, root: 'outputSchema' });
}

/**
 * Every string a model would read, with its field path, in a fixed order: name, title, description,
 * annotation title, then schema strings by sorted path.
 */
export function textFields(tool: Tool): TextField[] {
	const out: TextField[] = [];
	const push = (field: string, text: unknown, propertyName = false, schema?: unknown) => {
		if (typeof text === 'string' && text.length > 0) out.push({ field, text, propertyName, schema });
	};
	push('name', tool.name);
	push('title', tool.title);
	push('description', tool.description);
	push('annotations.title', tool.annotations?.title);
	walkBoth(
		tool,
		{ order: 'sorted' },
		{
			property(p) {
				push(p.path, p.name, true, p.node);
				return undefined;
			},
			string: (text, path, holder) => push(path, text, false, holder),
		},
	);
	return out;
}

/** A part of a schema the scan left unread: it lies deeper than `MAX_SCHEMA_NESTING`. */
export interface UnreadPart {
	/** Where the walk stopped, e.g. `inputSchema.properties.a.properties.b`. */
	readonly field: string;
	/** What was left there: a string, or an object or array. */
	readonly node: unknown;
}

/**
 * Every part of the definition's schemas left unread at the nesting limit, in the order of
 * `textFields`. Hostile or broken input only: the catalogue loader refuses data nested this deep.
 */
export function unreadParts(tool: Tool): UnreadPart[] {
	const out: UnreadPart[] = [];
	walkBoth(tool, { order: 'sorted' }, { limit: (field, node) => void out.push({ field, node }) });
	return out;
}

/**
 * Every string of a definition without its path, whether a property name asks for the conversation,
 * and whether some part of a schema was too deep to read (`unreadParts` then says where).
 */
export interface PrefilterStrings {
	readonly strings: readonly string[];
	readonly harvestName: boolean;
	readonly truncated: boolean;
}

/**
 * The strings `textFields` gives, without paths or order (the cheap walk the prefilter reads for every
 * definition), plus identifiers spelled as words: `ignore_previous_instructions` reads as words only
 * once spaced, so the spaced form joins the strings and the prefilter sees its words too.
 */
export function prefilterStrings(tool: Tool): PrefilterStrings {
	const strings = [tool.name, tool.title ?? '', tool.description ?? '', tool.annotations?.title ?? ''];
	let harvestName = false;
	let truncated = false;
	const spacedName = overrideWords(tool.name);
	if (spacedName) strings.push(spacedName);
	walkBoth(
		tool,
		{ order: 'declared', paths: false },
		{
			property({ name }) {
				strings.push(name);
				const spaced = overrideWords(name);
				if (spaced) strings.push(spaced);
				if (isHarvestName(name)) harvestName = true;
				return undefined;
			},
			string(text) {
				strings.push(text);
				// An enum value spelled as an identifier, like a property name.
				const spaced = isIdentifierLike(text) ? overrideWords(text) : undefined;
				if (spaced) strings.push(spaced);
			},
			limit() {
				truncated = true;
			},
		},
	);
	return { strings, harvestName, truncated };
}
