/**
 * Walks a tool's input schema and sorts its parameters into the classes the rules read: code, URL,
 * path, recipient, bulk, money, and multiplexing `action` enums. Keys are visited in sorted order, so
 * the same schema written with its properties in another order gives the same result.
 */
import {
	isJsonObject,
	MAX_SCHEMA_NESTING,
	type SchemaProperty,
	type SchemaWalkOptions,
	walkSchema,
} from '../schema/walk.ts';
import { VERBS, type VerbInfo } from './lexicon.ts';
import { allMatches } from './regex.ts';

/** One declared parameter, wherever it sits in the schema. */
export interface Param {
	/** Evidence path, e.g. `inputSchema.properties.options.properties.url`. */
	readonly path: string;
	/** How many objects deep it sits: 1 for a top-level parameter, 2 for `options.url`. */
	readonly depth: number;
	/** The property name as declared. */
	readonly name: string;
	/** Lowercase name tokens (`nodeUuids` → node, uuids). */
	readonly tokens: readonly string[];
	/** Tokens joined with `_` (`node_uuids`). */
	readonly norm: string;
	/** JSON types declared on the property or its anyOf/oneOf branches; empty when none is declared. */
	readonly types: ReadonlySet<string>;
	/** JSON types of the array items, when the property is an array with typed items. */
	readonly itemTypes: ReadonlySet<string>;
	/** String values of `enum`/`const` on the property, its items or its branches. */
	readonly enumValues: readonly string[];
	readonly format: string | undefined;
	readonly description: string;
}

/** A multiplexing parameter and the verbs among its allowed values. */
export interface ActionEnum {
	readonly param: Param;
	/** Allowed values that are verbs, in declared order. */
	readonly verbs: readonly { value: string; info: VerbInfo }[];
	/** True when the values are HTTP methods, so the tool issues arbitrary requests. */
	readonly http: boolean;
}

/** Parameters by class; each list is in walk order (sorted keys, depth first). */
export interface ParamFacts {
	/** Free-form code, commands or queries. */
	readonly code: readonly Param[];
	readonly url: readonly Param[];
	readonly path: readonly Param[];
	/** Paths the tool writes its result to (`outputDir`, "path to save the screenshot to"). */
	readonly output: readonly Param[];
	/** Unmistakable recipients (to, cc, recipient…). */
	readonly recipient: readonly Param[];
	/** Possible recipients (email, channel, phone…), counted only when the tool sends something. */
	readonly maybeRecipient: readonly Param[];
	/** Parameters that widen one call to many objects (`ids`, `all`, `recursive`, `cascade`). */
	readonly bulk: readonly Param[];
	/** Flags that switch off a safeguard (`force`, `hard`, `permanent`, `skip_confirmation`): what is lost stays lost. */
	readonly safeguardOff: readonly Param[];
	/** Switches or modes that let the call overwrite what exists (`overwrite: true`, `mode: OVERWRITE`). */
	readonly overwrite: readonly Param[];
	readonly money: readonly Param[];
	readonly actionEnums: readonly ActionEnum[];
}

const NAME_PART = /[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z0-9]+|[A-Z]+[0-9]*|[0-9]+/g;
/** Programming vocabulary in a parameter's own description that makes `query`, `code` or `expression` code. */
const PARAM_CODE_CONTEXT =
	/\b(?:sql|cypher|graphql|sparql|javascript|typescript|python|shell|bash|powershell|scripts?|query language|function body|programs?|code to (?:run|execute|evaluate)|(?:run|execute|evaluate)s?\b[^.]{0,30}\bcode)\b/i;
/**
 * A tool whose name opens with exec, execute, eval or interpret as a word of its own (`execute`,
 * `executeCode`, `eval_js`; not `executions_list`): what it takes as `code` or `expression` is run.
 * `toolText` starts with the name.
 */
const EXEC_NAME = /^(?:[Ee]xec(?:ute)?|[Ee]val|[Ii]nterpret)(?:$|[^a-z])/;
/** "Evaluate" also means assess, so on it only these parameters are code. */
const EVALUATE_NAME = /^[Ee]valuate(?:$|[^a-z])/;
const EVALUATED: ReadonlySet<string> = new Set(['expression', 'expr', 'function', 'lambda', 'statement', 'stmt']);
/** Stricter vocabulary for the tool's own name and lead, which may mention "code" as a subject (code search). */
const TOOL_CODE_CONTEXT =
	/\b(?:sql|cypher|graphql|sparql|query language|javascript|typescript|python|shell commands?|bash|powershell|(?:run|execute|evaluate)s?\s+(?:[\w-]+\s+)?code)\b/i;
