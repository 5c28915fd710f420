/**
 * Makes hidden characters in untrusted text visible. Everything a server supplied is attacker-controlled:
 * zero-width, bidi, tag and other invisible characters can hide instructions from a human reviewer while
 * the model still reads them, so every such character is shown as a visible ⟦U+XXXX⟧ token.
 *
 * Which characters count is decided by Unicode property, not by a list, so a character nobody thought of
 * is still caught: controls (Cc, except tab and line breaks), format characters (Cf), private use (Co),
 * unassigned code points (Cn, as the running Node's Unicode version knows them), lone surrogates (Cs),
 * line and paragraph separators (Zl, Zp), every default-ignorable code point (fillers, variation
 * selectors, Mongolian free variation selectors, deprecated format characters…), bidi controls, and the
 * one blank that is none of these, U+2800 BRAILLE PATTERN BLANK.
 */

/**
 * A run of ordinary text, or a run of one hidden character repeated `count` times, shown as one token. The
 * token of a long run says how many (⟦U+200B ×300000⟧): 300,000 zero-width spaces are one token on a page,
 * not 300,000 elements.
 */
export type Segment =
	| { kind: 'text'; text: string }
	| { kind: 'hidden'; code: string; label: string; count: number; char: string };

/**
 * The shortest run of one hidden character shown as a single token with a count; shorter runs are shown
 * a token per character (two side by side still read at a glance).
 */
export const RUN_MIN = 3;

/** The property set above, minus tab, line feed and carriage return, which are ordinary layout. */
const HIDDEN_SOURCE =
	'[[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}\\p{Cs}\\p{Zl}\\p{Zp}\\p{Default_Ignorable_Code_Point}\\p{Variation_Selector}\\p{Bidi_Control}\\u{2800}]--[\\t\\n\\r]]';
/** One hidden character (built with `new RegExp` because the `v` flag needs an ES2024 target to type-check). */
const HIDDEN_AT = new RegExp(HIDDEN_SOURCE, 'vy');
/**
 * Where a hidden character may start: anything but printable ASCII, tab and line breaks. Every hidden character
 * is one of these, and this class (no Unicode properties) scans many times faster than the property set, so
 * the set is only tried, anchored, where this finds a candidate: kilobytes of JSON cost one fast pass.
 */
const CANDIDATE = /[^\t\n\r\x20-\x7e]/g;
/** `CANDIDATE` without state, for a yes/no test: text it finds nothing in has no hidden character. */
const HAS_CANDIDATE = new RegExp(CANDIDATE.source);

/** Names for the hidden characters most used in tool poisoning; others get a label from their property. */
const NAMES: Record<number, string> = {
	0x00ad: 'soft hyphen',
	0x034f: 'combining grapheme joiner',
	0x061c: 'Arabic letter mark',
	0x115f: 'Hangul choseong filler',
	0x1160: 'Hangul jungseong filler',
	0x180e: 'Mongolian vowel separator',
	0x200b: 'zero-width space',
	0x200c: 'zero-width non-joiner',
	0x200d: 'zero-width joiner',
	0x200e: 'left-to-right mark',
	0x200f: 'right-to-left mark',
	0x2028: 'line separator',
	0x2029: 'paragraph separator',
	0x202a: 'left-to-right embedding',
	0x202b: 'right-to-left embedding',
	0x202c: 'pop directional formatting',
	0x202d: 'left-to-right override',
	0x202e: 'right-to-left override',
	0x2060: 'word joiner',
	0x2061: 'function application',
	0x2062: 'invisible times',
	0x2063: 'invisible separator',
	0x2064: 'invisible plus',
	0x2066: 'left-to-right isolate',
	0x2067: 'right-to-left isolate',
	0x2068: 'first strong isolate',
	0x2069: 'pop directional isolate',
	0x2800: 'braille pattern blank',
	0x3164: 'Hangul filler',
	0xfeff: 'zero-width no-break space',
	0xffa0: 'halfwidth Hangul filler',
	0x001b: 'escape (ANSI sequence)',
};

/** Labels by property, first match wins; the order puts the most specific description first. */
const PROPERTY_LABELS: readonly (readonly [RegExp, string])[] = [
	[/\p{Cc}/u, 'control character'],
	[/\p{Bidi_Control}/u, 'bidi control'],
	[/\p{Variation_Selector}/u, 'variation selector'],
	[/\p{Co}/u, 'private-use character'],
	[/\p{Cn}/u, 'unassigned code point'],
	[/\p{Cs}/u, 'lone surrogate'],
	[/\p{Cf}/u, 'invisible format character'],
	[/\p{Default_Ignorable_Code_Point}/u, 'default-ignorable (invisible) character'],
];

