/**
 * Hidden characters in a tool name are written as escapes (so a reader sees them) that still parse back to the
 * exact name: per UTF-16 unit in JSON and YAML, one `\UXXXXXXXX` for a character beyond the BMP in TOML.
 */
import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { FORMATS } from '../../src/policy/formats/index.ts';
import type { FormatServer } from '../../src/policy/formats/types.ts';

const NAME = 'read\u200bnotes\u{1D173}\u202ex';
const SERVER = {
	name: 'demo',
	tools: [{ name: NAME, plan: { action: 'allow', rule: 'read', because: 'it only reads' }, guards: [] }],
} as unknown as FormatServer;
const parsers: Record<string, (text: string) => unknown> = {
	'application/json': JSON.parse,
	'application/toml': parseToml,
	'application/yaml': parseYaml,
};

describe('hidden characters in tool names', () => {
	// Claude Code rewrites such names into its own rule spelling (see claude-code.ts), so it is left out here.
	for (const format of FORMATS.filter((f) => f.id !== 'claude-code')) {
		it(`${format.id}: are escaped in the text and parse back to the exact name`, () => {
			const text = format.serialise(format.forServer(SERVER));
			expect(text).not.toMatch(/[\u200b\u202e]|\u{1D173}/u);
			expect(format.validate(text)).toEqual([]);
			expect(JSON.stringify(parsers[format.mediaType]?.(text))).toContain(JSON.stringify(NAME).slice(1, -1));
		});
	}
});
