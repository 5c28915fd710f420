/**
 * Small wording helpers shared by the rationale and the contradiction messages: articles, quoting with
 * hidden characters made visible, and a readable name for an evidence field.
 */
import { revealHidden, segmentVisible } from '../text/reveal.ts';

/** Longest quotation, in characters, ellipsis included. */
export const MAX_QUOTE = 80;

const VOWEL_START = /^[aeiou]/i;
const WHITESPACE = /\s+/g;
const PARAM_IN_PATH = /\.properties\.([^.[\]]+)(?:\.|\[|$)/g;

/** "a" or "an" for the words the rationale puts after an article (category and level names, labels). */
export function article(word: string): 'a' | 'an' {
	return VOWEL_START.test(word) ? 'an' : 'a';
}

/** "an Execute", "a Write". */
export function withArticle(word: string): string {
	return `${article(word)} ${word}`;
}

export function capitalize(text: string): string {
	return text.length === 0 ? text : text[0]?.toUpperCase() + text.slice(1);
}

/**
 * Quotes untrusted text: whitespace collapsed, hidden characters shown as ⟦U+XXXX⟧, at most
 * MAX_QUOTE characters (ending in … when cut), never cutting a ⟦U+XXXX⟧ token in half.
 */
export function quote(text: string): string {
	const pieces: string[] = [];
	for (const seg of revealHidden(text)) {
		if (seg.kind === 'hidden') pieces.push(segmentVisible(seg));
		else for (const ch of seg.text.replace(WHITESPACE, ' ')) pieces.push(ch);
	}
	const whole = pieces.join('').trim();
	if (Array.from(whole).length <= MAX_QUOTE) return `"${whole}"`;
	let out = '';
	let length = 0;
	for (const piece of pieces) {
		const n = Array.from(piece).length;
		if (length + n > MAX_QUOTE - 1) break;
		out += piece;
		length += n;
	}
	return `"${out.trimEnd()}…"`;
}

/** The parameter an input-schema path points at (`inputSchema.properties.opts.properties.url` → `opts.url`). */
export function paramFromPath(path: string): string | undefined {
	const names: string[] = [];
	PARAM_IN_PATH.lastIndex = 0;
	for (let m = PARAM_IN_PATH.exec(path); m !== null; m = PARAM_IN_PATH.exec(path)) {
		names.push(m[1] as string);
		// The trailing separator belongs to the next segment's leading dot.
		PARAM_IN_PATH.lastIndex = m.index + m[0].length - (m[0].endsWith('.') || m[0].endsWith('[') ? 1 : 0);
	}
	PARAM_IN_PATH.lastIndex = 0;
	return names.length > 0 ? names.join('.') : undefined;
}

/**
 * Where a piece of evidence came from, for a parenthesis after a sentence:
 * `name: "delete"`, `description: "Delete a VLAN"`, `parameter "url"`, `parameter "action": "delete"`.
 */
export function sourceLabel(field: string, match: string): string {
	const q = quote(match);
	if (field === 'name' || field === 'title' || field === 'description') return `${field}: ${q}`;
	if (field === 'annotations.title') return `annotation title: ${q}`;
	if (field.startsWith('annotations.')) return `${field.slice('annotations.'.length)}: ${match}`;
	if (field === 'curated') return 'curated override';
	const param = paramFromPath(field);
	if (param !== undefined) {
		const where = field.startsWith('outputSchema') ? 'output field' : 'parameter';
		return match === param || match === param.split('.').at(-1)
			? `${where} ${quote(param)}`
			: `${where} ${quote(param)}: ${q}`;
	}
	return `${field}: ${q}`;
}