/** Name words of a path the tool writes to. */
const OUTPUT_TOKENS = new Set(['output', 'out', 'save', 'dest', 'destination', 'download', 'export']);
/** A path parameter described as where the result is written. */
const OUTPUT_CONTEXT =
	/\b(?:save|write|store|export|download)[sd]?\b[^.]{0,50}?\b(?:to|into|in|at)\b|\b(?:where )?to (?:save|write|store)\b|\bdestination\b/i;
/** Flags that let a call replace what exists; `force` is not one (force-stop, force-push say other things). */
const OVERWRITE_FLAGS = new Set([
	'overwrite',
	'overwrite_existing',
	'allow_overwrite',
	'force_overwrite',
	'replace',
	'replace_existing',
	'clobber',
]);
/** Allowed values that choose overwriting, as in `mode: APPEND | OVERWRITE`. */
const OVERWRITE_VALUES = new Set(['overwrite', 'replace']);
const OVERWRITE_VALUE_LENGTHS = new Set([...OVERWRITE_VALUES].map((v) => v.length));
/** Last name words of a location anywhere on disk, as opposed to a file name inside the server's output folder. */
const OUTPUT_PLACES = new Set(['path', 'paths', 'filepath', 'dir', 'directory', 'folder']);

const CODE_EXACT = new Set([
	'sql',
	'javascript',
	'python',
	'bash',
	'shell',
	'powershell',
	'typescript',
	'js',
	'py',
	'sh',
	'ts',
	'command',
	'cmd',
	'commands',
	'script',
	'scripts',
	'source_code',
	'code_snippet',
]);
/** `shell_command`, `init_script`: the last token says what the value is. */
const CODE_HEADS = new Set(['command', 'cmd', 'commands', 'script', 'scripts']);
/** `sql_query`, `python_code`: a language token plus a head that is code only in that company. */
const CODE_LANG_TOKENS = new Set(['sql', 'javascript', 'python', 'bash', 'shell', 'powershell', 'typescript', 'js']);
const CODE_LANG_HEADS = new Set([
	'code',
	'query',
	'queries',
	'statement',
	'statements',
	'source',
	'snippet',
	'expression',
	'program',
]);
const CODE_AMBIGUOUS = new Set([
	'code',
	'query',
	'function',
	'expression',
	'expr',
	'program',
	'snippet',
	'statement',
	'stmt',
	'eval',
	'lambda',
	'body',
	'source',
]);
const URL_EXACT = new Set([
	'url',
	'urls',
	'uri',
	'uris',
	'href',
	'link',
	'links',
	'endpoint',
	'webhook',
	'callback',
	'redirect_uri',
	'redirect_url',
]);
const URL_LAST = new Set(['url', 'urls', 'uri', 'uris', 'href', 'endpoint', 'webhook']);
const URL_FORMATS = new Set(['uri', 'url', 'iri', 'uri-reference', 'iri-reference']);
const PATH_EXACT = new Set([
	'path',
	'paths',
	'file',
	'files',
	'filename',
	'filenames',
	'filepath',
	'dir',
	'directory',
	'folder',
	'cwd',
	'working_directory',
	'workdir',
	'glob',
]);
const PATH_LAST = new Set(['path', 'paths', 'filepath', 'filename', 'dir', 'directory', 'folder']);
const RECIPIENT_EXACT = new Set(['to', 'cc', 'bcc', 'recipient', 'recipients']);
const RECIPIENT_LAST = new Set(['recipient', 'recipients']);
/** `to_email`, `toAddress`: "to" plus a kind of address (not `to_date`). */
const TO_OBJECTS = new Set([
	'email',
	'emails',
	'address',
	'addresses',
	'number',
	'phone',
	'user',
	'users',
	'recipients',
	'channel',
	'chat',
]);
const MAYBE_RECIPIENT = new Set([
	'email',
	'emails',
	'email_address',
	'email_addresses',
	'phone',
	'phone_number',
	'number',
	'chat_id',
	'channel',
	'channels',
	'channel_id',
	'channel_ids',
	'topic',
	'address',
	'user_id',
	'username',
	'handle',
	'target',
	'destination',
	'webhook',
]);
const BULK_FLAGS = new Set(['all', 'delete_all', 'recursive', 'cascade', 'include_children']);
// Not "many objects": one object, without the trash can, the confirmation or the check.
const SAFEGUARD_FLAGS = new Set(['force', 'purge', 'hard', 'permanent', 'skip_confirmation', 'no_verify']);
const BULK_ARRAYS = new Set(['ids', 'uuids', 'items', 'paths', 'files', 'names', 'keys']);
const BULK_ARRAY_LAST = new Set(['ids', 'uuids']);
const MONEY_TOKENS = new Set(['amount', 'amounts', 'currency', 'price', 'prices']);
const MONEY_EXACT = new Set(['iban', 'card_number', 'wallet_address']);
const ACTION_NAMES = new Set([
	'action',
	'operation',
	'op',
	'method',
	'command',
	'verb',
	'action_type',
	'operation_type',
]);
const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);
const COMBINATORS = ['allOf', 'anyOf', 'oneOf'] as const;
/**
 * Parameters deeper than this are fields of structured values (a MongoDB pipeline's `path`, a
 * Notion rich-text `link`) rather than inputs the agent picks, so they do not set traits.
 */
