/** What api.test.ts reads of each page: a tool page's label as its badges show it. */
import type { HTMLElement } from 'node-html-parser';

/** A tool page's level, category and action, read from the badges a reader sees. */
export interface ApiFacts {
	level: string | undefined;
	category: string | undefined;
	action: string | undefined;
}

/** The API checks' facts of a tool page; nothing for other pages. */
export function apiFacts(rel: string, root: HTMLElement): ApiFacts | undefined {
	if (!/^servers\/[^/]+\/tools\/[^/]+\/index\.html$/.test(rel)) return undefined;
	const badges = root.querySelector('h1 ~ div .badges');
	const level = badges?.querySelector('.badge[class*="level-"]')?.text.replace(/ risk$/, '');
	const category = badges?.querySelector('.badge.neutral')?.text;
	const actionClass = root
		.querySelector('.verdict .badge.action')
		?.classList.value.find((c) => c.startsWith('action-'));
	return { level, category, action: actionClass?.slice('action-'.length) };
}
