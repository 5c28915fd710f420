/**
 * The integrity scan's prefilter, built from the trigger words each pattern declares in
 * `patterns.ts`: there is no second list to keep in step with the regexes.
 *
 * A definition's strings are joined once and searched once for every trigger word and character
 * string; a pattern then runs only over the strings that hold one of its triggers, where any match
 * must lie. In honest text that is one string or two, and most definitions run no pattern at all.
 * The triggers only ever let too much through; `tests/unit/integrity-patterns.test.ts` checks that
 * they never keep a match out.
 */
import { allMatches, firstMatch, type Match } from '../regex.ts';
import { PATTERNS, type PoisonPattern, type Trigger } from './patterns.ts';

/** One word trigger of one pattern: a pattern with alternatives needing different words has several. */
interface Entry extends Trigger {
	readonly pattern: PoisonPattern;
	/** This entry's bit in a string's mask. */
	readonly bit: number;
}

const ENTRIES: readonly Entry[] = PATTERNS.flatMap((pattern) =>
	pattern.triggers.filter((t) => t.hidden === undefined).map((t) => ({ ...t, pattern })),
).map((e, i) => ({ ...e, bit: 1 << i }));
if (ENTRIES.length > 30) throw new Error('integrity: too many prefilter triggers for a bit mask');
/** Each pattern's word entries. */
const ENTRIES_OF: ReadonlyMap<PoisonPattern, readonly Entry[]> = new Map(
	PATTERNS.map((p) => [p, ENTRIES.filter((e) => e.pattern === p)]),
);
/** Patterns of invisible characters, which `scanChars` announces with their `hidden` classes. */
const HIDDEN_PATTERNS = PATTERNS.filter((p) => p.triggers.some((t) => t.hidden !== undefined));
const HIDDEN: ReadonlySet<PoisonPattern> = new Set(HIDDEN_PATTERNS);

/** Single characters are looked up in the text as written ('<', '['); longer strings in the lowercased text. */
const isSingle = (c: string) => c.length === 1;
const escapeRegex = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

/**
 * Every trigger word (lowercase), found in one pass over lowercased text. Words are `\w` runs, so
 * `id_rsa` is one word and `.env` gives `env`. Character strings ("you are now", "mcp__") are looked up
 * with `CHARS`, which is far cheaper than adding them to this alternation: a pattern that does not
 * start at a word boundary makes the regex try every alternative at every position. `andWords` are
 * common (tool, user), so they are checked afterwards, and only for patterns whose own words were found.
 */
const TRIGGERS = new RegExp(`\\b(?:${[...new Set(ENTRIES.flatMap((e) => e.words ?? []))].join('|')})\\b`, 'g');

/**
 * Every trigger character string, found in one regex pass over the lowercased text instead of one
 * `includes` per string and definition (single characters are the same lowercased). Longer strings
 * come first, so `<script` is matched rather than its `<`, which `CONTAINED` then records too.
 */
const CHAR_NEEDLES: readonly string[] = [...new Set(ENTRIES.flatMap((e) => e.chars ?? []))].sort(
	(a, b) => b.length - a.length,
);
/**
 * The `hidden` classes, as one more alternative of `CHARS`, so clean text needs no pass of its own for
 * them; a hit is confirmed with each pattern's regex. Lowercasing neither makes nor changes any of
 * them: they are controls and format characters. Plain classes merge into one.
 */
