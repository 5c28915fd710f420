import { describe, expect, it } from 'vitest';
import {
	countHidden,
	hiddenToken,
	RUN_MIN,
	replaceHidden,
	revealHidden,
	visibleName,
	visibleText,
} from '../../src/text/reveal.ts';
import { byCodePoint, figure, itemRange, plural, withArticle } from '../../src/text/words.ts';

describe('revealHidden', () => {
	it('shows zero-width, bidi, tag and control characters as tokens', () => {
		const text = 'a\u200Bb\u202Ec\u{E0041}d\u001B[31me';
		expect(visibleText(text)).toBe('a⟦U+200B⟧b⟦U+202E⟧c⟦U+E0041⟧d⟦U+001B⟧[31me');
		expect(countHidden(text)).toBe(4);
		const tag = revealHidden('\u{E0041}')[0];
		expect(tag).toMatchObject({ kind: 'hidden', code: 'U+E0041' });
		expect(tag?.kind === 'hidden' && tag.label).toContain('A');
	});

	it('shows a run of one hidden character as one token with its count', () => {
		const text = `a${'\u200B'.repeat(300_000)}b`;
		expect(visibleText(text)).toBe('a⟦U+200B ×300000⟧b');
		expect(revealHidden(text)).toEqual([
			{ kind: 'text', text: 'a' },
			{ kind: 'hidden', code: 'U+200B', label: 'zero-width space', count: 300_000, char: '\u200B' },
			{ kind: 'text', text: 'b' },
		]);
		// Astral characters count as characters, not UTF-16 units.
		expect(visibleText('\u{E0041}'.repeat(4))).toBe('⟦U+E0041 ×4⟧');
		expect(countHidden(text)).toBe(300_000);
	});

	it('keeps a token per character below RUN_MIN and for runs of different characters', () => {
		expect(RUN_MIN).toBe(3);
		expect(visibleText('a\u200B\u200Bb')).toBe('a⟦U+200B⟧⟦U+200B⟧b');
		expect(revealHidden('\u200B\u200B').map((s) => s.kind === 'hidden' && s.count)).toEqual([1, 1]);
		expect(visibleText('\u200B\u200C\u200B\u200C')).toBe('⟦U+200B⟧⟦U+200C⟧⟦U+200B⟧⟦U+200C⟧');
		expect(visibleText('\u200B\u200B\u200Bx\u200B')).toBe('⟦U+200B ×3⟧x⟦U+200B⟧');
		expect(hiddenToken('U+00AD', 2)).toBe('⟦U+00AD⟧⟦U+00AD⟧');
		const runs = visibleText('\u200B'.repeat(5));
		expect(visibleText(runs)).toBe(runs);
	});

	it('leaves ordinary text, tabs and newlines alone', () => {
		expect(revealHidden('héllo\tworld\n<b>')).toEqual([{ kind: 'text', text: 'héllo\tworld\n<b>' }]);
		expect(visibleText('Ünïcödé — 日本語, emoji 😀, spaces\u00a0\u3000 and ⟦tokens⟧')).toBe(
			'Ünïcödé — 日本語, emoji 😀, spaces\u00a0\u3000 and ⟦tokens⟧',
		);
	});

	// The characters a fixed list missed: each class is caught by its Unicode property, not by name.
	it.each([
		['deprecated format characters', 0x206a],
		['Mongolian free variation selector', 0x180b],
		['Hangul fillers', 0x3164],
		['Hangul choseong filler', 0x115f],
		['Khmer inherent vowel', 0x17b4],
		['musical symbol formatting', 0x1d173],
		['shorthand format controls', 0x1bca0],
		['Egyptian hieroglyph format controls', 0x13430],
		['tag characters beyond ASCII', 0xe0080],
		['braille pattern blank', 0x2800],
		['Arabic number sign', 0x0600],
		['Arabic end of ayah', 0x06dd],
		['Syriac abbreviation mark', 0x070f],
		['Arabic disputed end of ayah', 0x08e2],
		['line separator', 0x2028],
		['paragraph separator', 0x2029],
		['variation selector 16', 0xfe0f],
		['variation selector supplement', 0xe0100],
		['private use', 0xe000],
		['supplementary private use', 0x10fffd],
		['unassigned', 0x0378],
		['noncharacter', 0xfffe],
		['bidi isolate', 0x2067],
		['C1 control', 0x009b],
	])('reveals %s (U+%s)', (_, cp) => {
		const text = `a${String.fromCodePoint(cp)}b`;
		const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
		expect(visibleText(text)).toBe(`a⟦${code}⟧b`);
		expect(visibleText(visibleText(text))).toBe(visibleText(text));
		expect(revealHidden(text)[1]).toMatchObject({ kind: 'hidden', code, label: expect.any(String) });
	});

	it('shows in names the whitespace a page would collapse or pass off as a space', () => {
		expect(visibleName('get item')).toBe('get item');
		expect(visibleName(' get_item')).toBe('⟦U+0020⟧get_item');
		expect(visibleName('get_item ')).toBe('get_item⟦U+0020⟧');
		expect(visibleName('get  item')).toBe('get ⟦U+0020⟧item');
		expect(visibleName('get\u00A0item\titem')).toBe('get⟦U+00A0⟧item⟦U+0009⟧item');
		expect(visibleName('a\u200Bb')).toBe('a⟦U+200B⟧b');
	});

	it('reveals a lone surrogate', () => {
		expect(visibleText('x\ud800y')).toBe('x⟦U+D800⟧y');
		expect(visibleText('\udc00\ud83d\ude00\ud83d')).toBe('⟦U+DC00⟧😀⟦U+D83D⟧');
	});

	// The scan looks for candidates with a cheap class and tries the property set only there: it must find
	// exactly what one pass of the property set finds, surrogate pairs and lone halves included.
	it('finds what a plain scan with the Unicode property set finds', () => {
		const property =
			/[[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}\p{Variation_Selector}\p{Bidi_Control}\u{2800}]--[\t\n\r]]/gv;
		const reference = (text: string) =>
			text.replace(
				property,
				(ch) => `⟦U+${(ch.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}⟧`,
			);
		const pieces = [
			'a',
			' ',
			'\t',
			'\n',
			'~',
			'\u007f',
			'\u0085',
			'é',
			'’',
			'\u00ad',
			'\u200b',
			'\u2800',
			'日',
			'\ufe0f',
			'😀',
			'\u{e0041}',
			'\u{1d173}',
			'\ud800',
			'\udfff',
			'\u0378',
		];
		let seed = 7;
		const next = () => {
			seed = (seed * 1103515245 + 12345) % 2 ** 31;
			return seed;
		};
		for (let i = 0; i < 2000; i++) {
			const text = Array.from({ length: next() % 12 }, () => pieces[next() % pieces.length]).join('');
			// Per character, as the reference marks them (visibleText folds runs of RUN_MIN into one token).
			const perChar = replaceHidden(text, (_, cp) => `⟦U+${cp.toString(16).toUpperCase().padStart(4, '0')}⟧`);
			expect(perChar, JSON.stringify(text)).toBe(reference(text));
		}
	});
});

describe('words', () => {
	it('chooses the right article', () => {
		expect(withArticle('Execute')).toBe('an Execute');
		expect(withArticle('Write')).toBe('a Write');
		expect(withArticle('Medium', true)).toBe('A Medium');
		expect(withArticle('Execute', true)).toBe('An Execute');
	});
	it('pluralises', () => {
		expect(plural(1, 'tool')).toBe('1 tool');
		expect(plural(20000, 'tool')).toBe('20,000 tools');
	});
	it('prints figures and page ranges with thousands separators', () => {
		expect(figure(1083)).toBe('1,083');
		expect(figure(999)).toBe('999');
		expect(itemRange(100, 199, 4234)).toBe('101–200 of 4,234');
		expect(itemRange(999, 1098, 1099)).toBe('1,000–1,099 of 1,099');
	});
});

describe('byCodePoint', () => {
	it("orders by code point, whatever the machine's locale would collate", () => {
		expect(['mcp_b', 'mcp-b', 'mcpB', 'mcp.b', 'mcpa'].sort(byCodePoint)).toEqual([
			'mcp-b',
			'mcp.b',
			'mcpB',
			'mcp_b',
			'mcpa',
		]);
		expect(byCodePoint('x', 'x')).toBe(0);
	});
});
