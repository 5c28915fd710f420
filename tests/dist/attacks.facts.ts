/** What attacks.test.ts reads of each page, extracted once per build by the dist tier's global setup. */
import type { HTMLElement } from 'node-html-parser';

/** Facts of one page; a field is present only on the pages whose check reads it. */
export interface AttackFacts {
	/** Tool pages: hrefs of the #attacks section's links, its items, and the page's attack filter tags. */
	links?: string[];
	items?: { name: string | undefined; why: string | undefined; text: string }[];
	filters?: string[];
	/** A pattern's exposed-tool list page: the Next link, and each row's tool link. */
	next?: string;
	rows?: (string | undefined)[];
	/** The attack index: card links, and per element id its text and the links of its parent section. */
	cards?: string[];
	sections?: Record<string, { text: string; hrefs: string[] }>;
	/** The attack index: the OWASP MCP Top 10 mapping table, each row's heading and pattern links. */
	owaspMcp?: { heading: string | undefined; hrefs: string[] }[];
	/** Pattern pages: the "Sources last checked" line. */
	sourcesChecked?: string | undefined;
	/** The attack index and pattern pages: every `a[href]`. */
	hrefs?: string[];
	/** Pattern pages: the exposed-tool count link, preview rows, sources, incident record links. */
	exposed?: string | undefined;
	preview?: number;
	sources?: { text: string; href: string }[];
	incidentSources?: string[];
	incidentDates?: string[];
	/** Server pages: the exposure table, and the lethal-trifecta panel (absent when the page has none). */
	exposure?: { href: string; n: string }[];
	trifecta?: { complete: boolean; warn: boolean; legs: string[][] };
	/** The lethal-trifecta page: how many servers it lists. */
	trifectaServers?: number;
	/** The incident timeline: its rows and every element id. */
	timeline?: { id: string; date: string; target: string; patterns: string[]; source: string }[];
	ids?: string[];
}

const hrefsOf = (el: HTMLElement | null | undefined, selector = 'a') =>
	el?.querySelectorAll(selector).map((a) => a.getAttribute('href') ?? '') ?? [];

/** The attack checks' facts of one page, or undefined when they read nothing of it. */
export function attackFacts(rel: string, root: HTMLElement): AttackFacts | undefined {
	if (/^servers\/[^/]+\/tools\/[^/]+\/index\.html$/.test(rel)) {
		const items = root.querySelectorAll('ul.attack-links li');
		return {
			links: hrefsOf(root, 'ul.attack-links a'),
			items: items.map((li) => ({
				name: li.querySelector('a')?.text,
				why: li.querySelector('.why')?.text.trim(),
				text: li.text,
			})),
			filters: root.querySelectorAll('[data-pagefind-filter="attack"]').map((s) => s.text),
		};
	}
	if (/^servers\/[^/]+\/index\.html$/.test(rel)) {
		const panel = root.querySelector('section.trifecta');
		return {
			exposure: root.querySelectorAll('table.exposure tbody tr').map((row) => ({
				href: row.querySelector('a')?.getAttribute('href') ?? '',
				n: row.querySelector('td.n')?.text ?? '',
			})),
			...(panel
				? {
						trifecta: {
							complete: panel.classList.contains('complete'),
							warn: panel.querySelector('.badge.warn') !== null,
							legs: panel.querySelectorAll('dl.legs dd').map((dd) => hrefsOf(dd)),
						},
					}
				: {}),
		};
	}
	if (/^attacks\/[^/]+\/tools\//.test(rel)) {
		const next = root.querySelector('a[rel="next"]')?.getAttribute('href');
		return {
			...(next ? { next } : {}),
			rows: root
				.querySelectorAll('main .table-scroll tbody tr')
				.map((row) => row.querySelector('td.name a')?.getAttribute('href')),
		};
	}
	if (rel === 'attacks/index.html')
		return {
			cards: hrefsOf(root, 'ul.cards a'),
			hrefs: hrefsOf(root, 'a[href]'),
			owaspMcp: (root.getElementById('owasp-mcp')?.querySelectorAll('tbody tr') ?? []).map((row) => ({
				heading: row.querySelector('th')?.text,
				hrefs: hrefsOf(row),
			})),
			// Reversed so that the first element of an id wins, as getElementById would have it.
			sections: Object.fromEntries(
				root
					.querySelectorAll('[id]')
					.reverse()
					.map((el) => [el.id, { text: el.text, hrefs: hrefsOf(el.parentNode) }]),
			),
		};
	if (/^attacks\/[^/]+\/index\.html$/.test(rel)) {
		const facts: AttackFacts = {
			hrefs: hrefsOf(root, 'a[href]'),
			sourcesChecked: root.getElementById('sources-checked')?.text,
			exposed: root.querySelector('a[href="#tools"]')?.text,
			preview: root.querySelectorAll('#tools + div .table-scroll tbody tr').length,
			sources: root.querySelectorAll('#sources + ul li').map((li) => ({
				text: li.text,
				href: li.querySelector('a')?.getAttribute('href') ?? '',
			})),
			incidentSources: hrefsOf(root, '#incident-record ~ .table-scroll td:last-child a'),
			incidentDates: hrefsOf(root, '#incident-record ~ .table-scroll td:first-child a'),
		};
		if (rel === 'attacks/lethal-trifecta/index.html')
			facts.trifectaServers = root.querySelectorAll('#trifecta-servers + ul li').length;
		if (rel === 'attacks/incidents/index.html') {
			facts.ids = root.querySelectorAll('[id]').map((el) => el.id);
			facts.timeline = root.querySelectorAll('table.timeline tbody tr').map((row) => {
				const cells = row.querySelectorAll('td');
				return {
					id: row.id,
					date: cells[0]?.text ?? '',
					target: cells[1]?.text ?? '',
					patterns: hrefsOf(cells[3]),
					source: cells[4]?.querySelector('a')?.getAttribute('href') ?? '',
				};
			});
		}
		return facts;
	}
	return undefined;
}
