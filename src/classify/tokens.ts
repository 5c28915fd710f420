/**
 * Tool-name tokenising, part of the facts stage: `ip_control_drop_connections`, `dropConnections`,
 * `drop-connections` and `ip.drop.connections` all yield the same tokens; the name's verb, its object
 * phrase and head noun are read from them (word lookups are in `lookup.ts`).
 */

import {
	AGENT_NOUNS,
	BULK_WORDS,
	CAMEL_PRODUCT_NAMES,
	GENERIC_SLUG_PARTS,
	NOUNS,
	type NounClass,
	type ObjectWeight,
	PREPOSITIONS,
	VERBS,
	type VerbInfo,
} from './lexicon.ts';
import { lookupNoun, lookupVerb } from './lookup.ts';
import { allMatches } from './regex.ts';

/** One token of a tool name, with its position in the original string (for quoting the exact text). */
export interface NameToken {
	/** Lowercased token. */
	readonly text: string;
	readonly start: number;
	readonly end: number;
}

/** A noun found in the lexicon, with its dictionary form and classes. */
export interface NounHit {
	readonly token: NameToken;
	readonly base: string;
	readonly classes: ReadonlySet<NounClass>;
}

/** The verb chosen from a name, and where it sat: first and last positions are the conventional ones. */
export interface NameVerb {
	readonly token: NameToken;
	readonly index: number;
	readonly info: VerbInfo;
	readonly position: 'first' | 'last' | 'any';
}

// Built once: runs of ASCII letters and digits, then camelCase parts inside each run
// (`HTTPServer` → HTTP, Server; `getV2Users` → get, V2, Users; `OAuth2Token` → O, Auth2, Token).
const WORD_RUN = /[A-Za-z0-9]+/g;
const CAMEL_PART = /[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z0-9]+|[A-Z]+[0-9]*|[0-9]+/g;
const SLUG_SPLIT = /[^a-z0-9]+/;
/** Name words that say nothing about the tool: `mcp`, and `tool` in `union_tool`. */
const NOISE_TOKENS = new Set(['mcp', 'tool', 'tools']);

/**
 * Every token of a name, `mcp` and slug parts included: the first step of `tokenizeName`, which a
 * caller that needs both lists passes back in rather than splitting the name twice.
 */
export function splitName(name: string): NameToken[] {
	const all: NameToken[] = [];
	for (const run of allMatches(WORD_RUN, name)) {
		const first = all.length;
		for (const part of allMatches(CAMEL_PART, run.text)) {
			const start = run.index + part.index;
			const text = part.text.toLowerCase();
			const prev = all.length > first ? (all[all.length - 1] as NameToken) : undefined;
			// `checkIfWordPressInstallations`: "press" is part of a product name, not the verb.
			if (prev && prev.end === start && CAMEL_PRODUCT_NAMES.has(prev.text + text))
				all[all.length - 1] = { text: prev.text + text, start: prev.start, end: start + part.text.length };
			else all.push({ text, start, end: start + part.text.length });
		}
	}
	return all;
}

/**
 * Splits a tool name into lowercase tokens (snake, kebab, dotted, camelCase), dropping `mcp`, `tool` and
 * tokens that merely repeat the server slug (`github_create_issue` on the GitHub server). A slug part
 * that is also a lexicon word is kept, since it probably names the object. Never returns an empty
 * list for a name that has ASCII letters or digits. `all` is `splitName(name)`, for a caller that has it.
 */
export function tokenizeName(name: string, slug: string, all: NameToken[] = splitName(name)): NameToken[] {
	const split = all.flatMap(splitCompound);
	const slugParts = new Set(
		slug
			.toLowerCase()
			.split(SLUG_SPLIT)
			.filter((p) => p && !GENERIC_SLUG_PARTS.has(p)),
	);
	const kept = split.filter(
		(t) => !NOISE_TOKENS.has(t.text) && !(slugParts.has(t.text) && !lookupVerb(t.text) && !lookupNoun(t.text)),
	);
	return kept.length > 0 ? kept : split;
}

/** Shortest parts of a closed compound (`websearch`): a noun of three letters, a verb of four. */
const MIN_COMPOUND_NOUN = 3;
const MIN_COMPOUND_VERB = 4;

/**
 * A closed compound of a known noun and a known verb written as one word (`websearch`, `webfetch`,
 * `filesearch`) is the two words. Words the lexicon knows, and verbs that are as often nouns, are
 * left whole.
 */
function splitCompound(token: NameToken): NameToken[] {
	const word = token.text;
	if (word.length < MIN_COMPOUND_NOUN + MIN_COMPOUND_VERB || lookupVerb(word) || lookupNoun(word)) return [token];
	for (let at = MIN_COMPOUND_NOUN; at <= word.length - MIN_COMPOUND_VERB; at++) {
		const verb = VERBS.get(word.slice(at));
		if (!verb || verb.ambiguous || !NOUNS.has(word.slice(0, at))) continue;
		const mid = token.start + at;
		return [
			{ text: word.slice(0, at), start: token.start, end: mid },
			{ text: word.slice(at), start: mid, end: token.end },
		];
	}
	return [token];
}