const MAX_TRAIT_DEPTH = 2;
/** A description that makes a bare `to`/`cc` an address rather than, say, the end of a range. */
const RECIPIENT_CONTEXT = /\b(?:recipients?|e-?mail|address|phone|number|send|deliver)/i;
/**
 * How `walkParams` walks: sorted keys, no deeper than the traits read, through branches and items as
 * far as every reader goes (a schema nested deeper gets the integrity scan's `schema-limit` finding).
 */
const WALK: SchemaWalkOptions = {
	root: 'inputSchema',
	maxDepth: MAX_TRAIT_DEPTH,
	maxNesting: MAX_SCHEMA_NESTING,
	order: 'sorted',
};

type Json = Record<string, unknown>;

const isObject = isJsonObject;

/** A property name's tokens and their `_` join. */
interface NameWords {
	readonly tokens: readonly string[];
	readonly norm: string;
}

/** Property names repeat across tools (id, path, query…), so their tokens are memoised, within a bound. */
const TOKEN_CACHE = new Map<string, NameWords>();
const MAX_CACHED_NAMES = 20_000;
const NO_TYPES: ReadonlySet<string> = new Set();

function nameWords(name: string): NameWords {
	const hit = TOKEN_CACHE.get(name);
	if (hit) return hit;
	if (TOKEN_CACHE.size >= MAX_CACHED_NAMES) TOKEN_CACHE.clear();
	const tokens = allMatches(NAME_PART, name).map((m) => m.text.toLowerCase());
	const words = { tokens, norm: tokens.join('_') };
	TOKEN_CACHE.set(name, words);
	return words;
}

function nameTokens(name: string): readonly string[] {
	return nameWords(name).tokens;
}

const NO_BRANCHES: readonly Json[] = [];

/** The object branches of allOf/anyOf/oneOf; most properties have none, and then no array is made. */
function branches(node: Json): readonly Json[] {
	let out: Json[] | undefined;
	for (const k of COMBINATORS) {
		const list = node[k];
		if (!Array.isArray(list)) continue;
		for (const b of list) if (isObject(b)) (out ??= []).push(b);
	}
	return out ?? NO_BRANCHES;
}

function addTypes(t: unknown, out: Set<string>): void {
	if (typeof t === 'string') out.add(t);
	else if (Array.isArray(t)) for (const x of t) if (typeof x === 'string') out.add(x);
}

/**
 * The type sets of properties declaring one type and no branches, shared: they are most properties,
 * and consumers only read `Param.types`. Bounded, since a hostile schema can invent type names.
 */
const SINGLE_TYPES = new Map<string, ReadonlySet<string>>();
const MAX_SINGLE_TYPES = 64;

function typesOf(node: Json, alternatives: readonly Json[]): ReadonlySet<string> {
	if (alternatives.length === 0) {
		const t = node.type;
		if (t === undefined) return NO_TYPES;
		if (typeof t === 'string') {
			let set = SINGLE_TYPES.get(t);
			if (!set) {
				set = new Set([t]);
				if (SINGLE_TYPES.size < MAX_SINGLE_TYPES) SINGLE_TYPES.set(t, set);
			}
			return set;
		}
	}
	const out = new Set<string>();
	addTypes(node.type, out);
	for (const b of alternatives) addTypes(b.type, out);
	return out;
}

function addEnumValues(n: Json, out: string[]): void {
	if (Array.isArray(n.enum)) for (const v of n.enum) if (typeof v === 'string') out.push(v);
	if (typeof n.const === 'string') out.push(n.const);
}

function enumValuesOf(node: Json, alternatives: readonly Json[]): string[] {
	const out: string[] = [];
	addEnumValues(node, out);
	if (isObject(node.items)) addEnumValues(node.items, out);
	for (const b of alternatives) addEnumValues(b, out);
	return out;
}

