/**
 * Claude Code: the `permissions` block of `.claude/settings.json`. Each tool gets one rule
 * `mcp__<server>__<tool>` in `allow`, `ask` or `deny`; `ask` prompts a person before every call.
 * Claude Code has no rate limit and no argument matching for MCP rules, and settings files may not carry
 * comments (a comment discards the whole file), so everything it cannot express goes into `warnings`.
 */
import type { Action } from '../../classify/types.ts';
import { escapeHidden } from '../policy-text.ts';
import { FORMAT_MAPPING } from './mapping.ts';
import { callable, downloadName } from './shared.ts';
import type { FormatDocument, FormatServer, FormatTool, FormatWriter } from './types.ts';

/** The three permission lists, strictest last. */
export const CLAUDE_BUCKETS = ['allow', 'ask', 'deny'] as const;

/** One of Claude Code's permission lists. */
export type ClaudeBucket = (typeof CLAUDE_BUCKETS)[number];

/** The settings fragment this format writes. */
export interface ClaudeSettings {
	permissions: Partial<Record<ClaudeBucket, string[]>>;
}

/** Which list each of our actions lands in (the mapping table says why). */
export const CLAUDE_BUCKET: Record<Action, ClaudeBucket> = {
	allow: 'allow',
	'rate-limit': 'ask',
	approve: 'ask',
	deny: 'deny',
	hide: 'deny',
};

/** The Anthropic API accepts tool names of at most 64 characters. */
const MAX_RULE_LENGTH = 64;

/** Claude Code's spelling of a server or tool name in a rule: characters outside `[A-Za-z0-9_-]` become `_`. */
function claudeName(name: string): string {
	return name.replace(/[^A-Za-z0-9_-]/g, '_');
}

/** The permission rule for one tool of a server. */
export function claudeRule(serverName: string, toolName: string): string {
	return `mcp__${claudeName(serverName)}__${claudeName(toolName)}`;
}

function serverWarnings(serverName: string): string[] {
	const warnings: string[] = [];
	if (claudeName(serverName) !== serverName)
		warnings.push(
			`Claude Code refuses server names outside letters, digits, "-" and "_" in \`claude mcp add\`, and writes "${serverName}" as "${claudeName(serverName)}" in rules: the rules use that spelling.`,
		);
	if (serverName.includes('__'))
		warnings.push(
			`The server name "${serverName}" contains "__", which Claude Code reads as the server/tool separator: rename the server.`,
		);
	return warnings;
}

function build(serverName: string, tools: readonly FormatTool[]): FormatDocument<ClaudeSettings> {
	const warnings = serverWarnings(serverName);
	const bucketOf = new Map<string, ClaudeBucket>();
	const owners = new Map<string, string[]>();
	let uncapped = 0;
	let unguarded = 0;
	for (const tool of tools) {
		const rule = claudeRule(serverName, tool.name);
		const bucket = CLAUDE_BUCKET[tool.plan.action];
		const previous = bucketOf.get(rule);
		// Two names that Claude Code spells alike share one rule: the stricter action wins.
		if (previous === undefined || CLAUDE_BUCKETS.indexOf(bucket) > CLAUDE_BUCKETS.indexOf(previous))
			bucketOf.set(rule, bucket);
		owners.set(rule, [...(owners.get(rule) ?? []), tool.name]);
		if (tool.plan.action === 'rate-limit') uncapped += 1;
		if (tool.guards.length > 0 && callable(tool)) unguarded += 1;
		if (rule.length > MAX_RULE_LENGTH)
			warnings.push(
				`${rule} is longer than ${MAX_RULE_LENGTH} characters, the most the Anthropic API accepts for a tool name: check with /permissions how your Claude Code names this tool.`,
			);
	}
	for (const [rule, names] of owners)
		if (names.length > 1)
			warnings.push(
				`${names.join(', ')} are all written ${rule} in Claude Code: the rule takes the strictest of their actions.`,
			);
	if (uncapped > 0)
		warnings.push(
			`${uncapped} rate-limited tool${uncapped === 1 ? '' : 's'} ask${uncapped === 1 ? 's' : ''} a person instead: ${FORMAT_MAPPING['claude-code']['rate-limit'].note}`,
		);
	if (unguarded > 0)
		warnings.push(
			`Claude Code permission rules cannot check arguments, so the argument guards of ${unguarded} tool${unguarded === 1 ? '' : 's'} are not applied: use the policy.json or Intercept format, or a PreToolUse hook.`,
		);
	const permissions: ClaudeSettings['permissions'] = {};
	for (const bucket of CLAUDE_BUCKETS) {
		const rules = [...bucketOf].filter(([, b]) => b === bucket).map(([r]) => r);
		if (rules.length > 0) permissions[bucket] = rules;
	}
	return { value: { permissions }, warnings };
}

/** The Claude Code writer; `claude-code.validate.ts` checks its text. */
export const claudeCodeWriter: FormatWriter<ClaudeSettings> = {
	id: 'claude-code',
	label: 'Claude Code',
	fileName: downloadName('claude-code.json'),
	mediaType: 'application/json',
	shikiLang: 'json',
	forTool: (tool, serverName) => build(serverName, [tool]),
	forServer: (server: FormatServer) => build(server.name, server.tools),
	serialise: (doc) => `${escapeHidden(JSON.stringify(doc.value, null, 2))}\n`,
};
