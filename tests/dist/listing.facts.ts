/** What listing.test.ts reads of each page: the title of every page of a paginated listing. */
import type { HTMLElement } from 'node-html-parser';

/** Paginated listings: by risk level, by category, the tools exposed to an attack pattern. */
export const LISTING = /^(risk\/[^/]+|category\/[^/]+|attacks\/[^/]+\/tools)\/(?:\d+\/)?index\.html$/;

/** A listing page's `<title>`; nothing for other pages. */
export function listingFacts(rel: string, root: HTMLElement): string | undefined {
	return LISTING.test(rel) ? (root.querySelector('title')?.text ?? '') : undefined;
}
