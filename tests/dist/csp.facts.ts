/** What csp.test.ts reads of every page: its Content-Security-Policy and the inline code it must admit. */
import { createHash } from 'node:crypto';
import { type HTMLElement, NodeType } from 'node-html-parser';

/** Facts of one page. */
export interface CspFacts {
	/** The content of each `<meta http-equiv="content-security-policy">`, hash sources left out (see `unhashed`). */
	policies: string[];
	/** sha256 of the first policy meta's whole content, hashes included. */
	digest: string;
	/** Whether the first policy meta is in head before every script (data included), style and stylesheet: a meta policy governs only what follows it. */
	first: boolean;
	/** Inline scripts and `<style>` elements whose hash the first policy does not list, as `script: <start of text>`. */
	unhashed: string[];
	/** `style=` and `on…=` attributes: inline code a policy without 'unsafe-inline' blocks. */
	inlineAttributes: string[];
}

/** A policy as a map from directive name to its sources. */
export function parsePolicy(policy: string): Map<string, string[]> {
	const out = new Map<string, string[]>();
	for (const part of policy.split(';')) {
		const [name, ...sources] = part.trim().split(/\s+/);
		if (name) out.set(name.toLowerCase(), sources);
	}
	return out;
}

/** Hash sources with the space before them. */
const HASHES = /\s*'sha(256|384|512)-[A-Za-z0-9+/=]+'/g;
/** Script types a browser runs (a missing or empty type is JavaScript); anything else is a data block. */
const RUNNABLE = /^(|module|text\/javascript|application\/javascript)$/i;
const runnable = (script: HTMLElement) => RUNNABLE.test(script.getAttribute('type')?.trim() ?? '');
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Where an attribute named style or on… could start in an element's raw attributes (after a space or a quote). */
const INLINE_ATTRIBUTE = /(?:^|[\s"'/])(?:style|on[\w-]+)/i;

/** Every element of the page in document order: one walk, cheaper than a selector per question on 10,000 pages. */
function elements(root: HTMLElement): HTMLElement[] {
	const out: HTMLElement[] = [];
	const walk = (node: HTMLElement) => {
		for (const child of node.childNodes) {
			if (child.nodeType !== NodeType.ELEMENT_NODE) continue;
			out.push(child as HTMLElement);
			walk(child as HTMLElement);
		}
	};
	walk(root);
	return out;
}

/** The policy facts of one HTML page. */
export function cspFacts(_rel: string, root: HTMLElement): CspFacts {
	const all = elements(root);
	const tagged = (tag: string) => all.filter((e) => e.tagName === tag);
	const metas = tagged('META').filter((m) => m.getAttribute('http-equiv')?.toLowerCase() === 'content-security-policy');
	const policies = metas.map((m) => (m.getAttribute('content') ?? '').replace(HASHES, ''));
	const meta = metas[0];
	// In document order. Data scripts too: what a data script's text could break out into must be governed.
	const governed = all.find(
		(e) =>
			(e.tagName === 'META' && e.hasAttribute('http-equiv')) ||
			e.tagName === 'SCRIPT' ||
			e.tagName === 'STYLE' ||
			(e.tagName === 'LINK' && /(^|\s)stylesheet(\s|$)/i.test(e.getAttribute('rel') ?? '')),
	);
	const first = meta !== undefined && meta.parentNode?.tagName === 'HEAD' && governed === meta;
	const content = meta?.getAttribute('content') ?? '';
	const directives = parsePolicy(content);
	const admits = (directive: string, text: string) => (directives.get(directive) ?? []).includes(sha256(text));
	const unhashed = [
		...tagged('SCRIPT')
			.filter((s) => !s.hasAttribute('src') && runnable(s) && !admits('script-src', s.rawText))
			.map((s) => `script: ${s.rawText.slice(0, 60)}`),
		...tagged('STYLE')
			.filter((s) => !admits('style-src', s.rawText))
			.map((s) => `style: ${s.rawText.slice(0, 60)}`),
	];
	const inlineAttributes = all
		.filter((e) => INLINE_ATTRIBUTE.test(e.rawAttrs))
		.flatMap((e) => Object.keys(e.attributes).filter((a) => /^(style|on.*)$/i.test(a)))
		.filter((a, i, list) => list.indexOf(a) === i);
	const digest = createHash('sha256').update(content).digest('hex');
	return { policies, digest, first, unhashed, inlineAttributes };
}
