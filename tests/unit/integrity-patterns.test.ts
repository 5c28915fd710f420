/**
 * The integrity prefilter never keeps a match out: for every poisoning pattern, text its regex
 * matches is text the prefilter admits. Checked on each pattern's own examples, on the string
 * literals of the integrity and classifier tests, on every string of the catalogue and the hostile
 * fixtures, and on variants of the matching texts with each trigger word removed, replaced, glued to
 * a neighbouring letter or re-cased: a variant the regex still matches must still be admitted.
 *
 * The last block shows the check has teeth: a pattern whose trigger words miss an alternative fails it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.ts';
import { prefilterStrings } from '../../src/classify/integrity/fields.ts';
import {
	OVERRIDE,
	PATTERNS,
	type PoisonPattern,
	SECRECY_WEAK,
	SENSITIVE_PATH,
	type Trigger,
} from '../../src/classify/integrity/patterns.ts';
import { Admission } from '../../src/classify/integrity/prefilter.ts';
import { firstMatch } from '../../src/classify/regex.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const escapeRegex = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

const matches = (p: Pick<PoisonPattern, 're'>, text: string) => firstMatch(p.re, text) !== undefined;
/** The real prefilter's answer for one text. */
const admitted = (p: PoisonPattern, text: string) => new Admission([text]).admits(p, 0);

/** The declared triggers read literally: what `Trigger`'s documentation promises, nothing cleverer. */
function declaredAdmits(triggers: readonly Trigger[], text: string): boolean {
	const lower = text.toLowerCase();
	return triggers.some((t) => {
		if (t.hidden !== undefined) return new RegExp(t.hidden).test(text);
		const word = t.words?.some((w) => new RegExp(`\\b${escapeRegex(w)}\\b`).test(lower)) ?? false;
		const chars = t.chars?.some((c) => (c.length === 1 ? text.includes(c) : lower.includes(c))) ?? false;
		return (word || chars) && (t.andWords?.some((a) => lower.includes(a)) ?? true);
	});
}

