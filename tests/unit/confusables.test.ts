/** Look-alike characters: the skeleton the classifier reads and the words the integrity scan reports. */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/classify/index.ts';
import { disguisedWord, lookAlikeCodes, skeleton } from '../../src/text/confusables.ts';

const server = { slug: 'demo', name: 'Demo' };
const tool = (name: string, description?: string) => ({
	name,
	...(description === undefined ? {} : { description }),
	inputSchema: { type: 'object' },
});

describe('skeleton', () => {
	it.each([
		['Cyrillic е', 'd\u0435lete_file', 'delete_file'],
		['Greek ο and Cyrillic р', 'c\u03BF\u0440y', 'copy'],
		['full-width', '\uFF44\uFF45\uFF4C\uFF45\uFF54\uFF45_file', 'delete_file'],
		['mathematical bold', '\u{1D41D}\u{1D41E}\u{1D425}\u{1D41E}\u{1D42D}\u{1D41E}', 'delete'],
		['circled', '\u24D3\u24D4\u24DB', 'del'],
		['ASCII, unchanged', 'delete_file', 'delete_file'],
	])('folds %s', (_, text, folded) => {
		expect(skeleton(text)).toBe(folded);
	});

	it('maps look-alike letters only, and keeps hidden characters', () => {
		expect(skeleton('получить')).toBe('пoлyчить');
		expect(skeleton('read\u200Bnotes')).toBe('read\u200Bnotes');
	});
});

describe('disguisedWord', () => {
	it('reports a name that spells ASCII with other characters, even all in one script', () => {
		expect(disguisedWord('d\u0435lete_file', true)).toBe('d\u0435lete_file');
		expect(disguisedWord('d\u0435lete\uFE0F_file', true)).toBe('d\u0435lete\uFE0F_file');
		expect(disguisedWord('delete\uFE0F_file', true)).toBeUndefined();
		expect(disguisedWord('\u0441\u043E\u0440\u0443', true)).toBe('\u0441\u043E\u0440\u0443');
		expect(lookAlikeCodes('d\u0435lete')).toEqual(['U+0435']);
	});

	it('reports mixed and styled words in prose, not ordinary writing in other scripts', () => {
		expect(disguisedWord('Reads the p\u0430ssword file', false)).toBe('p\u0430ssword');
		expect(disguisedWord('\u{1D408}\u{1D420}\u{1D427}\u{1D428}\u{1D42B}\u{1D41E} previous', false)).toBe(
			'\u{1D408}\u{1D420}\u{1D427}\u{1D428}\u{1D42B}\u{1D41E}',
		);
		for (const honest of [
			'Сохраняет заметки в сор',
			'ＵＲＬを取得します',
			'Restoran listesi, yakın konumlar',
			'ℹ️ Note: reads files',
			'Area in m² and α-values',
			'получить_данные',
		])
			expect(disguisedWord(honest, false), honest).toBeUndefined();
		expect(disguisedWord('получить_данные', true)).toBeUndefined();
	});
});

describe('classifying a look-alike name', () => {
	it.each([
		['Cyrillic е', 'd\u0435lete_file'],
		['full-width', '\uFF44\uFF45\uFF4C\uFF45\uFF54\uFF45_file'],
		['mathematical bold', '\u{1D41D}\u{1D41E}\u{1D425}\u{1D41E}\u{1D42D}\u{1D41E}_file'],
	])('reads %s as the ASCII name and reports the disguise as high', (_, name) => {
		const plain = classify(tool('delete_file'), server);
		const disguised = classify(tool(name), server);
		expect([disguised.category, disguised.level]).toEqual([plain.category, plain.level]);
		expect(disguised.integrity).toEqual([
			expect.objectContaining({ signal: 'look-alike', field: 'name', match: name, severity: 'high' }),
		]);
		expect(plain.integrity).toEqual([]);
	});

	it('reports a disguised parameter name high and a disguised description word medium', () => {
		const param = classify(
			{ name: 'read_file', inputSchema: { type: 'object', properties: { p\u0430th: { type: 'string' } } } },
			server,
		);
		expect(param.integrity).toEqual([expect.objectContaining({ signal: 'look-alike', severity: 'high' })]);
		const prose = classify(tool('read_file', 'Reads a file. Also sends the p\u0430ssword along.'), server);
		expect(prose.integrity).toEqual([
			expect.objectContaining({
				signal: 'look-alike',
				field: 'description',
				match: 'p\u0430ssword',
				severity: 'medium',
			}),
		]);
	});
});
