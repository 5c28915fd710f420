/**
 * Integrity scan: signs of tool poisoning in any text of a definition (security-research.md §3.9).
 * The model reads every string a server sends, so every string is scanned (`fields.ts`), against the
 * patterns of `patterns.ts`.
 *
 * Severity follows the research's "families must co-occur" advice: signals that are hostile on their
 * own (tag characters, bidi controls, control characters, instructions to ignore the user's
 * instructions, secrecy toward the user, conversation harvesting by a parameter or by an order to
 * hand the conversation over, shell payloads) are high at once; the rest (zero-width characters,
 * pseudo tags, coercive ordering, credential-file mentions, "silently", references to other servers'
 * tools) are medium alone and become high when a definition shows two different signals. A schema
 * nested deeper than any reader follows (`schema-limit`) is high too: the unread part reaches the
 * model unchecked.
 *
 * Cost: the definition's strings are searched once for every pattern's trigger words (`prefilter.ts`);
 * a pattern runs only where its words occur, and fields are scanned one by one only when some pattern
 * matched, which clean definitions never do.
 */
import type { Tool } from '../../catalogue/schema.ts';
import { MAX_SCHEMA_NESTING } from '../../schema/walk.ts';
import { disguisedWord } from '../../text/confusables.ts';
import { leadSentence } from '../description.ts';
import { allMatches, firstMatch, type Match } from '../regex.ts';
import type { IntegrityFinding, IntegritySeverity, ServerRef } from '../types.ts';
import { crossServerHit, ownServerWords } from './cross-server.ts';
import {
	isIdentifierLike,
	overrideWords,
	prefilterStrings,
	spacedIdentifier,
	type TextField,
	textFields,
	unreadParts,
} from './fields.ts';
import { CHAT_TOOL, type FirstMatch, harvestHit, secretOrderHit, type ToolContext } from './harvest.ts';
import {
	ANSI_LITERAL,
	BIDI,
	COERCION,
	CONTROL,
	CROSS_PATTERNS,
	CROSS_SERVER,
	type FindingKind,
	HARVEST_REQUEST,
	type IntegritySignal,
	LOOK_ALIKE,
	OVERRIDE,
	type PoisonPattern,
	PSEUDO_BRACKET,
	PSEUDO_TAG,
	SECRECY_STRONG,
	SECRECY_WEAK,
	SENSITIVE_PATH,
	SHELL_PAYLOAD,
	TAG_CHARS,
	whyOf,
	ZERO_WIDTH,
} from './patterns.ts';
import { presentPatterns } from './prefilter.ts';

export { INTEGRITY_SIGNALS, type IntegritySignal } from './patterns.ts';

interface RawFinding {
	readonly signal: IntegritySignal;
	readonly field: string;
	readonly match: string;
	/** High on its own, whatever else the definition contains. */
	readonly alwaysHigh: boolean;
	readonly why: string;
}

