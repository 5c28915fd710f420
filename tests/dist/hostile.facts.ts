/** What hostile.test.ts reads of the hostile fixture servers' pages and the methodology page. */
import type { HTMLElement } from 'node-html-parser';

/** Facts of one page of the hostile fixture server (or the methodology page's rule anchors). */
export interface HostileFacts {
	/** The whole page's text, and the text of every script element. */
	text?: string;
	scripts?: string[];
	/** The text of every data script (JSON-LD, the builder's `application/json` data): inert while it holds no `<`. */
	dataScripts?: string[];
	/** Images and iframes in main, and the hrefs of main's links (absent without a main). */
	mainMedia?: number | undefined;
	/** Elements catalogue text must never create, anywhere on the page (frames, objects, forms in main, base, refresh; not the site's policy meta). */
	active?: string[];
	/** Attributes starting with "on" (event handlers), anywhere on the page. */
	handlers?: string[];
	mainHrefs?: string[] | undefined;
	/** The untrusted description as shown in main, and the first one of the page. */
	mainUntrusted?: string;
	untrusted?: string;
	/** The h1's text and whether it holds a <b> element; the title; the meta description; the JSON-LD text. */
	h1?: string | undefined;
	h1Bold?: boolean;
	title?: string | undefined;
	description?: string | undefined;
	ld?: string | undefined;
	/** Tool pages: the text of the policy.json tab's snippet. */
	policyJson?: string | undefined;
	/** Integrity findings: each item's text and the href of its rule link. */
	findings?: { text: string; href: string }[];
	/** Tool pages: the raw definition view's text, the parameter names of every parameter table (tool tables label their cells), the links of cut notes. */
	raw?: string | undefined;
	params?: string[];
	cutLinks?: string[];
	/** Methodology: ids of the rule anchors. */
	ruleIds?: string[];
}

/** The site's own Content-Security-Policy meta (csp.test.ts checks there is exactly one, at the top of head). */
const sitePolicy = (e: HTMLElement): boolean =>
	e.parentNode?.tagName === 'HEAD' && e.getAttribute('http-equiv')?.toLowerCase() === 'content-security-policy';

/** The hostile checks' facts of one page, or undefined when they read nothing of it. */
export function hostileFacts(rel: string, root: HTMLElement): HostileFacts | undefined {
	if (rel === 'methodology/index.html')
		return { ruleIds: root.querySelectorAll('[id^="rule-"]').map((e) => e.getAttribute('id') ?? '') };
	if (!rel.startsWith('servers/hostile-')) return undefined;
	const main = root.querySelector('main');
	return {
		text: root.text,
		// Raw text, as a browser reads a script: node-html-parser's textContent decodes entities a script never sees.
		scripts: root
			.querySelectorAll('script:not([type="application/json"]):not([type="application/ld+json"])')
			.map((s) => s.rawText),
		dataScripts: root
			.querySelectorAll('script[type="application/json"], script[type="application/ld+json"]')
			.map((s) => s.rawText),
		mainMedia: main?.querySelectorAll('img, iframe').length,
		active: [
			...root
				.querySelectorAll('iframe, object, embed, base, meta[http-equiv], svg, math')
				.filter((e) => !sitePolicy(e)),
			...(main?.querySelectorAll('form, img, link, style') ?? []),
		].map((e) => e.tagName.toLowerCase()),
		handlers: root
			.querySelectorAll('*')
			.flatMap((e) => Object.keys(e.attributes).filter((a) => a.toLowerCase().startsWith('on')))
			.filter((a, i, all) => all.indexOf(a) === i),
		mainHrefs: main?.querySelectorAll('a').map((a) => a.getAttribute('href') ?? ''),
		mainUntrusted: main?.querySelector('.untrusted .text')?.text ?? '',
		untrusted: root.querySelector('.untrusted .text')?.text ?? '',
		h1: root.querySelector('h1')?.text,
		h1Bold: root.querySelector('h1 b') !== null,
		title: root.querySelector('title')?.text,
		description: root.querySelector('meta[name="description"]')?.getAttribute('content'),
		ld: root.querySelector('script[type="application/ld+json"]')?.rawText,
		policyJson: root.querySelector('#policy-policy-json .snippet pre')?.text,
		raw: root.querySelector('#raw-definition .untrusted .text')?.text,
		params: root.querySelectorAll('td.name:not([data-label])').map((td) => td.text),
		cutLinks: root.querySelectorAll('.cut-note a').map((a) => a.getAttribute('href') ?? ''),
		findings: root.querySelectorAll('#integrity + ul.evidence li').map((li) => ({
			text: li.text,
			href: li.querySelector('a.rule-id')?.getAttribute('href') ?? '',
		})),
	};
}
