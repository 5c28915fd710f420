/**
 * Shiki highlighting for policy snippets. Tool-page snippets differ only in the tool name, so each
 * distinct shape is highlighted once and the escaped name substituted afterwards: 20,000 tool pages
 * cost a handful of highlights, not 20,000.
 */
import { createHighlighter } from 'shiki';

const highlighter = await createHighlighter({ themes: ['github-light', 'github-dark'], langs: ['json'] });
const cache = new Map<string, string>();
const NAME = 'ZZPOLICYATLASNAMEZZ';
const LOWER = 'zzpolicyatlaslowerzz';

function escapeHtml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');
}

/** Highlights JSON (light and dark themes, switched by CSS) with no caching. */
export function highlightJson(json: string): string {
	return highlighter.codeToHtml(json.replace(/\n$/, ''), {
		lang: 'json',
		themes: { light: 'github-light', dark: 'github-dark' },
		defaultColor: 'light',
	});
}

/**
 * Highlights a tool's policy JSON, reusing the highlight of its shape. `toolName` is replaced by a
 * placeholder inside JSON strings (where the tokeniser treats any content alike), then restored escaped.
 */
export function highlightToolPolicy(json: string, toolName: string): string {
	const name = JSON.stringify(toolName).slice(1, -1);
	const lower = JSON.stringify(toolName.toLowerCase()).slice(1, -1);
	if (json.includes(NAME) || json.includes(LOWER) || name === '') return highlightJson(json);
	// Counter names use the lowercased name; replace that (longer, more specific) form first.
	const shape = json.replaceAll(`"${lower}_rate"`, `"${LOWER}_rate"`).replaceAll(`"${name}"`, `"${NAME}"`);
	let html = cache.get(shape);
	if (html === undefined) {
		html = highlightJson(shape);
		cache.set(shape, html);
	}
	return html.replaceAll(LOWER, escapeHtml(lower)).replaceAll(NAME, escapeHtml(name));
}
