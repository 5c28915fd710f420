/**
 * Word lookups in the lexicon's verb and noun tables, with light stemming: `deleting` finds the verb
 * `delete`, `connections` the noun `connection`, `rerun` the verb `run` again. Pure table lookups
 * (memoised), shared by the facts stage that parses a definition and the rules that read its words.
 */
import { NO_STEM, NOUNS, type NounClass, VERBS, type VerbInfo } from './lexicon.ts';

/** A noun's dictionary form and classes. */
export interface NounEntry {
	readonly base: string;
	readonly classes: ReadonlySet<NounClass>;
}

const RE_PREFIX = 're';
/** "re" plus a verb of at least three letters: rerun, resend; not "rest" or "read". */
const MIN_RE_WORD = 5;

/** Candidate dictionary forms of an inflected word, most literal first. */
function inflectionCandidates(word: string, verb: boolean): string[] {
	const out = [word];
	if (NO_STEM.has(word) || word.length < 4) return out;
	if (word.endsWith('ies')) out.push(`${word.slice(0, -3)}y`);
	if (word.endsWith('es')) out.push(word.slice(0, -2));
	if (word.endsWith('s') && !word.endsWith('ss')) out.push(word.slice(0, -1));
	if (!verb) return out;
	for (const suffix of ['ed', 'ing']) {
		if (!word.endsWith(suffix)) continue;
		const stem = word.slice(0, -suffix.length);
		if (suffix === 'ed' && stem.endsWith('i')) out.push(`${stem.slice(0, -1)}y`);
		out.push(stem, `${stem}e`);
		// dropped → dropp → drop; running → runn → run
		if (stem.length > 2 && stem.at(-1) === stem.at(-2)) out.push(stem.slice(0, -1));
	}
	return out;
}

/** Looks a word up as a verb, with light stemming (deletes, deleted, deleting → delete). */
export function lookupVerb(word: string): VerbInfo | undefined {
	return cached(VERB_CACHE, word, findVerb);
}

/** Looks a word up as a noun, with plural stemming (connections → connection, entries → entry). */
export function lookupNoun(word: string): NounEntry | undefined {
	return cached(NOUN_CACHE, word, findNoun);
}

/**
 * Word lookups repeat across tools (get, list, file, user…), so results are memoised. The caches are
 * bounded: on a catalogue of invented words they are cleared rather than grown without limit.
 */
const MAX_CACHED_WORDS = 20_000;
const VERB_CACHE = new Map<string, VerbInfo | undefined>();
const NOUN_CACHE = new Map<string, NounEntry | undefined>();

function cached<T>(
	cache: Map<string, T | undefined>,
	word: string,
	find: (word: string) => T | undefined,
): T | undefined {
	// One lookup for the common hit; `has` only tells a cached miss from a new word.
	const hit = cache.get(word);
	if (hit !== undefined || cache.has(word)) return hit;
	if (cache.size >= MAX_CACHED_WORDS) cache.clear();
	const found = find(word);
	cache.set(word, found);
	return found;
}

function findVerb(word: string): VerbInfo | undefined {
	const lower = word.toLowerCase();
	const found = lookupInflected(lower);
	if (found || !lower.startsWith(RE_PREFIX) || lower.length < MIN_RE_WORD) return found;
	// rerun, resend, recreate: the verb again. A "re-" verb is never a noun, so it is not ambiguous.
	// Sending again adds another message, but recreating or reinstalling replaces what the first call made.
	const again = lookupInflected(lower.slice(RE_PREFIX.length));
	return again ? { ...again, ambiguous: false, additive: again.additive && again.egress } : undefined;
}

function lookupInflected(lower: string): VerbInfo | undefined {
	for (const candidate of inflectionCandidates(lower, true)) {
		const info = VERBS.get(candidate);
		if (info) return info;
	}
	return undefined;
}

function findNoun(word: string): NounEntry | undefined {
	for (const candidate of inflectionCandidates(word.toLowerCase(), false)) {
		const classes = NOUNS.get(candidate);
		if (classes) return { base: candidate, classes };
	}
	return undefined;
}
