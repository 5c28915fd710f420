/**
 * Look-alike characters: letters of other scripts and compatibility forms that read as ASCII letters.
 * `dеlete_file` with a Cyrillic е looks like `delete_file` to a reviewer, but not to a word list, so
 * the classifier reads the name's confusable skeleton and the integrity scan reports the disguise.
 *
 * The skeleton is NFKC (which folds full-width, mathematical alphanumeric, circled, super- and
 * subscript and other compatibility spellings to their plain letters) followed by a small table of
 * Cyrillic, Greek, Armenian and Latin look-alikes of ASCII letters. Hidden characters stay: they
 * separate words as the name's reader splits them, and the reveal and the integrity scan show them.
 * It is a deliberately small subset of Unicode's confusables data (UTS #39): the letters that render
 * like ASCII in common fonts, not every character that could be mistaken for one.
 */
import { codePointLabel, replaceHidden } from './reveal.ts';

/** Look-alike → ASCII letter. Cyrillic, Greek, Armenian and IPA letters that render as the ASCII letter. */
const TABLE: Readonly<Record<string, string>> = {
	// Cyrillic
	а: 'a',
	е: 'e',
	о: 'o',
	р: 'p',
	с: 'c',
	у: 'y',
	х: 'x',
	і: 'i',
	ј: 'j',
	ѕ: 's',
	ԁ: 'd',
	ԛ: 'q',
	ԝ: 'w',
	һ: 'h',
	ӏ: 'l',
	ү: 'y',
	А: 'A',
	В: 'B',
	Е: 'E',
	К: 'K',
	М: 'M',
	Н: 'H',
	О: 'O',
	Р: 'P',
	С: 'C',
	Т: 'T',
	Х: 'X',
	У: 'Y',
	Ү: 'Y',
	І: 'I',
	Ј: 'J',
	Ѕ: 'S',
	Ԛ: 'Q',
	Ԝ: 'W',
	Һ: 'H',
	Ӏ: 'I',
	// Greek
	α: 'a',
	ο: 'o',
	ν: 'v',
	ρ: 'p',
	ι: 'i',
	υ: 'u',
	ϲ: 'c',
	ϳ: 'j',
	Α: 'A',
	Β: 'B',
	Ε: 'E',
	Ζ: 'Z',
	Η: 'H',
	Ι: 'I',
	Κ: 'K',
	Μ: 'M',
	Ν: 'N',
	Ο: 'O',
	Ρ: 'P',
	Τ: 'T',
	Υ: 'Y',
	Χ: 'X',
	Ϲ: 'C',
	Ϳ: 'J',
	// Armenian
	օ: 'o',
	ս: 'u',
	հ: 'h',
	ո: 'n',
	// Latin letters outside ASCII that read as ASCII ones (ordinary letters in some languages: Turkish ı)
	ı: 'i',
	ȷ: 'j',
	ɑ: 'a',
	ɡ: 'g',
	ɩ: 'i',
};

/** The table's keys as one character class (all are single BMP code units). */
const TABLE_CLASS = Object.keys(TABLE).join('');
/** The table's letters of other scripts than Latin: a word mixing them with ASCII is no language's spelling. */
const SCRIPT_CLASS = Object.keys(TABLE)
	.filter((ch) => !/\p{Script=Latin}/u.test(ch))
	.join('');

/**
 * Characters that may turn a word into a look-alike of an ASCII one, as a class over UTF-16 code units:
 * the table's letters, full-width forms, letterlike symbols and number forms, circled letters, super- and
 * subscripts, modifier letters, and (as `LOOK_ALIKE_ASTRAL`) mathematical alphanumerics.
 */
export const LOOK_ALIKE_BMP = `[${TABLE_CLASS}\\uFF01-\\uFF5E\\u2100-\\u218F\\u24B6-\\u24E9\\u2070-\\u209F\\u1D2C-\\u1D6A]`;
/** Mathematical alphanumeric symbols (U+1D400–U+1D7FF): their high surrogate and low surrogates. */
export const LOOK_ALIKE_ASTRAL = '\\uD835[\\uDC00-\\uDFFF]';
/** The same symbols as a code-point class, for regexes with the `u` flag (which see a pair as one character). */
export const LOOK_ALIKE_MATH = '[\\u{1D400}-\\u{1D7FF}]';

const TABLE_RE = new RegExp(`[${TABLE_CLASS}]`, 'g');
const ASCII = /^[\x20-\x7e]*$/;

/**
 * The confusable skeleton of a text: NFKC, then look-alike letters mapped to ASCII.
 * Text made of ASCII only is returned as it is (the common case costs one test).
 */
export function skeleton(text: string): string {
	if (ASCII.test(text)) return text;
	return text.normalize('NFKC').replace(TABLE_RE, (ch) => TABLE[ch] ?? ch);
}

/** Letters, marks, digits, underscores and circled letters: one word of a name or a sentence. */
const WORD = /[\p{L}\p{M}\p{N}_\u24B6-\u24E9]+/gu;
const ASCII_ALNUM = /[A-Za-z0-9]/;
const LOOK_ALIKE_CHAR = new RegExp(`${LOOK_ALIKE_BMP}|${LOOK_ALIKE_MATH}`, 'u');
/** Compatibility letters no ordinary text of any script is written in (mathematical, circled, letterlike). */
const STYLED = /[\u{1D400}-\u{1D7FF}\u24B6-\u24E9\u2100-\u214F]/u;
const SCRIPT_LETTER = new RegExp(`[${SCRIPT_CLASS}]`);
/** A styled single letter is a symbol (ℹ in "ℹ️ Note"), not a disguised word. */
const MIN_PROSE_WORD = 2;
const FULL_WIDTH = /[\uFF01-\uFF5E]/;

/**
 * The first word of `text` disguised as an ASCII word: its skeleton is printable ASCII but it is not.
 * In an identifier (a tool or parameter name) any such word counts, since a name has no reason to spell
 * ASCII with other characters. In prose, whole words of Cyrillic or Greek (`сор` is a Russian word) and
 * whole full-width words (`ＵＲＬ` in Japanese text) are ordinary typography, and Turkish writes ı among
 * ASCII letters, so only a word that mixes ASCII with Cyrillic, Greek, Armenian or full-width look-alikes,
 * or uses styled letters (mathematical, circled, letterlike) for two letters or more, counts.
 */
export function disguisedWord(text: string, identifier: boolean): string | undefined {
	if (!LOOK_ALIKE_CHAR.test(text)) return undefined;
	for (const [word] of text.matchAll(WORD)) {
		if (!LOOK_ALIKE_CHAR.test(word)) continue;
		// Hidden characters (a variation selector is a mark, so inside the word) must not hide the disguise.
		const folded = replaceHidden(skeleton(word), () => '');
		if (!ASCII.test(folded) || folded === replaceHidden(word, () => '')) continue;
		if (identifier) return word;
		const mixed = ASCII_ALNUM.test(word) && (SCRIPT_LETTER.test(word) || FULL_WIDTH.test(word));
		if (mixed || (STYLED.test(word) && folded.length >= MIN_PROSE_WORD)) return word;
	}
	return undefined;
}

/** The look-alike characters of a word, as `U+XXXX` labels, for a finding's explanation. */
export function lookAlikeCodes(word: string): string[] {
	return [...new Set(Array.from(word).filter((ch) => !ASCII.test(ch)))].map((ch) =>
		codePointLabel(ch.codePointAt(0) as number),
	);
}