function makeParam(name: string, node: Json, at: Pick<SchemaProperty, 'path' | 'depth'>): Param {
	const { tokens, norm } = nameWords(name);
	const alternatives = branches(node);
	const items = isObject(node.items) ? node.items : undefined;
	const format =
		typeof node.format === 'string' ? node.format : typeof items?.format === 'string' ? items.format : undefined;
	return {
		path: at.path,
		depth: at.depth,
		name,
		tokens,
		norm,
		types: typesOf(node, alternatives),
		itemTypes: items ? typesOf(items, branches(items)) : NO_TYPES,
		enumValues: enumValuesOf(node, alternatives),
		format,
		description: typeof node.description === 'string' ? node.description : '',
	};
}

/**
 * The properties the agent fills in directly: at the top level or one object down, through items and
 * allOf/anyOf/oneOf branches, not under `$defs`. Deeper properties are fields of structured values, so
 * the walk does not descend to them (large nested schemas cost nothing more).
 */
export function walkParams(schema: unknown): Param[] {
	const out: Param[] = [];
	walkSchema(
		schema,
		{
			property(p) {
				// A boolean schema (`"x": true`) declares nothing a rule reads.
				if (isObject(p.node)) out.push(makeParam(p.name, p.node, p));
				return undefined;
			},
		},
		WALK,
	);
	return out;
}

/** Takes free text: a string (or list of strings) with no fixed set of values. */
function isFreeText(p: Param): boolean {
	return p.enumValues.length === 0 && takesString(p);
}

function lastToken(p: Param): string {
	return p.tokens.at(-1) ?? '';
}

/**
 * True when the parameter takes code, commands or queries as free text. Ambiguous names (`query`,
 * `code`, `expression`) count only when the parameter's or the tool's text speaks of a language, so a
 * search `query` or a `country_code` stays a plain string.
 */
function isCodeParam(p: Param, toolText: string): boolean {
	if (!isFreeText(p)) return false;
	if (CODE_EXACT.has(p.norm) || CODE_HEADS.has(lastToken(p))) return true;
	if (p.tokens.some((t) => CODE_LANG_TOKENS.has(t)) && CODE_LANG_HEADS.has(lastToken(p))) return true;
	if (!CODE_AMBIGUOUS.has(p.norm)) return false;
	if (PARAM_CODE_CONTEXT.test(p.description) || TOOL_CODE_CONTEXT.test(toolText) || EXEC_NAME.test(toolText))
		return true;
	// "Evaluate" also means assess (`evaluate_design(code)` scores a component), but an expression or a function it evaluates is run.
	return EVALUATE_NAME.test(toolText) && EVALUATED.has(p.norm);
}

/** Takes a string (or strings): a URL or path given as an object is not what these rules look for. */
function takesString(p: Param): boolean {
	if (p.types.size === 0 || p.types.has('string')) return true;
	return p.types.has('array') && (p.itemTypes.size === 0 || p.itemTypes.has('string'));
}

function isUrlParam(p: Param): boolean {
	if (!takesString(p)) return false;
	return URL_EXACT.has(p.norm) || URL_LAST.has(lastToken(p)) || (p.format !== undefined && URL_FORMATS.has(p.format));
}

function isPathParam(p: Param): boolean {
	if (!takesString(p)) return false;
	return PATH_EXACT.has(p.norm) || PATH_LAST.has(lastToken(p)) || p.norm.endsWith('file_path');
}

/**
 * A path the tool writes to: a path or directory (not a bare file name, which a server places in its
 * own output folder) named or described as its output.
 */
function isOutputParam(p: Param): boolean {
	if (!isPathParam(p) || !OUTPUT_PLACES.has(lastToken(p))) return false;
	return p.tokens.some((t) => OUTPUT_TOKENS.has(t)) || OUTPUT_CONTEXT.test(p.description);
}

function isBulkParam(p: Param): boolean {
	if (BULK_FLAGS.has(p.norm)) return true;
	const arrayLike = p.types.size === 0 || p.types.has('array');
	return arrayLike && (BULK_ARRAYS.has(p.norm) || BULK_ARRAY_LAST.has(lastToken(p)));
}

/** A flag named for overwriting, or a parameter one of whose allowed values is to overwrite or replace. */
function isOverwriteParam(p: Param): boolean {
	const flag = p.types.size === 0 || p.types.has('boolean');
	return (flag && OVERWRITE_FLAGS.has(p.norm)) || p.enumValues.some(isOverwriteValue);
}

/**
 * Lowercasing keeps a string's length except for U+0130, whose extra combining mark is in no
 * overwrite value: enums are often long (countries, time zones), and the length check spares
 * lowercasing nearly all of their values.
 */