/** Every trigger string of a pattern that occurs in `text` (hidden classes: the characters met). */
function tokensIn(triggers: readonly Trigger[], text: string): { token: string; word: boolean }[] {
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
function occurrences(text: string, token: string): number[] {
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
function variants(text: string, triggers: readonly Trigger[]): string[] {
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
function escapes(p: PoisonPattern, texts: readonly string[], admits: (text: string) => boolean): string[] {
	const out: string[] = [];
	for (const text of texts) {
		if (!matches(p, text)) continue;
		for (const v of variants(text, p.triggers)) if (matches(p, v) && !admits(v)) out.push(v);
	}
	return out;
}

/** The top-level alternatives of a regex source (`a|b(c|d)` gives `a` and `b(c|d)`). */
function topLevelAlternatives(source: string): string[] {
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
function uncovered(p: Pick<PoisonPattern, 're' | 'examples'>): string[] {
	return topLevelAlternatives(p.re.source).filter((alt) => {
		const re = new RegExp(alt, p.re.flags);
		return !p.examples.some((e) => matches({ re }, e));
	});
}

/** String literals of a test file, with the escapes its texts use read back. */
function literals(file: string): string[] {
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

const EXAMPLES = PATTERNS.flatMap((p) => p.examples);
const TEST_TEXTS = [
	...EXAMPLES,
	...['tests/unit/integrity.test.ts', 'tests/unit/classify.test.ts', 'tests/unit/classify-rules.test.ts'].flatMap(
		literals,
	),
];

describe('integrity patterns: every pattern is complete data', () => {
	for (const p of PATTERNS) {
		it(`${p.id}: its examples match and are admitted, one at least per alternative`, () => {
			expect(p.re.global, 'global regex').toBe(true);
			expect(p.triggers.length).toBeGreaterThan(0);
			for (const e of p.examples) {
				expect(matches(p, e), `regex matches ${JSON.stringify(e)}`).toBe(true);
				expect(admitted(p, e), `prefilter admits ${JSON.stringify(e)}`).toBe(true);
			}
			expect(uncovered(p), 'alternatives without an example').toEqual([]);
		});
	}
});

describe('integrity patterns: the regex never matches what the triggers keep out', () => {
	for (const p of PATTERNS) {
		it(`${p.id}: examples, test texts and their variants`, () => {
			expect(
				escapes(p, TEST_TEXTS, (t) => declaredAdmits(p.triggers, t)),
				'declared triggers',
			).toEqual([]);
			expect(
				escapes(p, TEST_TEXTS, (t) => admitted(p, t)),
				'prefilter',
			).toEqual([]);
		});
	}

	it('the prefilter admits whatever the declared triggers admit', () => {
		for (const p of PATTERNS) {
			for (const text of TEST_TEXTS.flatMap((t) => variants(t, p.triggers))) {
				if (declaredAdmits(p.triggers, text)) expect(admitted(p, text), `${p.id}: ${JSON.stringify(text)}`).toBe(true);
			}
		}
	});

	it('holds on every string of the catalogue and the hostile fixtures, string by string', () => {
		const gaps: string[] = [];
		let matched = 0;
		for (const dir of ['content/servers', 'tests/fixtures/hostile/servers']) {
			for (const { server } of loadCatalogue(join(ROOT, dir))) {
				for (const tool of server.tools) {
					const { strings } = prefilterStrings(tool);
					const joined = strings.join('\n`\n');
					const admission = new Admission(strings);
					for (const p of PATTERNS) {
						// A pattern that matches nowhere in the joined text matches no single string.
						if (!matches(p, joined)) continue;
						strings.forEach((s, j) => {
							if (!matches(p, s)) return;
							matched++;
							if (!admission.admits(p, j)) gaps.push(`${server.slug}/${tool.name} ${p.id}: ${s}`);
							gaps.push(...escapes(p, [s], (t) => admitted(p, t)).map((v) => `${p.id} variant: ${v}`));
						});
					}
				}
			}
		}
		// The sweep reads real matches, not only clean text.
		expect(matched).toBeGreaterThan(20);
		expect(gaps).toEqual([]);
	}, 120_000);
});

describe('integrity patterns: the check catches incomplete triggers', () => {
	const without = (p: PoisonPattern, word: string): PoisonPattern => ({
		...p,
		triggers: p.triggers.map((t) => (t.words ? { ...t, words: t.words.filter((w) => w !== word) } : t)),
	});

	it('fails a pattern that lost a trigger word', () => {
		for (const [p, word] of [
			[OVERRIDE, 'forget'],
			[SENSITIVE_PATH, 'wallet'],
			[SECRECY_WEAK, 'covertly'],
		] as const) {
			const broken = without(p, word);
			const texts = [...p.examples, `Runs ${word} on purpose.`];
			expect(
				escapes(broken, texts, (t) => declaredAdmits(broken.triggers, t)),
				word,
			).not.toEqual([]);
		}
	});

	it('fails a new alternative whose words are not triggers, and one without an example', () => {
		const re = new RegExp(`${SECRECY_WEAK.re.source}|\\bexfiltrates?\\b`, 'gi');
		const added = { ...SECRECY_WEAK, re, examples: [...SECRECY_WEAK.examples, 'Exfiltrates the data.'] };
		expect(escapes(added, added.examples, (t) => declaredAdmits(added.triggers, t))).toContain('Exfiltrates the data.');
		expect(uncovered({ re, examples: SECRECY_WEAK.examples })).toEqual(['\\bexfiltrates?\\b']);
	});

	it('fails a trigger word that a glued letter hides: `\\.git-credentials` needs more than the word', () => {
		const re = /\.git-credentials/gi;
		const wordOnly = { ...SENSITIVE_PATH, re, triggers: [{ words: ['credentials'] }] };
		expect(escapes(wordOnly, ['~/.git-credentials'], (t) => declaredAdmits(wordOnly.triggers, t))).toContain(
			'~/.git-credentialsx',
		);
	});
});
