import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { FORMATS, type FormatTool, type PolicyFormat } from '../../src/policy/formats/index.ts';
import { highlightCode, highlightToolSnippet } from '../../src/site/highlight.ts';
import { PLANS } from '../helpers/definitions.ts';

/** The text a browser shows for highlighted HTML: tags dropped, entities decoded. */
const shownText = (html: string): string => parse(html, { blockTextElements: {} }).textContent;

/**
 * Stand-ins for formats that write names bare (a TOML bare key, a YAML plain scalar), so the substitution
 * is tested in those syntaxes whichever formats are registered.
 */
const yamlLike: PolicyFormat<Record<string, unknown>> = {
	...(FORMATS[0] as PolicyFormat<Record<string, unknown>>),
	shikiLang: 'yaml',
	forTool: (tool, server) => ({
		value: {
			description: `${server} # one tool`,
			hide: [tool.name],
			tools: { [tool.name]: { rules: [tool.plan.action] } },
		},
		warnings: [],
	}),
	serialise: (doc) => stringify(doc.value),
};
const tomlLike: PolicyFormat<{ server: string; tool: string; action: string }> = {
	...(FORMATS[0] as PolicyFormat<{ server: string; tool: string; action: string }>),
	shikiLang: 'toml',
	forTool: (tool, server) => ({ value: { server, tool: tool.name, action: tool.plan.action }, warnings: [] }),
	serialise: ({ value: v }) => {
		const key = /^[A-Za-z0-9_-]+$/.test(v.tool) ? v.tool : JSON.stringify(v.tool);
		return `# ${v.server}: ${v.action}\n[mcp_servers.${v.server}]\ndisabled_tools = ["${v.tool}"]\n[mcp_servers.${v.server}.tools.${key}]\napproval_mode = "prompt"\n`;
	},
};

const NAMES = [
	'get_me',
	'Delete-Item',
	'version',
	'tools',
	'y',
	'true',
	'No',
	'1password',
	'weird.name',
	'a"b',
	'get\u200bme',
	'zzpolicyatlasnamezz',
];

describe('highlightCode', () => {
	it('keeps the text whole, final newline included, in the compact markup', () => {
		const samples: [string, PolicyFormat['shikiLang']][] = [
			['{\n  "a": "b<&>",\n  "n": 1\n}\n', 'json'],
			['# c\n[x.y]\nz = ["a", 1]\n', 'toml'],
			['a: 1\nb:\n  - "c"\n', 'yaml'],
		];
		for (const [text, lang] of samples) {
			const html = highlightCode(text, lang);
			expect(shownText(html)).toBe(text);
			expect(html).not.toContain('class="line"');
			expect(html).not.toContain('style=');
		}
	});
});

describe('highlightToolSnippet', () => {
	const formats = [...FORMATS, yamlLike as PolicyFormat, tomlLike as PolicyFormat];
	it('gives the highlight of the exact text, for every format, plan and name', () => {
		for (const format of formats)
			for (const plan of PLANS)
				for (const name of NAMES)
					for (const server of ['github', '1server']) {
						const tool: FormatTool = { name, plan, guards: [] };
						const text = format.serialise(format.forTool(tool, server));
						const html = highlightToolSnippet(format, tool, server, text);
						expect(shownText(html), `${format.id} ${name}`).toBe(text);
						// Shapes are reused only where they tokenise as the real text would: same markup.
						expect(html, `${format.shikiLang} ${plan.action} ${name} ${server}`).toBe(
							highlightCode(text, format.shikiLang),
						);
					}
	});
});
