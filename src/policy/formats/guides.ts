/**
 * What the `/formats/` page says about each format: where the file goes, how to apply it, what it cannot
 * express, and the client documentation or source each statement rests on. Plain data, so the page only
 * lays it out; the per-action cells come from the mapping table.
 */

import { urls } from '../../site/urls.ts';
import type { FormatId } from './types.ts';

/** A cited source: the client's own documentation, source file or issue thread. */
export interface Citation {
	label: string;
	href: string;
}

/** The guide for one format. */
export interface FormatGuide {
	/** Where the file (or its keys) goes. */
	where: string;
	/** Two to four steps. */
	apply: readonly string[];
	/** What the format cannot express, one item each. */
	cannot: readonly string[];
	sources: readonly Citation[];
}

const CODEX = 'https://github.com/openai/codex/blob/main';
const INTERCEPT = 'https://github.com/PolicyLayer/Intercept/blob/main';

/** Every format's guide. */
export const FORMAT_GUIDES: Record<FormatId, FormatGuide> = {
	'policy-json': {
		where:
			'A gateway that reads PolicyLayer policy documents (format version "1"), in front of the MCP server. The site publishes its JSON Schema.',
		apply: [
			'Download the server’s policy.json (or copy a tool’s snippet and merge its entry into your server policy).',
			'Replace the /ALLOWED/ROOT placeholder of any path guard with the directory the tool may use.',
			'Load the document into your gateway for the server; it denies every tool the policy does not list.',
		],
		cannot: [
			'A real approval: "require approval" is written as a rule that always denies with "Requires human approval.", for a gateway with an approval flow to release.',
			'A check that holds only when an argument does not match a pattern: there is no negated regex, so such checks are spelled as the complement.',
		],
		sources: [{ label: 'policy.json JSON Schema (this site)', href: urls.policySchema }],
	},
	'claude-code': {
		where:
			'The permissions block of .claude/settings.json (shared with the project), .claude/settings.local.json (just you) or ~/.claude/settings.json (every project).',
		apply: [
			'Open the settings file, or create it with the downloaded content.',
			'Merge the allow, ask and deny entries into the existing permissions arrays; keep the file plain JSON without comments (a comment makes Claude Code discard the whole file).',
			'Replace the server name in mcp__<server>__<tool> with the name the server has in your MCP config (claude mcp list), characters outside letters, digits, "-" and "_" written as "_".',
			'Restart the session and check the rules with /permissions.',
		],
		cannot: [
			'A rate limit: rate-limited tools go to ask, so a person approves each call, and the cap is not enforced by Claude Code.',
			'Argument checks: MCP permission rules match the tool name only; use a PreToolUse hook, or the policy.json or Intercept format, for the guards.',
			'Hiding a tool: hidden tools get a deny rule; whether that removes the tool from the model’s list is not documented.',
			'Deny by default for unlisted tools without affecting built-in tools (defaultMode "dontAsk" applies to all tools), so it is not set: unlisted MCP tools prompt.',
		],
		sources: [
			{ label: 'Claude Code permissions', href: 'https://code.claude.com/docs/en/permissions' },
			{ label: 'Claude Code settings', href: 'https://code.claude.com/docs/en/settings' },
			{
				label: 'SchemaStore claude-code-settings.json',
				href: 'https://json.schemastore.org/claude-code-settings.json',
			},
			{
				label: 'anthropics/claude-code#48282 (MCP rule forms, no argument matching)',
				href: 'https://github.com/anthropics/claude-code/issues/48282',
			},
			{
				label: 'anthropics/claude-code#83190 (a comment discards the settings file)',
				href: 'https://github.com/anthropics/claude-code/issues/83190',
			},
		],
	},
	codex: {
		where:
			'~/.codex/config.toml, or .codex/config.toml in a trusted project, inside the server’s existing [mcp_servers.<server>] table.',
		apply: [
			'Find the server’s table ([mcp_servers.<name>], see codex mcp list); the name must match exactly and use only letters, digits, "-" and "_".',
			'Add enabled_tools, disabled_tools and default_tools_approval_mode to that table (next to its command or url), and the [mcp_servers.<name>.tools.<tool>] tables after it, without repeating a table already in the file.',
			'Restart Codex; /mcp lists the tools it registered.',
		],
		cannot: [
			'A rate limit: rate-limited tools get approval_mode = "prompt", so a person approves each call, and the cap is not enforced by Codex.',
			'Argument checks for MCP tools.',
			'A tool that stays visible but is refused: denied tools are disabled, which removes them from the model’s list.',
			'An approval in full-access mode (approval_policy = "never" with no sandbox), where prompt runs without asking; with a sandbox, newer builds deny such calls instead.',
		],
		sources: [
			{ label: 'Codex MCP server config (mcp_types.rs)', href: `${CODEX}/codex-rs/config/src/mcp_types.rs` },
			{ label: 'Codex config.md (enabled_tools / disabled_tools)', href: `${CODEX}/docs/config.md` },
			{ label: 'Codex approval flow (mcp_tool_call.rs)', href: `${CODEX}/codex-rs/core/src/mcp_tool_call.rs` },
			{ label: 'Codex config.schema.json', href: `${CODEX}/codex-rs/core/config.schema.json` },
			{ label: 'Codex server-name check (mcp_cmd.rs)', href: `${CODEX}/codex-rs/cli/src/mcp_cmd.rs` },
			{ label: 'Codex config basics', href: 'https://developers.openai.com/codex/config-basic' },
		],
	},
	intercept: {
		where: 'A YAML file Intercept reads when it runs in front of the server (intercept -c <file> -- <server command>).',
		apply: [
			'Save the file and check it: npx -y @policylayer/intercept validate -c <file>.',
			'In your MCP client config, make the server’s command intercept with args -c /absolute/path/<file> -- followed by the original command.',
			'Replace the /ALLOWED/ROOT placeholder of any path guard; restart the client. Denials reach the agent as [INTERCEPT POLICY DENIED] ….',
		],
		cannot: [
			'A real approval: Intercept’s rule actions are evaluate and deny, so "require approval" is a deny with a "Requires human approval." message.',
			'A check that denies when an argument matches a pattern: an evaluate rule allows only when its conditions hold, and RE2 has no lookahead to write the complement. The URL guard’s internal-address check is therefore left out (named in a comment); the other guards are written as the (sometimes stricter) conditions that must hold.',
			'An optional guarded argument: a missing argument fails its condition, so calls that omit it are denied.',
		],
		sources: [
			{ label: 'Intercept POLICY.md', href: `${INTERCEPT}/POLICY.md` },
			{ label: 'Intercept USAGE.md', href: `${INTERCEPT}/USAGE.md` },
			{ label: 'Intercept config.go (keys)', href: `${INTERCEPT}/internal/config/config.go` },
			{ label: 'Intercept engine.go (rule semantics)', href: `${INTERCEPT}/internal/engine/engine.go` },
		],
	},
};
