/**
 * Shared by the integrity-pattern tests (tests/unit and tests/catalogue): the real prefilter's answer,
 * the declared triggers read literally, and variants of a text with each trigger word removed, replaced,
 * glued to a neighbouring letter or re-cased.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PATTERNS, type PoisonPattern, type Trigger } from '../../src/classify/integrity/patterns.ts';
import { Admission } from '../../src/classify/integrity/prefilter.ts';
import { firstMatch } from '../../src/classify/regex.ts';

export const ROOT = join(import.meta.dirname, '..', '..');
export const escapeRegex = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

export const matches = (p: Pick<PoisonPattern, 're'>, text: string) => firstMatch(p.re, text) !== undefined;
/** The real prefilter's answer for one text. */
export const admitted = (p: PoisonPattern, text: string) => new Admission([text]).admits(p, 0);

/** The declared triggers read literally: what `Trigger`'s documentation promises, nothing cleverer. */
export function declaredAdmits(triggers: readonly Trigger[], text: string): boolean {
	const lower = text.toLowerCase();
	return triggers.some((t) => {
		if (t.hidden !== undefined) return new RegExp(t.hidden).test(text);
		const word = t.words?.some((w) => new RegExp(`\\b${escapeRegex(w)}\\b`).test(lower)) ?? false;
		const chars = t.chars?.some((c) => (c.length === 1 ? text.includes(c) : lower.includes(c))) ?? false;
		return (word || chars) && (t.andWords?.some((a) => lower.includes(a)) ?? true);
	});
}

/** Every trigger string of a pattern that occurs in `text` (hidden classes: the characters met). */
export function tokensIn(triggers: readonly Trigger[], text: string): { token: string; word: boolean }[] {
	const lower = text.toLowerCase();
	const out = new Map<string, boolean>();
	for (const t of triggers) {
		if (t.hidden !== undefined) for (const m of text.matchAll(new RegExp(t.hidden, 'g'))) out.set(m[0], false);
		for (const w of t.words ?? []) if (lower.includes(w)) out.set(w, true);
		for (const c of [...(t.chars ?? []), ...(t.andWords ?? [])]) if (lower.includes(c)) out.set(c, out.get(c) ?? false);
	}
	return [...out].map(([token, word]) => ({ token, word }));
}

/** Indices of `token` in `text`, case-insensitively for letters. */
export function occurrences(text: string, token: string): number[] {
	const lower = text.toLowerCase();
	const out: number[] = [];
	const hidden = token.toLowerCase() === token.toUpperCase();
	for (let i = (hidden ? text : lower).indexOf(token); i !== -1; i = (hidden ? text : lower).indexOf(token, i + 1))
		out.push(i);
	return out;
}

/**
 * `text` and texts near it that a careless trigger list would let through: each trigger occurrence
 * removed, replaced, or (for words) glued to a letter on either side; every occurrence of a trigger
 * removed; all triggers removed; the text upper- and lowercased.
 */
export function variants(text: string, triggers: readonly Trigger[]): string[] {
	const out = [text, text.toUpperCase(), text.toLowerCase()];
	const tokens = tokensIn(triggers, text);
	let none = text;
	for (const { token, word } of tokens) {
		const at = occurrences(text, token);
		for (const i of at) {
			const before = text.slice(0, i);
			const after = text.slice(i + token.length);
			out.push(before + after, `${before}zq${after}`);
			if (word) out.push(`${before}x${text.slice(i)}`, `${before}${text.slice(i, i + token.length)}x${after}`);
		}
		out.push(text.split(token).join(''), text.split(token).join(' '));
		none = none.split(token).join(' ');
	}
	out.push(none);
	return out;
}

/** Variants of `texts` that `p`'s regex matches but `admits` keeps out: each is a gap in the triggers. */
export function escapes(p: PoisonPattern, texts: readonly string[], admits: (text: string) => boolean): string[] {
	const out: string[] = [];
	for (const text of texts) {
		if (!matches(p, text)) continue;
		for (const v of variants(text, p.triggers)) if (matches(p, v) && !admits(v)) out.push(v);
	}
	return out;
}

/** The top-level alternatives of a regex source (`a|b(c|d)` gives `a` and `b(c|d)`). */
export function topLevelAlternatives(source: string): string[] {
	const out: string[] = [];
	let depth = 0;
	let inClass = false;
	let start = 0;
	for (let i = 0; i < source.length; i++) {
		const c = source[i];
		if (c === '\\') i++;
		else if (inClass) inClass = c !== ']';
		else if (c === '[') inClass = true;
		else if (c === '(') depth++;
		else if (c === ')') depth--;
		else if (c === '|' && depth === 0) {
			out.push(source.slice(start, i));
			start = i + 1;
		}
	}
	out.push(source.slice(start));
	return out;
}

/** Alternatives of `p`'s regex that none of its examples exercises. */
export function uncovered(p: Pick<PoisonPattern, 're' | 'examples'>): string[] {
	return topLevelAlternatives(p.re.source).filter((alt) => {
		const re = new RegExp(alt, p.re.flags);
		return !p.examples.some((e) => matches({ re }, e));
	});
}

/** String literals of a test file, with the escapes its texts use read back. */
export function literals(file: string): string[] {
	const source = readFileSync(join(ROOT, file), 'utf8');
	const out: string[] = [];
	for (const m of source.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\$]|\\.)*)`/g)) {
		const raw = m[1] ?? m[2] ?? m[3] ?? '';
		out.push(
			raw
				.replace(/\\u\{([0-9a-fA-F]+)\}/g, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
				.replace(/\\u([0-9a-fA-F]{4})|\\x([0-9a-fA-F]{2})/g, (_, u?: string, x?: string) =>
					String.fromCharCode(Number.parseInt(u ?? x ?? '', 16)),
				)
				.replace(/\\n/g, '\n')
				.replace(/\\t/g, '\t')
				.replace(/\\(.)/g, '$1'),
		);
	}
	return out;
}

export const EXAMPLES = PATTERNS.flatMap((p) => p.examples);
export const TEST_TEXTS = [
	...EXAMPLES,
	...['tests/unit/integrity.test.ts', 'tests/unit/classify.test.ts', 'tests/unit/classify-rules.test.ts'].flatMap(
		literals,
	),
];
