/**
 * Shiki highlighting for policy snippets, compact and cheap.
 *
 * Compact: token colours become one-letter classes (site.css gives each its light and dark colour), tokens
 * in the default colour and Shiki's per-line wrappers are dropped, so a highlighted snippet weighs little
 * more than its text; a tool page shows one per format.
 *
 * Cheap: tool snippets of one format differ mostly in the tool and server names, so each distinct shape
 * is highlighted once and the names substituted afterwards: 10,000 tool pages cost a few hundred
 * highlights, not 40,000.
 */
import { createHighlighter, type ShikiTransformer } from 'shiki';
import type { FormatTool, PolicyFormat } from '../policy/formats/index.ts';
import { RESERVED } from '../policy/formats/yaml-text.ts';

/** Every language a format may declare (`PolicyFormat['shikiLang']`): three small grammars, loaded once. */
const LANGS: readonly PolicyFormat['shikiLang'][] = ['json', 'toml', 'yaml'];
const highlighter = await createHighlighter({ themes: ['github-light', 'github-dark'], langs: [...LANGS] });

/**
 * The github-light / github-dark colour pairs JSON, TOML and YAML tokens use, and the class site.css
 * gives each (`pre.hl .k` …). A pair missing here keeps its inline style, which the Content-Security-Policy
 * blocks (src/site/csp.ts): the dist checks fail on any `style=` attribute, so a new token kind gets its class here.
 */
const TOKEN_CLASSES: Readonly<Record<string, string>> = {
	'color:#005CC5;--shiki-dark:#79B8FF': 'k',
	'color:#032F62;--shiki-dark:#9ECBFF': 's',
	'color:#22863A;--shiki-dark:#85E89D': 't',
	'color:#6F42C1;--shiki-dark:#B392F0': 'e',
	'color:#6A737D;--shiki-dark:#6A737D': 'c',
	'color:#D73A49;--shiki-dark:#F97583': 'r',
};
/** Shiki's HAST nodes, named through its transformer type (hast's own types are not a direct dependency). */
type Element = Parameters<NonNullable<ShikiTransformer['code']>>[0];
type ElementContent = Element['children'][number];

/** The themes' default text colour: the `<pre>` already has it. */
const PLAIN = 'color:#24292E;--shiki-dark:#E1E4E8';

/** Flattens Shiki's line spans and turns token styles into classes (see the module comment). */
const compact: ShikiTransformer = {
	name: 'policy-atlas:compact',
	pre(node) {
		// Colours and background come from `pre.hl` in site.css.
		node.properties = { class: 'shiki hl', tabindex: '0' };
	},
	code(node) {
		const out: ElementContent[] = [];
		for (const line of node.children) {
			if (line.type !== 'element') {
				out.push(line);
				continue;
			}
			for (const token of line.children) out.push(compactToken(token));
		}
		node.children = out;
	},
};

function compactToken(token: ElementContent): ElementContent {
	if (token.type !== 'element') return token;
	const style = String(token.properties.style ?? '');
	if (style === PLAIN) return token.children.length === 1 ? (token.children[0] as ElementContent) : token;
	const cls = TOKEN_CLASSES[style];
	if (cls) (token as Element).properties = { class: cls };
	return token;
}

/**
 * Highlights a snippet (light and dark themes, switched by CSS). The text is kept whole, final newline
 * included, so the `<pre>`'s text is exactly the file: copy and download read it from the page.
 */
export function highlightCode(text: string, lang: PolicyFormat['shikiLang']): string {
	return highlighter.codeToHtml(text, {
		lang,
		themes: { light: 'github-light', dark: 'github-dark' },
		defaultColor: 'light',
		transformers: [compact],
	});
}

/** Highlights JSON, uncached (server and attack pages: one document each). */
export function highlightJson(json: string): string {
	return highlightCode(json, 'json');
}

const NAME = 'ZZPOLICYATLASNAMEZZ';
const SERVER = 'ZZPOLICYATLASSERVERZZ';
/**
 * Names that tokenise like the placeholders in every format's syntax: a JSON string's content, a TOML
 * bare key, a YAML plain scalar. Leading digits, dots, quotes and spaces would not (a number, a dotted
 * key, a quoted scalar), and YAML 1.1 reads these words as booleans or null.
 */
const SAFE_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const safe = (name: string) => SAFE_NAME.test(name) && !RESERVED.test(name);

/** The substitutions that turn a shape back into the tool's text: each placeholder, and its lower case form. */
function substitutions(toolName: string, serverName: string): [string, string][] {
	return [
		[NAME, toolName],
		[NAME.toLowerCase(), toolName.toLowerCase()],
		[SERVER, serverName],
		[SERVER.toLowerCase(), serverName.toLowerCase()],
	];
}

const cache = new Map<string, string>();

/**
 * Highlights one tool's snippet in one format, reusing the highlight of its shape: the same format's
 * output for a placeholder tool (same plan, guards and server, placeholder names). The shape is used only
 * when substituting the real names back into its text gives exactly `text` and both names tokenise like
 * the placeholders; otherwise the exact text is highlighted. Either way the result's text is `text`.
 */
export function highlightToolSnippet(format: PolicyFormat, tool: FormatTool, serverName: string, text: string): string {
	const subs = substitutions(tool.name, serverName);
	if (!safe(tool.name) || !safe(serverName) || subs.some(([p]) => text.includes(p)))
		return highlightCode(text, format.shikiLang);
	const shape = format.serialise(format.forTool({ ...tool, name: NAME }, SERVER));
	if (subs.reduce((t, [p, real]) => t.replaceAll(p, real), shape) !== text)
		return highlightCode(text, format.shikiLang);
	const key = `${format.id}\n${shape}`;
	let html = cache.get(key);
	if (html === undefined) {
		html = highlightCode(shape, format.shikiLang);
		// A placeholder split across tokens would not be found again: fall back rather than leak it.
		if (subs.some(([p]) => html?.split(p).length !== shape.split(p).length)) html = '';
		cache.set(key, html);
	}
	if (html === '') return highlightCode(text, format.shikiLang);
	return subs.reduce((h, [p, real]) => h.replaceAll(p, real), html);
}
