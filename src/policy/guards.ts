/**
 * Argument guards: what the classifier's parameter facts say about a tool's URL, path and command
 * parameters, turned into checks a policy can carry. Every pattern is RE2-safe (no lookaround, no
 * backreferences) so the same string works in the gateway and in Intercept, and letters are matched in
 * both cases with `[Xx]` classes because neither format has a case-insensitive flag.
 */
import type { Tool } from '../catalogue/schema.ts';
import { classifyParams, type Param } from '../classify/params.ts';
import type { ArgumentGuard, GuardCheck } from './formats/types.ts';

/** The placeholder root a path guard confines paths to; the user replaces it with their own directory. */
export const ROOT_PLACEHOLDER = '/ALLOWED/ROOT';

/** `abc` → `[Aa][Bb][Cc]`; other characters are regex-escaped. */
function anyCase(text: string): string {
	return text.replace(/[a-z]|[.*+?^${}()|[\]\\/]/gi, (c) =>
		/[a-z]/i.test(c) ? `[${c.toUpperCase()}${c.toLowerCase()}]` : `\\${c}`,
	);
}

/**
 * A pattern matching every string that does not start with one of `prefixes` (letters in any case):
 * the complement of a prefix set, spelled out character by character because RE2 has no lookahead.
 */
export function notStartingWith(prefixes: readonly string[]): string {
	const node = (set: readonly string[], depth: number): string | null => {
		if (set.some((p) => p.length === depth)) return null;
		const next = [...new Set(set.map((p) => (p[depth] as string).toLowerCase()))];
		const chars = next.map((c) => anyCase(c).replace(/^\[|\]$/g, '')).join('');
		const branches = ['$', `[^${chars}]`];
		for (const c of next) {
			const rest = node(
				set.filter((p) => (p[depth] as string).toLowerCase() === c),
				depth + 1,
			);
			if (rest !== null) branches.push(`${anyCase(c)}${rest}`);
		}
		return `(?:${branches.join('|')})`;
	};
	return `^${node(prefixes, 0) ?? '(?:$.)'}`;
}

const OCTETS = (min: number, max: number) => `(?:\\.[0-9]+){${min},${max}}\\.?`;
/** Hosts a server-side request must not reach, each as it may appear after `//` and any `user@`. */
const INTERNAL_HOSTS = [
	`(?:[^/\\\\?#@:]*\\.)?${anyCase('localhost')}\\.?`,
	`127${OCTETS(0, 3)}`,
	`0+${OCTETS(0, 3)}`,
	`10${OCTETS(1, 3)}`,
	`192\\.168${OCTETS(1, 2)}`,
	`172\\.(?:1[6-9]|2[0-9]|3[01])${OCTETS(1, 2)}`,
	// Link-local, where AWS, GCP and Azure serve instance metadata (169.254.169.254).
	`169\\.254${OCTETS(1, 2)}`,
	// Carrier-grade NAT, where Alibaba Cloud serves metadata (100.100.100.200).
	`100\\.(?:6[4-9]|[7-9][0-9]|1[01][0-9]|12[0-7])${OCTETS(1, 2)}`,
	// Numeric spellings browsers and resolvers accept: 2130706433, 127.1, 0x7f.0.0.1, 0177.0.0.1.
	`[0-9]+${OCTETS(0, 2)}`,
	`(?:[0-9a-fA-FxX]+\\.){0,3}0[xX][0-9a-fA-F]*(?:\\.[0-9a-fA-FxX]+){0,3}\\.?`,
	`(?:[0-9]+\\.){0,3}0[0-9]+${OCTETS(0, 3)}`,
	`${anyCase('metadata.google.internal')}\\.?`,
	`${anyCase('metadata.goog')}\\.?`,
	`${anyCase('instance-data')}(?:\\.${anyCase('ec2.internal')})?\\.?`,
];
/** Bracketed IPv6 hosts: loopback and unspecified, IPv4-mapped and -compatible, NAT64, link-local, unique local. */
const INTERNAL_IPV6 = [
	'\\[[0:]*1?\\]',
	'\\[[0:]*:[Ff]{4}:',
	'\\[[0:]*:[0-9]+\\.',
	'\\[0*64:[Ff][Ff]9[Bb]:',
	'\\[[Ff][Ee][89AaBb][0-9A-Fa-f]:',
	'\\[[Ff][CcDd][0-9A-Fa-f]{2}:',
];
const AUTHORITY = `^${anyCase('http')}[Ss]?:[/\\\\]*(?:[^/\\\\?#]*@)?`;
/** An http(s) URL whose host is internal, or percent-encoded (which hides what it is). */
const INTERNAL_URL = `${AUTHORITY}(?:(?:${INTERNAL_HOSTS.join('|')})(?:[:/\\\\?#]|$)|${INTERNAL_IPV6.join('|')}|[^/\\\\?#@]*%)`;

const SEPARATOR = '(?:[/\\\\]|%2[Ff]|%5[Cc])';
/** A `..` segment, with dots or separators percent-encoded or not. */
const DOT_DOT = `(?:^|${SEPARATOR})(?:\\.|%2[Ee]){2}(?:${SEPARATOR}|$)`;
/** Shell metacharacters that chain, substitute or redirect commands. */
const SHELL_META = ';&|`$<>()\\\\\\n\\r';