const HIDDEN_SOURCES = HIDDEN_PATTERNS.flatMap((p) => p.triggers.flatMap((t) => (t.hidden ? [t.hidden] : [])));
const IS_CLASS = /^\[[^[\]]*\]$/;
const HIDDEN_ALTERNATIVE = [
	`[${HIDDEN_SOURCES.filter((s) => IS_CLASS.test(s))
		.map((s) => s.slice(1, -1))
		.join('')}]`,
	...HIDDEN_SOURCES.filter((s) => !IS_CLASS.test(s)),
].join('|');
const CHARS = new RegExp(`${CHAR_NEEDLES.map(escapeRegex).join('|')}|${HIDDEN_ALTERNATIVE}`, 'g');
/** For each needle, the needles inside it (itself included) and where. */
const CONTAINED: ReadonlyMap<string, readonly { needle: string; offset: number }[]> = new Map(
	CHAR_NEEDLES.map((n) => [
		n,
		CHAR_NEEDLES.flatMap((m) =>
			[...n.matchAll(new RegExp(escapeRegex(m), 'g'))].map((x) => ({
				needle: m,
				offset: x.index,
			})),
		),
	]),
);
// One left-to-right pass finds every needle that occurs, and marks every string holding one, if no
// needle can begin inside another and run past its end (a proper suffix of one is never a prefix of
// another; the list is checked at load). A needle overlapping itself ("developer modeveloper mode")
// is harmless: its first occurrence is found, and the overlapping one lies in the same string.
for (const n of CHAR_NEEDLES) {
	for (let i = 1; i < n.length; i++) {
		if (CHAR_NEEDLES.some((m) => m !== n && m.length > n.length - i && m.startsWith(n.slice(i))))
			throw new Error(`integrity: prefilter strings overlap: ${n}`);
	}
}

/**
 * Each `andWords` list without the words that contain an earlier one (`tools` after `tool`, `users`
 * after `user`): if the earlier is absent so is the later, and if present the list is already
 * satisfied, so searching for the later word again could never change the answer.
 */
const NEEDED_AND_WORDS: ReadonlyMap<readonly string[], readonly string[]> = new Map(
	ENTRIES.flatMap((e) =>
		e.andWords
			? [[e.andWords, e.andWords.filter((w, i) => !e.andWords?.slice(0, i).some((x) => w.includes(x)))] as const]
			: [],
	),
);

/** Each trigger word's and character string's entries, as a mask of their bits. */
const WORD_BITS: ReadonlyMap<string, number> = (() => {
	const m = new Map<string, number>();
	for (const e of ENTRIES) for (const w of [...(e.words ?? []), ...(e.chars ?? [])]) m.set(w, (m.get(w) ?? 0) | e.bit);
	return m;
})();

/**
 * Joins strings for the prefilter: a line break stops `[^.\n]` runs and a backtick stops `\s+` and
 * `\w` ones. It is ASCII, so ASCII text stays a one-byte string, which regexes scan faster.
 */
const FIELD_SEPARATOR = '\n`\n';

/** Runs of ASCII capitals, lowered alone when the text holds a letter whose lowercase form is ASCII. */
const ASCII_UPPER = /[A-Z]+/g;
/** The only letters whose lowercase form holds an ASCII letter (k, i) or has another length. */
const KELVIN_OR_DOTTED_I = /[\u212A\u0130]/;

/** What the triggers found in one definition's joined text. */
class Triggers {
	readonly found = new Set<string>();
	/** Every trigger word in `lower`, in text order. */
	readonly hits: readonly Match[];
	readonly lower: string;
	constructor(readonly text: string) {
		// Matching lowercase text with a case-sensitive regex is faster than a case-insensitive one. Every
		// trigger is ASCII; lowering must keep positions and must not turn another letter into an ASCII one
		// glued to a trigger (U+212A lowercases to "k"), so text holding one has only its ASCII lowered.
		this.lower = KELVIN_OR_DOTTED_I.test(text)
			? text.replace(ASCII_UPPER, (run) => run.toLowerCase())
			: text.toLowerCase();
		this.hits = allMatches(TRIGGERS, this.lower);
		for (const m of this.hits) this.found.add(m.text);
	}
	/** Substring answers so far: entries share `andWords` (tool, user), and each is searched once. */
	readonly #contains = new Map<string, boolean>();
	/** Substring test on the lowercased text. */
	containsAny(needles: readonly string[]): boolean {
		for (const n of needles) {
			let has = this.#contains.get(n);
			if (has === undefined) this.#contains.set(n, (has = this.lower.includes(n)));
			if (has) return true;
		}
		return false;
	}
	/** Set by `scanChars` when the text may hold a hidden or control character. */
	maybeHidden = false;
	/** The character strings found by `scanChars`, once it has run. */
	#chars: Set<string> | undefined;
	/**
	 * Every occurrence of a trigger character string, in text order, for text whose lowercasing keeps
	 * its length; `allow` then answers from them instead of searching again.
	 */
	scanChars(): Match[] {
		const out: Match[] = [];
		for (const m of allMatches(CHARS, this.lower)) {
			const inside = CONTAINED.get(m.text);
			if (inside) for (const c of inside) out.push({ text: c.needle, index: m.index + c.offset });
			else this.maybeHidden = true;
		}
		this.#chars = new Set(out.map((m) => m.text));
		return out;
	}
	/** True when a match of the entry's alternatives is possible somewhere in the text. */
	allow(e: Entry): boolean {
		let hit = false;
		if (e.words) for (const w of e.words) if (this.found.has(w)) hit = true;
		const chars = this.#chars;
		if (!hit && e.chars)
			for (const c of e.chars)
				if (chars ? chars.has(c) : isSingle(c) ? this.text.includes(c) : this.lower.includes(c)) hit = true;
		return hit && (!e.andWords || this.containsAny(NEEDED_AND_WORDS.get(e.andWords) as readonly string[]));
	}
}

