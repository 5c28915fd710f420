/**
 * Tool shadowing (research S-12): references to another server's tools. A reference to the tool's
 * own server, or to no particular server, is none.
 */
import { GENERIC_SLUG_PARTS } from '../lexicon.ts';
import { allMatchGroups } from '../regex.ts';
import type { ServerRef } from '../types.ts';
import { QUALIFIED_TOOL, SERVER_TOOLS, SERVICE_TOOL, TOOL_FROM_SERVER } from './patterns.ts';

/** Words that make a "… server" reference the tool's own server, or no particular server. */
const OWN_SERVER_WORDS = [
	'this',
	'same',
	'current',
	'our',
	'its',
	'your',
	'remote',
	'local',
	'connected',
	'upstream',
	'target',
	'running',
];
const WORD_SPLIT = /[^a-z0-9]+/;
const IDENT_CHAR = /[\w-]/;
/** The server part of a Claude-style qualified tool name. */
const OWN_QUALIFIER = /^mcp__([a-z0-9][\w-]*?)__\w+$/i;

/** Lowercase words of the tool's own server (slug and name), which its text may mention freely. */
export function ownServerWords(server: ServerRef | undefined): Set<string> {
	return new Set([...OWN_SERVER_WORDS, ...words(`${server?.slug ?? ''} ${server?.name ?? ''}`)]);
}

/** Lowercase words without the generic ones (`mcp`, `server`), which say nothing about whose server. */
function words(text: string): string[] {
	return text
		.toLowerCase()
		.split(WORD_SPLIT)
		.filter((w) => w && !GENERIC_SLUG_PARTS.has(w));
}

/**
 * `text` with every whole occurrence of the tool's own qualified name blanked out: `mcp__fs__delete_file`
 * on the fs server names itself. Only a name qualified by the tool's own server goes: a tool named
 * `mcp__gmail__send_email` on another server, or a plain `send_email` told to be called "from the
 * gmail server", is the shadowing this check exists for.
 */
function withoutOwnName(text: string, name: string, own: ReadonlySet<string>): string {
	const qualifier = OWN_QUALIFIER.exec(name)?.[1];
	if (!qualifier || !words(qualifier).some((w) => own.has(w)) || !text.includes(name)) return text;
	let out = '';
	let from = 0;
	for (let i = text.indexOf(name); i !== -1; i = text.indexOf(name, i + 1)) {
		const end = i + name.length;
		if (i < from || IDENT_CHAR.test(text[i - 1] ?? '') || IDENT_CHAR.test(text[end] ?? '')) continue;
		out += `${text.slice(from, i)} `;
		from = end;
	}
	return out + text.slice(from);
}

/** The first reference to a tool of a server other than `own`, if any; the tool's own name is none. */
export function crossServerHit(fieldText: string, own: ReadonlySet<string>, toolName: string): string | undefined {
	const text = withoutOwnName(fieldText, toolName, own);
	const foreign = (ref: string | undefined) => {
		const named = words(ref ?? '');
		return named.length > 0 && !named.some((w) => own.has(w));
	};
	for (const m of allMatchGroups(QUALIFIED_TOOL.re, text)) if (foreign(m.groups[0])) return m.text;
	for (const m of allMatchGroups(SERVER_TOOLS.re, text)) if (foreign(m.groups[0] ?? m.groups[1])) return m.text;
	for (const m of allMatchGroups(TOOL_FROM_SERVER.re, text)) if (foreign(m.groups[0])) return m.text;
	for (const m of allMatchGroups(SERVICE_TOOL.re, text)) if (foreign(m.groups[0])) return m.text;
	return undefined;
}
