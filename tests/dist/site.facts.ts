/** What site.test.ts reads of each page, extracted once per build by the dist tier's global setup. */
import { createHash } from 'node:crypto';
import type { HTMLElement } from 'node-html-parser';

/** Facts of one page; a field is present only on the pages whose check reads it. */
export interface SiteFacts {
	/** Every `a[href]` of the page, in document order. */
	hrefs: string[];
	/** Every element id of the page. */
	ids: string[];
	/** Tool pages: the h1 text. */
	h1?: string;
	/** Server pages: rows of the policy builder's tool table. */
	toolRows?: number;
	/** Tool pages: the tabs' format ids, and per format panel its snippets' texts and download button. */
	tabs?: (string | undefined)[];
	panels?: Record<string, { texts: string[]; file: string | undefined; type: string | undefined; dataCopy: boolean }>;
	/** Server pages: sha256 of the builder's output (what Copy and Download read), and of the snippet's trimmed text. */
	output?: string;
	snippet?: string;
	/** Tool pages: the JSON-LD as parsed (or why it does not parse), and the visible FAQ questions. */
	ld?: { error: string } | { type: string; names: string[]; firstAnswer: string };
	faq?: string[];
	/** Tool pages: the trimmed lines of the first evidence list after #why. */
	evidence?: string[];
	/** Tool pages: the text after the #parameters heading, and the notice after #why (spaces collapsed). */
	parameters?: string;
	notice?: string;
	/** Home, servers list and browse pages: texts of the elements that print counts. */
	counts?: string[];
	/** Home and critical-risk pages: the server column of the main table. */
	rowServers?: string[];
	/** Servers list: per row, its first link and its tool-count cell (spaces collapsed). */
	serverRows?: { href: string | undefined; tools: string | undefined }[];
	/** Methodology: the text of the section holding #agreement (spaces collapsed). */
	agreement?: string;
}

/** sha256 of a text, to compare page copies of a policy with its file without keeping 10,000 copies. */
export const digest = (text: string): string => createHash('sha256').update(text).digest('hex');

const squash = (text: string | undefined) => text?.replace(/\s+/g, ' ');

/** The site checks' facts of one page. */
export function siteFacts(rel: string, root: HTMLElement): SiteFacts {
	const facts: SiteFacts = {
		hrefs: root.querySelectorAll('a[href]').map((a) => a.getAttribute('href') as string),
		ids: root.querySelectorAll('[id]').map((e) => e.id),
	};
	const tool = /^servers\/[^/]+\/tools\//.test(rel);
	if (/^servers\/[^/]+\/index\.html$/.test(rel)) {
		facts.toolRows = root.querySelectorAll('#tools ~ [data-builder] tbody tr').length;
		const output = root.querySelector('[data-builder] [data-output]')?.text;
		if (output !== undefined) facts.output = digest(output);
		const snippet = root.querySelector('.snippet pre')?.text.trim();
		if (snippet !== undefined) facts.snippet = digest(snippet);
	}
	if (tool) {
		const h1 = root.querySelector('h1');
		if (h1) facts.h1 = h1.text.trim();
		const ld = root.querySelector('script[type="application/ld+json"]');
		if (ld) {
			try {
				// Script content is raw text: a browser decodes no entity in it, so neither may the test.
				const data = JSON.parse(ld.rawText) as {
					'@type': string;
					mainEntity: { name: string; acceptedAnswer: { text: string } }[];
				};
				facts.ld = {
					type: data['@type'],
					names: data.mainEntity.map((q) => q.name),
					firstAnswer: data.mainEntity[0]?.acceptedAnswer.text ?? '',
				};
			} catch (error) {
				facts.ld = { error: String(error) };
			}
		}
		facts.faq = root.querySelectorAll('details.faq summary').map((s) => s.text);
		facts.tabs = root.querySelectorAll('[role="tab"]').map((t) => t.getAttribute('data-format'));
		facts.panels = Object.fromEntries(
			root.querySelectorAll('[id^="policy-"]').map((panel) => {
				const download = panel.querySelector('.snippet button.download');
				return [
					panel.id.slice('policy-'.length),
					{
						texts: panel.querySelectorAll('.snippet pre').map((pre) => pre.text),
						file: download?.getAttribute('data-file'),
						type: download?.getAttribute('data-type'),
						dataCopy: panel.querySelector('[data-copy]') !== null,
					},
				];
			}),
		);
		facts.evidence =
			root
				.querySelectorAll('#why ~ ul.evidence')[0]
				?.querySelectorAll('li')
				.map((li) => li.text.trim()) ?? [];
		const parameters = root.querySelector('#parameters')?.nextElementSibling?.text;
		if (parameters !== undefined) facts.parameters = parameters;
		const notice = squash(root.querySelector('#why + .notice')?.text);
		if (notice !== undefined) facts.notice = notice;
	}
	if (rel === 'index.html' || rel === 'servers/index.html' || /^(risk|category)\//.test(rel))
		facts.counts = root
			.querySelectorAll('main nav p, main p.muted, main .pagination, main td, main .counts .n')
			.map((el) => el.text);
	if (rel === 'index.html' || /^risk\/critical\//.test(rel))
		facts.rowServers = root
			.querySelectorAll('main table tbody tr')
			.map((tr) => tr.querySelectorAll('td')[1]?.text.trim() ?? '');
	if (rel === 'servers/index.html')
		facts.serverRows = root.querySelectorAll('tbody tr').map((tr) => ({
			href: tr.querySelector('a')?.getAttribute('href'),
			tools: squash(tr.querySelectorAll('td')[1]?.text)?.trim(),
		}));
	if (rel === 'methodology/index.html') {
		const agreement = squash(root.querySelector('#agreement')?.parentNode?.text);
		if (agreement !== undefined) facts.agreement = agreement;
	}
	return facts;
}
