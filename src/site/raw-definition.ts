/**
 * A tool's definition as the catalogue holds it, for the tool page's raw view and, when it is too long for a
 * page, a plain-text file beside the page; and the bounds every piece of a definition is shown within.
 */
import type { Tool } from '../catalogue/schema.ts';
import { segmentsWeight } from '../text/bound.ts';
import { revealHidden, visibleText } from '../text/reveal.ts';

/**
 * How much of each kind of untrusted text a tool page carries, in weight (src/text/bound.ts): `shown` on
 * view, `more` behind a closed <details>. Text beyond them is in the raw view or the definition file.
 */
export const PAGE_BOUNDS = {
	/** The description: about a screenful on view, the rest of any honest description one click away. */
	description: { shown: 4_000, more: 100_000 },
	/** Short texts inside tables and sentences: names, parameter descriptions, values, titles, keywords. */
	inline: { shown: 1_000 },
	/** The raw definition (already behind a closed <details>); a longer one gets a file (`needsDefinitionFile`). */
	raw: { shown: 100_000 },
} as const;

/**
 * The definition as the server sent it (with the ingest's notes on it), pretty-printed; our curation left out.
 * Indented with tabs (shown two columns wide): a tenth of the view's weight on every tool page is indentation.
 */
export function rawDefinition(tool: Tool): string {
	const { curated: _ours, ...sent } = tool;
	return JSON.stringify(sent, null, '\t');
}

/** True when the raw definition is longer than a page carries, so the tool gets a plain-text file of it. */
export function needsDefinitionFile(tool: Tool): boolean {
	return segmentsWeight(revealHidden(rawDefinition(tool))) > PAGE_BOUNDS.raw.shown;
}

/**
 * The definition file's text: the raw definition with every hidden character shown as its token, after a
 * byte order mark. Static hosts send .txt without a charset, and a browser left to guess may not read the
 * ⟦U+XXXX⟧ tokens as UTF-8; the mark settles it and is never shown.
 */
export function definitionFileText(tool: Tool): string {
	return `\uFEFF${visibleText(rawDefinition(tool))}\n`;
}