/** Formats a code point as U+XXXX. */
export function codePointLabel(cp: number): string {
	return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** What a hidden character is, for the token's tooltip. */
export function hiddenLabel(cp: number): string {
	const named = NAMES[cp];
	if (named !== undefined) return named;
	if (cp >= 0xe0020 && cp <= 0xe007e) return `tag character “${String.fromCodePoint(cp - 0xe0000)}”`;
	if (cp >= 0xe0000 && cp <= 0xe007f) return 'tag character';
	const ch = String.fromCodePoint(cp);
	return PROPERTY_LABELS.find(([re]) => re.test(ch))?.[1] ?? 'invisible character';
}

/** The visible token of `count` hidden characters `code` in a row: ⟦U+200B⟧, or ⟦U+200B ×300000⟧ from `RUN_MIN` up. */
export function hiddenToken(code: string, count = 1): string {
	return count >= RUN_MIN ? `⟦${code} ×${count}⟧` : `⟦${code}⟧`.repeat(count);
}

/**
 * Calls `hidden` for every hidden character of `text`, in order, and `plain` for each run between them.
 * The one scanning loop every function here shares: printable ASCII costs one pass of a cheap class.
 */
function scan(text: string, plain: (run: string) => void, hidden: (ch: string, cp: number) => void): void {
	CANDIDATE.lastIndex = 0;
	let from = 0;
	for (let c = CANDIDATE.exec(text); c !== null; c = CANDIDATE.exec(text)) {
		HIDDEN_AT.lastIndex = c.index;
		const m = HIDDEN_AT.exec(text);
		if (m === null) {
			// Not hidden: go on after the whole character, so a surrogate pair is never split in two candidates.
			CANDIDATE.lastIndex = c.index + ((text.codePointAt(c.index) as number) > 0xffff ? 2 : 1);
			continue;
		}
		if (c.index > from) plain(text.slice(from, c.index));
		hidden(m[0], m[0].codePointAt(0) as number);
		from = c.index + m[0].length;
		CANDIDATE.lastIndex = from;
	}
	if (from < text.length) plain(text.slice(from));
}

/**
 * Splits text into ordinary runs and hidden characters, in order. A hidden character repeated `RUN_MIN`
 * times or more is one segment with its count; fewer repeats are a segment each.
 */
export function revealHidden(text: string): Segment[] {
	const segments: Segment[] = [];
	let last: Extract<Segment, { kind: 'hidden' }> | undefined;
	scan(
		text,
		(run) => {
			last = undefined;
			segments.push({ kind: 'text', text: run });
		},
		(ch, cp) => {
			if (last?.char === ch) last.count++;
			else {
				last = { kind: 'hidden', code: codePointLabel(cp), label: hiddenLabel(cp), count: 1, char: ch };
				segments.push(last);
			}
		},
	);
	// Runs shorter than RUN_MIN are shown a token per character, so they are a segment per character.
	if (!segments.some((s) => s.kind === 'hidden' && s.count > 1 && s.count < RUN_MIN)) return segments;
	return segments.flatMap((s) =>
		s.kind === 'hidden' && s.count > 1 && s.count < RUN_MIN
			? Array.from({ length: s.count }, () => ({ ...s, count: 1 }))
			: [s],
	);
}

/** How a segment reads on a plain-text page: its text, or its token. */
export function segmentVisible(segment: Segment): string {
	return segment.kind === 'text' ? segment.text : hiddenToken(segment.code, segment.count);
}

/** Counts hidden characters in a text. */
export function countHidden(text: string): number {
	let n = 0;
	scan(
		text,
		() => {},
		() => n++,
	);
	return n;
}

/** `text` with every hidden character replaced by what `replace` returns for it. */
export function replaceHidden(text: string, replace: (ch: string, cp: number) => string): string {
	let out = '';
	scan(
		text,
		(run) => {
			out += run;
		},
		(ch, cp) => {
			out += replace(ch, cp);
		},
	);
	return out;
}

/**
 * Plain-text rendering with every hidden character replaced by ⟦U+XXXX⟧ (a run of `RUN_MIN` or more by one
 * ⟦U+XXXX ×N⟧): the one function every string a server supplied goes through before it reaches a page as
 * plain text (headings, titles, meta, JSON-LD, FAQ). Idempotent, so text already revealed can safely pass again.
 */
export function visibleText(text: string): string {
	if (!HAS_CANDIDATE.test(text)) return text;
	let out = '';
	for (const segment of revealHidden(text)) out += segmentVisible(segment);
	return out;
}

const SPACE = /\s/u;

/**
 * A name as every page displays it: `visibleText`, and also every whitespace character a page would
 * collapse or that looks like a plain space (leading, trailing, repeated, tabs, no-break and other
 * spaces) as a token, so `get_item` and `get_item ` or `get\u00A0item` cannot pass for one another.
 * Single spaces between words stay spaces.
 */
export function visibleName(name: string): string {
	const text = visibleText(name);
	if (!SPACE.test(text)) return text;
	const chars = Array.from(text);
	const first = chars.findIndex((c) => !SPACE.test(c));
	const last = chars.findLastIndex((c) => !SPACE.test(c));
	return chars
		.map((c, i) => {
			if (!SPACE.test(c)) return c;
			const plain = c === ' ' && i > first && i < last && !SPACE.test(chars[i - 1] as string);
			return plain ? c : `⟦${codePointLabel(c.codePointAt(0) as number)}⟧`;
		})
		.join('');
}