function isOverwriteValue(v: string): boolean {
	return OVERWRITE_VALUE_LENGTHS.has(v.length) && OVERWRITE_VALUES.has(v.toLowerCase());
}

function actionEnum(p: Param): ActionEnum | undefined {
	if (!ACTION_NAMES.has(p.norm) || p.enumValues.length === 0) return undefined;
	const lower = p.enumValues.map((v) => v.toLowerCase());
	const http =
		lower.length >= 2 && lower.every((v) => HTTP_METHODS.has(v)) && (lower.includes('get') || lower.includes('post'));
	const verbs: { value: string; info: VerbInfo }[] = [];
	for (const value of p.enumValues) {
		// Exact verb forms only: an enum of states ("disabled", "manual") is not a list of operations.
		const first = nameTokens(value)[0];
		const info = first === undefined ? undefined : VERBS.get(first);
		if (info) verbs.push({ value, info });
	}
	return verbs.length > 0 || http ? { param: p, verbs, http } : undefined;
}

/**
 * Classifies every parameter. `toolText` (the name and lead sentence) resolves ambiguous code
 * parameter names.
 */
/** `to`, `cc`, `recipients`, `to_email`: a bare `to` counts at the top level or when described as an address. */
function isRecipient(p: Param): boolean {
	if (RECIPIENT_LAST.has(lastToken(p)) || (p.tokens[0] === 'to' && TO_OBJECTS.has(p.tokens[1] ?? ''))) return true;
	return RECIPIENT_EXACT.has(p.norm) && (p.depth === 1 || RECIPIENT_CONTEXT.test(p.description));
}

/**
 * Classifies the parameters the agent fills in directly (top level or one object down, not under
 * `$defs`). `toolText` (the name and lead sentence) resolves ambiguous code parameter names.
 */
export function classifyParams(schema: unknown, toolText: string): ParamFacts {
	const direct = walkParams(schema);
	// One pass with shared empty lists: most tools have few parameters and most classes stay empty.
	let code: Param[] | undefined;
	let url: Param[] | undefined;
	let path: Param[] | undefined;
	let output: Param[] | undefined;
	let recipient: Param[] | undefined;
	let maybeRecipient: Param[] | undefined;
	let bulk: Param[] | undefined;
	let safeguardOff: Param[] | undefined;
	let overwrite: Param[] | undefined;
	let money: Param[] | undefined;
	let actionEnums: ActionEnum[] | undefined;
	for (const p of direct) {
		if (isCodeParam(p, toolText)) (code ??= []).push(p);
		if (isUrlParam(p)) (url ??= []).push(p);
		if (isPathParam(p)) (path ??= []).push(p);
		if (isOutputParam(p)) (output ??= []).push(p);
		if (isRecipient(p)) (recipient ??= []).push(p);
		if (MAYBE_RECIPIENT.has(p.norm)) (maybeRecipient ??= []).push(p);
		if (isBulkParam(p)) (bulk ??= []).push(p);
		// Any type: `force` also comes as a string or a yes/no enum.
		if (SAFEGUARD_FLAGS.has(p.norm)) (safeguardOff ??= []).push(p);
		if (isOverwriteParam(p)) (overwrite ??= []).push(p);
		if (isMoneyParam(p)) (money ??= []).push(p);
		const action = actionEnum(p);
		if (action) (actionEnums ??= []).push(action);
	}
	return {
		code: code ?? NO_PARAMS,
		url: url ?? NO_PARAMS,
		path: path ?? NO_PARAMS,
		output: output ?? NO_PARAMS,
		recipient: recipient ?? NO_PARAMS,
		maybeRecipient: maybeRecipient ?? NO_PARAMS,
		bulk: bulk ?? NO_PARAMS,
		safeguardOff: safeguardOff ?? NO_PARAMS,
		overwrite: overwrite ?? NO_PARAMS,
		money: money ?? NO_PARAMS,
		actionEnums: actionEnums ?? NO_ACTION_ENUMS,
	};
}

const NO_PARAMS: readonly Param[] = Object.freeze([]);
const NO_ACTION_ENUMS: readonly ActionEnum[] = Object.freeze([]);

const AMOUNT_TOKENS: ReadonlySet<string> = new Set(['amount', 'amounts']);

/** A money parameter that says how much (`amount`, `transfer_amount`), not a currency or a price. */
export function takesAmount(p: Param): boolean {
	return p.tokens.some((t) => AMOUNT_TOKENS.has(t));
}

function isMoneyParam(p: Param): boolean {
	return MONEY_EXACT.has(p.norm) || p.tokens.some((t) => MONEY_TOKENS.has(t));
}
