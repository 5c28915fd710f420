/** Small English helpers so generated sentences read correctly ("an Execute tool", not "a Execute tool"). */

/** Prefixes a word with "a" or "an" by its sound (initial vowel letter; no exceptions needed for our labels). */
export function withArticle(word: string, capital = false): string {
	const article = /^[aeiou]/i.test(word) ? 'an' : 'a';
	return `${capital ? article[0]?.toUpperCase() + article.slice(1) : article} ${word}`;
}

/** "1 tool", "2 tools". */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
	return `${n.toLocaleString('en-US')} ${n === 1 ? singular : pluralForm}`;
}
