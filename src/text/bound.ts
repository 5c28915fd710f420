/**
 * Bounds how much untrusted text a page carries. A server may send a megabyte of description or a schema
 * of thousands of parameters; a page shows a prefix, puts a further part one click away (a closed
 * `<details>`), and says how much is left out and where it is. The bounds are in weight, not characters:
 * a hidden-character token is an element of about this much HTML, so text made only of tokens cannot
 * slip past a bound meant for letters.
 */
import { revealHidden, type Segment } from './reveal.ts';

/** What one hidden-character token (a run of one character counts once) weighs, in characters of text. */
export const TOKEN_WEIGHT = 48;

/** A cut is moved back to a space when one lies this close before it, so words are not split. */
const WORD_SLACK = 80;

/** The weight of segments on a page: their text's length plus `TOKEN_WEIGHT` per token. */
export function segmentsWeight(segments: readonly Segment[]): number {
	let weight = 0;
	for (const s of segments) weight += s.kind === 'text' ? s.text.length : TOKEN_WEIGHT;
	return weight;
}

/** How many characters (UTF-16 code units, as `String.length` counts) of the server's text segments stand for. */
export function sourceLength(segments: readonly Segment[]): number {
	let length = 0;
	for (const s of segments) length += s.kind === 'text' ? s.text.length : s.char.length * s.count;
	return length;
}

/** Where to cut `text` to keep at most `room` code units: never inside a surrogate pair, at a space when one is near. */
function cutPoint(text: string, room: number): number {
	let at = room;
	const code = text.charCodeAt(at - 1);
	if (at > 0 && code >= 0xd800 && code <= 0xdbff) at--;
	const space = text.lastIndexOf(' ', at - 1);
	return space > 0 && at - space <= WORD_SLACK ? space + 1 : at;
}

/**
 * Splits segments into the first part of at most `limit` weight and the rest. A token is never split (a
 * run of 300,000 zero-width spaces is one token), and text is cut at a space near the limit when there is one.
 */
export function splitSegments(segments: readonly Segment[], limit: number): [Segment[], Segment[]] {
	let used = 0;
	for (let i = 0; i < segments.length; i++) {
		const s = segments[i] as Segment;
		const weight = s.kind === 'text' ? s.text.length : TOKEN_WEIGHT;
		if (used + weight <= limit) {
			used += weight;
			continue;
		}
		const head = segments.slice(0, i);
		const tail = segments.slice(i + 1);
		if (s.kind === 'hidden') return [head, [s, ...tail]];
		const at = cutPoint(s.text, limit - used);
		if (at > 0) head.push({ kind: 'text', text: s.text.slice(0, at) });
		return [head, [{ kind: 'text', text: s.text.slice(at) }, ...tail]];
	}
	return [[...segments], []];
}

/** Untrusted text cut for a page: what it shows, what it holds one click away, and how much it leaves out. */
export interface BoundedText {
	/** Shown as it is. */
	readonly head: Segment[];
	/** Kept on the page behind a closed `<details>` (empty when the head is all of it, or no room was given). */
	readonly more: Segment[];
	/** Characters of the server's text in `more`, and in neither part (not on the page at all). */
	readonly moreLength: number;
	readonly omittedLength: number;
}

/**
 * Reveals `text` and cuts it into a head of at most `shown` weight and a further part of at most `more`;
 * what is left after both is counted, not kept.
 */
export function boundText(text: string, shown: number, more = 0): BoundedText {
	const segments = revealHidden(text);
	const [head, rest] = splitSegments(segments, shown);
	if (rest.length === 0) return { head, more: [], moreLength: 0, omittedLength: 0 };
	const [kept, omitted] = splitSegments(rest, more);
	return { head, more: kept, moreLength: sourceLength(kept), omittedLength: sourceLength(omitted) };
}