/**
 * Which strings of one definition each pattern may match in. Positions in the lowercased text are
 * positions in the strings: only ASCII letters are lowered.
 */
export class Admission {
	readonly #triggers: Triggers;
	/** For each string, the bits of the entries whose words or characters it holds. */
	readonly #masks: number[];
	readonly #joined: string;
	constructor(readonly strings: readonly string[]) {
		this.#joined = strings.join(FIELD_SEPARATOR);
		const triggers = new Triggers(this.#joined);
		this.#triggers = triggers;
		// Which string each trigger word or character string sits in: hits come in text order, so one
		// forward walk per kind suffices.
		const masks = new Array<number>(strings.length).fill(0);
		for (const hits of [triggers.hits, triggers.scanChars()]) {
			let k = 0;
			let end = (strings[0] ?? '').length;
			for (const hit of hits) {
				while (hit.index > end) end += FIELD_SEPARATOR.length + (strings[++k] as string).length;
				masks[k] = (masks[k] as number) | (WORD_BITS.get(hit.text) ?? 0);
			}
		}
		this.#masks = masks;
	}

	/** The bits of `p`'s entries whose triggers the definition holds (`andWords` included). */
	#allowedBits(p: PoisonPattern): number {
		let bits = 0;
		for (const e of ENTRIES_OF.get(p) as readonly Entry[]) if (this.#triggers.allow(e)) bits |= e.bit;
		return bits;
	}

	/** True when `p` may match in string `j`: a match there holds one of its triggers. */
	admits(p: PoisonPattern, j: number): boolean {
		if (HIDDEN.has(p)) return this.#triggers.maybeHidden;
		return ((this.#masks[j] as number) & this.#allowedBits(p)) !== 0;
	}

	/**
	 * The patterns that match some string. Each runs only over the strings it is admitted to; the
	 * patterns of invisible characters, only when `CHARS` met a candidate, over the joined text.
	 */
	present(): Set<PoisonPattern> {
		const present = new Set<PoisonPattern>();
		const masks = this.#masks;
		for (const p of PATTERNS) {
			if (HIDDEN.has(p)) {
				if (this.#triggers.maybeHidden && firstMatch(p.re, this.#joined)) present.add(p);
				continue;
			}
			const bits = this.#allowedBits(p);
			if (bits === 0) continue;
			for (let j = 0; j < masks.length; j++) {
				if (((masks[j] as number) & bits) !== 0 && firstMatch(p.re, this.strings[j] as string)) {
					present.add(p);
					break;
				}
			}
		}
		return present;
	}
}

/** The patterns that occur in some of `strings` (one definition's, from `prefilterStrings`). */
export function presentPatterns(strings: readonly string[]): ReadonlySet<PoisonPattern> {
	return new Admission(strings).present();
}