/** Tokens before the first preposition: in `members_get_by_email`, `email` is a qualifier, not the verb or object. */
export function verbSegment(tokens: readonly NameToken[]): readonly NameToken[] {
	const cut = tokens.findIndex((t, i) => i > 0 && PREPOSITIONS.has(t.text));
	return cut === -1 ? tokens : tokens.slice(0, cut);
}

/**
 * Chooses the name's verb: first token, then last token (of the part before any preposition), then
 * any token, where only the first may be inflected. Words that are as often nouns (`message`, `log`, `tag`) are only taken when no
 * unambiguous verb exists, so `message_send` reads as "send" and `members_get_by_email` as "get".
 * `inflectedAnywhere` lifts the first-word restriction for display titles, which are English
 * ("Sequential Thinking") rather than identifiers.
 */
export function findNameVerb(tokens: readonly NameToken[], inflectedAnywhere = false): NameVerb | undefined {
	const segment = verbSegment(tokens);
	if (segment.length === 0) return undefined;
	const lastIndex = segment.length - 1;
	// `deploy_services_reader` reads deploy services: an agent noun at the end names what the tool is.
	const last = segment[lastIndex] as NameToken;
	const agent = segment.length >= 3 && AGENT_NOUNS.has(last.text) ? VERBS.get(last.text) : undefined;
	if (agent) return { token: last, index: lastIndex, info: agent, position: 'last' };
	// `respira_add_toggle`: a first word the lexicon does not know is a product prefix, so the verb
	// conventionally comes second, before the last word is tried.
	const prefixed =
		!inflectedAnywhere &&
		segment.length >= 3 &&
		!lookupVerb((segment[0] as NameToken).text) &&
		!lookupNoun((segment[0] as NameToken).text);
	const order = prefixed ? [0, 1, lastIndex, ...segment.keys()] : [0, lastIndex, ...segment.keys()];
	for (const allowAmbiguous of [false, true]) {
		for (const index of order) {
			const token = segment[index] as NameToken;
			// Only the first word may be inflected: later words in `router_list_port_forwards` or
			// `waf_list_rule_sets` are plural nouns, not verbs.
			const info = index === 0 || inflectedAnywhere ? lookupVerb(token.text) : VERBS.get(token.text);
			if (!info || (info.ambiguous && !allowAmbiguous)) continue;
			// `logs`, `tags`, `messages`: an inflected noun-like verb is the noun.
			if (info.ambiguous && info.base !== token.text) continue;
			const position = index === 0 || (prefixed && index === 1) ? 'first' : index === lastIndex ? 'last' : 'any';
			return { token, index, info, position };
		}
	}
	return undefined;
}

/** Not a quantity word. Module-level rather than a closure: under tsx (keepNames) every closure made costs a `__name` call. */
function isObject(t: NameToken): boolean {
	return !BULK_WORDS.has(t.text);
}

/**
 * The tokens naming what the verb acts on: those after the verb up to a preposition
 * (`delete_repo_file`, `remove_label_from_issue`), or, when none of those is a known noun, those
 * before it (`labels_delete`, `widgets_bulk_delete`). Quantity words (all, bulk…) are left out.
 */
export function objectPhrase(tokens: readonly NameToken[], verbIndex: number | undefined): NameToken[] {
	if (verbIndex === undefined) return tokens.filter(isObject);
	const after: NameToken[] = [];
	for (const t of tokens.slice(verbIndex + 1)) {
		if (PREPOSITIONS.has(t.text)) break;
		if (isObject(t)) after.push(t);
	}
	if (after.some((t) => lookupNoun(t.text))) return after;
	const before = tokens.slice(0, verbIndex).filter(isObject);
	return before.some((t) => lookupNoun(t.text)) ? before : after;
}

/**
 * The noun at position `i`, trying the compound with the previous token first: `api_key` and
 * `ssh_key` are credentials, a bare `key` (press_key) is not.
 */
function nounAt(phrase: readonly NameToken[], i: number): NounHit | undefined {
	const token = phrase[i] as NameToken;
	const prev = i > 0 ? phrase[i - 1] : undefined;
	if (prev && prev.end <= token.start) {
		const compound = lookupNoun(prev.text + token.text);
		if (compound) return { token: { text: prev.text + token.text, start: prev.start, end: token.end }, ...compound };
	}
	const hit = lookupNoun(token.text);
	return hit ? { token, ...hit } : undefined;
}

/**
 * The head noun of an object phrase: the last token the lexicon knows (`delete_repository_label` →
 * label), optionally restricted to nouns of one class.
 */
export function headNoun(phrase: readonly NameToken[], cls?: NounClass): NounHit | undefined {
	for (let i = phrase.length - 1; i >= 0; i--) {
		const hit = nounAt(phrase, i);
		if (hit && (cls === undefined || hit.classes.has(cls))) return hit;
	}
	return undefined;
}

/** How much losing the object matters, from its head noun's class. */
export function objectWeight(noun: Pick<NounHit, 'classes'> | undefined): ObjectWeight | undefined {
	if (!noun) return undefined;
	for (const weight of ['minor', 'content', 'high-value'] as const) if (noun.classes.has(weight)) return weight;
	return undefined;
}

/** The exact text of the name between two tokens, inclusive, for quoting (`drop_connections`). */
export function nameSlice(name: string, from: NameToken, to: NameToken = from): string {
	const start = Math.min(from.start, to.start);
	const end = Math.max(from.end, to.end);
	return name.slice(start, end);
}
