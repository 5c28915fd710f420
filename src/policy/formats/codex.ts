/**
 * Codex: a `[mcp_servers.<server>]` table for `config.toml`. Tools we allow or gate stay in
 * `enabled_tools` (an allow-list, so tools the server adds later are not registered) with a per-tool
 * `approval_mode`; tools we deny or hide go to `disabled_tools`. Codex has no rate limit and no argument
 * checks for MCP tools; what it cannot express is written as TOML comments above the table.
 */
import { stringify } from 'smol-toml';
import type { Action } from '../../classify/types.ts';
import { escapeHidden } from '../policy-text.ts';
import { FORMAT_MAPPING } from './mapping.ts';
import { callable, downloadName } from './shared.ts';
import type { FormatDocument, FormatTool, FormatWriter } from './types.ts';

/** Where a tool lands in Codex: removed, or registered with an approval mode. */
export type CodexBucket = 'disabled' | 'prompt' | 'approve';

/** One server's table. */
export interface CodexServerTable {
	enabled_tools?: string[];
	disabled_tools?: string[];
	default_tools_approval_mode?: 'prompt';
	tools?: Record<string, { approval_mode: 'prompt' | 'approve' }>;
}

/** The config fragment this format writes. */
export interface CodexConfig {
	mcp_servers: Record<string, CodexServerTable>;
}

/** Which bucket each of our actions lands in (the mapping table says why). */
export const CODEX_BUCKET: Record<Action, CodexBucket> = {
	allow: 'approve',
	'rate-limit': 'prompt',
	approve: 'prompt',
	deny: 'disabled',
	hide: 'disabled',
};

/** Codex refuses to start a server whose name does not match this. */
export const CODEX_SERVER_NAME = /^[A-Za-z0-9_-]+$/;

function build(serverName: string, tools: readonly FormatTool[], whole: boolean): FormatDocument<CodexConfig> {
	const warnings: string[] = [
		whole
			? `Merge these keys into your existing [mcp_servers.${serverName}] table (same name, with its command or url): a table without a transport stops Codex loading the config.`
			: `Merge into your existing [mcp_servers.${serverName}] table; the server's other tools are untouched.`,
	];
	if (!CODEX_SERVER_NAME.test(serverName))
		warnings.push(
			`Codex refuses to start a server named "${serverName}" (names must match ^[a-zA-Z0-9_-]+$): rename it in your config and here.`,
		);
	const table: CodexServerTable = {};
	const enabled: string[] = [];
	const disabled: string[] = [];
	const perTool: NonNullable<CodexServerTable['tools']> = {};
	let uncapped = 0;
	let unguarded = 0;
	for (const tool of tools) {
		const bucket = CODEX_BUCKET[tool.plan.action];
		if (tool.plan.action === 'rate-limit') uncapped += 1;
		if (bucket === 'disabled') {
			disabled.push(tool.name);
			continue;
		}
		if (tool.guards.length > 0 && callable(tool)) unguarded += 1;
		enabled.push(tool.name);
		perTool[tool.name] = { approval_mode: bucket };
	}
	if (uncapped > 0)
		warnings.push(
			`${uncapped} rate-limited tool${uncapped === 1 ? '' : 's'} prompt${uncapped === 1 ? 's' : ''} instead: ${FORMAT_MAPPING.codex['rate-limit'].note}`,
		);
	if (unguarded > 0)
		warnings.push(
			`Codex cannot check MCP tool arguments, so the argument guards of ${unguarded} tool${unguarded === 1 ? '' : 's'} are not applied: use the policy.json or Intercept format.`,
		);
	// Only the server file is an allow-list: a one-tool snippet with enabled_tools would switch off the rest.
	if (whole) {
		table.enabled_tools = enabled;
		table.default_tools_approval_mode = 'prompt';
	}
	if (disabled.length > 0) table.disabled_tools = disabled;
	if (enabled.length > 0) table.tools = perTool;
	return { value: { mcp_servers: { [serverName]: table } }, warnings };
}

/** The Codex writer; `codex.validate.ts` checks its text. */
export const codexWriter: FormatWriter<CodexConfig> = {
	id: 'codex',
	label: 'Codex',
	fileName: downloadName('codex.toml'),
	mediaType: 'application/toml',
	shikiLang: 'toml',
	forTool: (tool, serverName) => build(serverName, [tool], false),
	forServer: (server) => build(server.name, server.tools, true),
	serialise(doc) {
		const comments = doc.warnings.map((w) => `# ${w}`).join('\n');
		return `${escapeHidden(comments, 'toml')}\n${escapeHidden(stringify(doc.value).trimEnd(), 'toml')}\n`;
	},
};