function urlGuard(param: string): ArgumentGuard {
	const path = `args.${param}`;
	return {
		kind: 'url',
		param,
		checks: [
			{
				policy: { denyIf: { path, op: 'regex', value: notStartingWith(['http://', 'https://']) } },
				onDeny: 'Only http and https URLs are allowed.',
				allowWhen: [{ path, op: 'regex', value: `^${anyCase('http')}[Ss]?://` }],
			},
			{
				policy: { denyIf: { path, op: 'regex', value: INTERNAL_URL } },
				onDeny: 'The URL points to a loopback, private, link-local or cloud-metadata address.',
			},
		],
		stops:
			'Non-http(s) schemes (file:, gopher:, any case) and loopback, private, link-local, cloud-metadata and IPv6 internal hosts, including decimal, hex, octal, short and IPv4-mapped spellings and user@host tricks.',
		misses:
			'Public host names that resolve to internal addresses (DNS rebinding, wildcard DNS such as nip.io) and redirects from an allowed URL: block those at the network layer.',
	};
}

/** A path parameter that names a location (not a bare file name the server places itself). */
function namesLocation(p: Param): boolean {
	const last = p.tokens[p.tokens.length - 1] ?? '';
	return ['path', 'paths', 'filepath', 'dir', 'directory', 'folder'].includes(last) || p.norm.endsWith('file_path');
}

function pathGuard(param: string, confine: boolean): ArgumentGuard {
	const path = `args.${param}`;
	const checks: GuardCheck[] = [
		{
			policy: { denyIf: { path, op: 'regex', value: DOT_DOT } },
			onDeny: 'Paths may not contain ".." segments.',
			// Stricter than the deny rule: no ".." anywhere and no percent-encoding at all.
			allowWhen: [
				{ path, op: 'regex', value: '^(?:[^.]|\\.[^.])*\\.?$' },
				{ path, op: 'regex', value: '^[^%]*$' },
			],
		},
	];
	if (confine) {
		const inRoot = { path, op: 'regex' as const, value: `^${ROOT_PLACEHOLDER}(?:/|$)` };
		checks.push({
			policy: { require: inRoot },
			onDeny: `Paths must be under ${ROOT_PLACEHOLDER}.`,
			allowWhen: [inRoot],
		});
	}
	return {
		kind: 'path',
		param,
		checks,
		stops: confine
			? `".." segments (also %2e%2e and %2f/%5c separators) and absolute paths outside ${ROOT_PLACEHOLDER}, which you replace with your directory; a call without the path is refused.`
			: '".." segments, also percent-encoded (%2e%2e) or with backslash or encoded separators.',
		misses: confine
			? 'Symbolic links inside the root that point outside it, and relative paths the server resolves against its own working directory (they are refused, not resolved).'
			: 'Absolute paths anywhere on the machine (this parameter names a file, so it is not confined to a root) and symbolic links.',
	};
}

function commandGuard(param: string): ArgumentGuard {
	const path = `args.${param}`;
	return {
		kind: 'command',
		param,
		checks: [
			{
				policy: { denyIf: { path, op: 'regex', value: `[${SHELL_META}]` } },
				onDeny: 'Shell metacharacters are not allowed in the command.',
				allowWhen: [{ path, op: 'regex', value: `^[^${SHELL_META}]*$` }],
			},
		],
		stops:
			'Chaining, substitution and redirection: ; & | ` $ < > ( ) backslash and line breaks, so one command cannot smuggle in a second.',
		misses:
			'A single command that is harmful by itself (rm -rf, curl to an attacker) and interpreters given code (python -c).',
	};
}

/** What each kind of guard stops and misses, for the page that explains them (`param` is a stand-in name). */
export function guardNotes(): { title: string; guard: ArgumentGuard }[] {
	return [
		{ title: 'URL parameter', guard: urlGuard('url') },
		{ title: 'Path parameter naming a location', guard: pathGuard('path', true) },
		{ title: 'Path parameter naming a file', guard: pathGuard('filename', false) },
		{ title: 'Command parameter', guard: commandGuard('command') },
	];
}

/** Command-like code parameters: the ones a shell receives, not SQL or a script body. */
const COMMAND_TOKENS = new Set(['command', 'commands', 'cmd', 'shell', 'bash', 'powershell']);

/** Argument path of a parameter: `inputSchema.properties.options.properties.url` → `options.url`. */
function argPath(p: Param): string {
	return p.path.replace(/^inputSchema\.properties\./, '').replace(/\.properties\./g, '.');
}

/** Plain object nesting only: a name with a dot or a space, or a path through items or branches, has no `args.` path. */
const PLAIN_PATH = /^inputSchema\.properties\.[^.\s]+(?:\.properties\.[^.\s]+)*$/;

/**
 * A single string at a plain path: regex conditions never match an array, so guarding one would stop
 * nothing.
 */
const singleString = (p: Param) => PLAIN_PATH.test(p.path) && (p.types.size === 0 || p.types.has('string'));

/** The guards for a tool's parameters, from the same parameter facts the classifier reads. */
export function guardsFor(tool: Pick<Tool, 'name' | 'inputSchema'>): ArgumentGuard[] {
	const facts = classifyParams(tool.inputSchema, tool.name);
	const guards: ArgumentGuard[] = [];
	for (const p of facts.url) if (singleString(p)) guards.push(urlGuard(argPath(p)));
	for (const p of facts.path) if (singleString(p)) guards.push(pathGuard(argPath(p), namesLocation(p)));
	for (const p of facts.code)
		if (singleString(p) && p.tokens.some((t) => COMMAND_TOKENS.has(t))) guards.push(commandGuard(argPath(p)));
	return guards;
}