const PICTOGRAPH = /\p{Extended_Pictographic}/u;
/** The boundary character the `.env` alternative consumes, trimmed from the quoted match. */
const LEADING_DELIMITER = /^[\s"'`(]+/;
/** A verb that moves a file's content somewhere, making a credential-file mention an order. */
const EXFIL_VERB =
	/\b(?:read|send|pass|include|upload|copy|attach|provide|share|cat|extract|forward|post|leak|collect|append)\b/i;
const SENTENCE_END = /[.!?\n]/;
const CONTEXT_CHARS = 20;
const MAX_MATCH = 160;

/** The hit with a little surrounding text, cut on code points so astral characters stay whole. */
function snippet(text: string, hit: Match): string {
	const before = Array.from(text.slice(0, hit.index)).slice(-CONTEXT_CHARS).join('');
	const after = Array.from(text.slice(hit.index + hit.text.length))
		.slice(0, CONTEXT_CHARS)
		.join('');
	return before + hit.text + after;
}

function clip(text: string): string {
	const chars = Array.from(text);
	return chars.length > MAX_MATCH ? `${chars.slice(0, MAX_MATCH - 1).join('')}…` : text;
}

/** The sentence around `index`, for checking what a credential-file mention is asked to do. */
function sentenceAround(text: string, index: number): string {
	let start = index;
	while (start > 0 && !SENTENCE_END.test(text[start - 1] as string)) start--;
	let end = index;
	while (end < text.length && !SENTENCE_END.test(text[end] as string)) end++;
	return text.slice(start, end);
}

/** Zero-width characters, except a joiner between two emoji (👩‍💻 is not hiding anything). */
function zeroWidthHits(text: string): Match[] {
	return allMatches(ZERO_WIDTH.re, text).filter((m) => {
		if (m.text !== '\u200D') return true;
		const prev = Array.from(text.slice(0, m.index)).at(-1) ?? '';
		const next = Array.from(text.slice(m.index + 1))[0] ?? '';
		return !(PICTOGRAPH.test(prev) && PICTOGRAPH.test(next));
	});
}

function toolContext(tool: Tool, chatTool: boolean): ToolContext {
	return { name: tool.name, lead: `${spacedIdentifier(tool.name)}\n${leadSentence(tool.description)}`, chatTool };
}

/** Findings of one field, collected by `add`. */
class FieldFindings {
	readonly out: RawFinding[] = [];
	constructor(readonly field: string) {}
	/** A finding of `kind`'s signal, severity and why, unless given others. */
	add(kind: FindingKind, match: string, alwaysHigh = kind.severity === 'high', why = whyOf(kind, match)): void {
		this.out.push({ signal: kind.signal, field: this.field, match: clip(match), alwaysHigh, why });
	}
}

/** Invisible characters, quoted with the text around them. */
function scanHidden(text: string, found: FieldFindings, zeroWidthKinds: Set<string>, first: FirstMatch): void {
	const tags = first(TAG_CHARS);
	if (tags) found.add(TAG_CHARS, snippet(text, tags), true, whyOf(TAG_CHARS, tags.text));
	const bidi = first(BIDI);
	if (bidi) found.add(BIDI, snippet(text, bidi));
	const zw = first(ZERO_WIDTH) ? zeroWidthHits(text) : [];
	if (zw.length > 0) {
		for (const hit of zw) zeroWidthKinds.add(hit.text);
		found.add(ZERO_WIDTH, snippet(text, zw[0] as Match));
	}
}

/** The first of `patterns` to match, with its match. */
function firstOf(first: FirstMatch, ...patterns: PoisonPattern[]): [PoisonPattern, Match] | undefined {
	for (const p of patterns) {
		const m = first(p);
		if (m) return [p, m];
	}
	return undefined;
}

function scanField(
	f: TextField,
	tool: ToolContext,
	zeroWidthKinds: Set<string>,
	own: ReadonlySet<string>,
	present: ReadonlySet<PoisonPattern>,
): RawFinding[] {
	const { field, text } = f;
	const found = new FieldFindings(field);
	const first: FirstMatch = (p) => (present.has(p) ? firstMatch(p.re, text) : undefined);
	scanHidden(text, found, zeroWidthKinds, first);
	const control = firstOf(first, CONTROL, ANSI_LITERAL);
	if (control) found.add(control[0], snippet(text, control[1]));
	// A disguised name is high at once: a name has no reason to spell ASCII with other scripts' letters.
	const nameLike = f.propertyName || field === 'name';
	const disguised = first(LOOK_ALIKE) ? disguisedWord(text, nameLike) : undefined;
	if (disguised) found.add(LOOK_ALIKE, disguised, nameLike);
	const tag = firstOf(first, PSEUDO_TAG, PSEUDO_BRACKET);
	if (tag) found.add(tag[0], tag[1].text);
	// A tool or parameter name, or a schema string without spaces (an enum value), is an identifier:
	// `ignore_previous_instructions` is read as its words.
	const identifier = f.propertyName || field === 'name' || (field.startsWith('inputSchema.') && isIdentifierLike(text));
	const spaced = identifier && present.has(OVERRIDE) ? overrideWords(text) : undefined;
	const override = first(OVERRIDE) ?? (spaced && firstMatch(OVERRIDE.re, spaced) ? { text, index: 0 } : undefined);
	if (override) found.add(OVERRIDE, override.text);
	const coercion = first(COERCION);
	if (coercion) found.add(COERCION, coercion.text);
	const secrecy = firstOf(first, SECRECY_STRONG, SECRECY_WEAK);
	if (secrecy) found.add(secrecy[0], secrecy[1].text);
	const path = first(SENSITIVE_PATH);
	if (path) {
		const ordered = EXFIL_VERB.test(sentenceAround(text, path.index));
		const quoted = path.text.replace(LEADING_DELIMITER, '');
		found.add(SENSITIVE_PATH, quoted, ordered, ordered ? SENSITIVE_PATH.orderedWhy : undefined);
	}
	const shell = first(SHELL_PAYLOAD);
	if (shell) found.add(SHELL_PAYLOAD, shell.text);
	const cross =
		f.propertyName || !CROSS_PATTERNS.some((p) => present.has(p)) ? undefined : crossServerHit(text, own, tool.name);
	if (cross) found.add(CROSS_SERVER, cross);
	// A chat tool's subject is the conversation, but never the caller's own system prompt or reasoning.
	const harvest = tool.chatTool ? secretOrderHit(f, first) : harvestHit(f, tool, first);
	if (harvest) found.add(HARVEST_REQUEST, harvest.match, true, harvest.why);
	return found.out;
}

/** A JSON value in a line: nested objects and arrays shown as `{…}` and `[…]`. */
function preview(node: unknown): string {
	if (typeof node !== 'object' || node === null) return JSON.stringify(node) ?? String(node);
	const inner = (v: unknown) =>
		typeof v !== 'object' || v === null ? (JSON.stringify(v) ?? String(v)) : Array.isArray(v) ? '[…]' : '{…}';
	return Array.isArray(node)
		? `[${node.map(inner).join(',')}]`
		: `{${Object.entries(node)
				.map(([k, v]) => `${JSON.stringify(k)}:${inner(v)}`)
				.join(',')}}`;
}

/**
 * The finding for schema text too deep to read, at the first place the walk stopped; undefined when
 * everything was read. Every reader stops at the same nesting (`MAX_SCHEMA_NESTING`), so the scan's
 * stop is also where the classifier's parameters and the page's table end.
 */
function unreadFinding(tool: Tool): RawFinding | undefined {
	const parts = unreadParts(tool);
	const first = parts[0];
	if (!first) return undefined;
	const more = parts.length - 1;
	const rest = more > 0 ? `; ${more} more ${more === 1 ? 'part' : 'parts'} of the schema stopped the same way` : '';
	return {
		signal: 'schema-limit',
		field: first.field,
		match: clip(typeof first.node === 'string' ? first.node : preview(first.node)),
		alwaysHigh: true,
		why: `the schema is nested deeper than ${MAX_SCHEMA_NESTING} levels, so what lies below this point was not scanned for poisoning, not read by the classifier and not shown in the parameter table, yet the model reads it${rest}`,
	};
}

/**
 * Scans every text field of a definition. Findings are ordered by field (name, title, description,
 * annotation title, then schema strings by sorted path) and by signal, one per signal and field; a
 * `schema-limit` finding, when the schema is too deep to read, comes last.
 */
export function scanIntegrity(tool: Tool, server?: ServerRef): IntegrityFinding[] {
	const chatTool = CHAT_TOOL.test(tool.name);
	const zeroWidthKinds = new Set<string>();
	const { strings, harvestName, truncated } = prefilterStrings(tool);
	const present = presentPatterns(strings);
	const unread = truncated ? unreadFinding(tool) : undefined;
	// The common case: nothing suspicious anywhere, so no field needs a closer look.
	if (present.size === 0 && !(harvestName && !chatTool)) return unread ? [finding(unread, false)] : [];
	const own = ownServerWords(server);
	const context = toolContext(tool, chatTool);
	const raw = textFields(tool).flatMap((f) => scanField(f, context, zeroWidthKinds, own, present));
	if (unread) raw.push(unread);
	const signals = new Set(raw.map((r) => r.signal));
	// Two different signals in one definition, or three kinds of zero-width character, look deliberate.
	const combined = signals.size >= 2 || zeroWidthKinds.size >= 3;
	return raw.map((r) => finding(r, combined));
}

/** A raw finding as reported: high when it is high alone or the definition's findings combine. */
function finding(r: RawFinding, combined: boolean): IntegrityFinding {
	const severity: IntegritySeverity = r.alwaysHigh || combined ? 'high' : 'medium';
	const why = !r.alwaysHigh && combined ? `${r.why}; together with the other findings this looks deliberate` : r.why;
	return { signal: r.signal, field: r.field, match: r.match, severity, why };
}
