import { describe, expect, it } from 'vitest';
import { countHidden, revealHidden, visibleText } from '../../src/text/reveal.ts';
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

	it('leaves ordinary text, tabs and newlines alone', () => {
		expect(revealHidden('héllo\tworld\n<b>')).toEqual([{ kind: 'text', text: 'héllo\tworld\n<b>' }]);
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
