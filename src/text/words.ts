/** Small English helpers so generated sentences read correctly ("an Execute tool", not "a Execute tool"). */

/** Prefixes a word with "a" or "an" by its sound (initial vowel letter; no exceptions needed for our labels). */
export function withArticle(word: string, capital = false): string {
	const article = /^[aeiou]/i.test(word) ? 'an' : 'a';
	return `${capital ? article[0]?.toUpperCase() + article.slice(1) : article} ${word}`;
}

/** A count as the site prints it: "9,503" (fixed locale, so every build prints the same). */
export function figure(n: number): string {
	return n.toLocaleString('en-US');
}

/** A rate as the site and `npm run evaluate` print it: "81.6%", or "n/a" when nothing was measured. */
export function percent(rate: number | undefined): string {
	return rate === undefined ? 'n/a' : `${(rate * 100).toFixed(1)}%`;
}

/** Which items a page of a listing shows, 1-based and inclusive: "101–200 of 4,234". */
export function itemRange(start: number, end: number, total: number): string {
	return `${figure(start + 1)}–${figure(end + 1)} of ${figure(total)}`;
}

/** "1 tool", "2 tools", "1,083 tools". */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
	return `${figure(n)} ${n === 1 ? singular : pluralForm}`;
}

/**
 * Orders two strings by code point. `localeCompare` follows the collation of the machine's locale (its
 * ICU data and LANG), so a build that sorts with it may order pages differently elsewhere; this does not.
 */
export function byCodePoint(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
