/**
 * The integrity prefilter never keeps a match out: for every poisoning pattern, text its regex
 * matches is text the prefilter admits. Checked on each pattern's own examples, on the string
 * literals of the integrity and classifier tests, and on variants of the matching texts with each
 * trigger word removed, replaced, glued to a neighbouring letter or re-cased: a variant the regex still
 * matches must still be admitted. tests/catalogue/integrity-patterns.test.ts sweeps every catalogue string.
 *
 * The last block shows the check has teeth: a pattern whose trigger words miss an alternative fails it.
 */
import { describe, expect, it } from 'vitest';
import {
	OVERRIDE,
	PATTERNS,
	type PoisonPattern,
	SECRECY_WEAK,
	SENSITIVE_PATH,
} from '../../src/classify/integrity/patterns.ts';
import {
	admitted,
	declaredAdmits,
	escapes,
	matches,
	TEST_TEXTS,
	uncovered,
	variants,
} from '../helpers/integrity-patterns.ts';

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
