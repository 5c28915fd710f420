/** Checks Codex config text: a TOML parse, then server names and approval modes. */
import { parse } from 'smol-toml';
import { CODEX_SERVER_NAME, type CodexServerTable } from './codex.ts';
import { tryParse } from './shared.ts';

/** The problems in a Codex `[mcp_servers]` fragment; none when Codex would load it. */
export function validateCodex(text: string): string[] {
	const parsed = tryParse(() => parse(text));
	if ('error' in parsed) return [`not TOML: ${parsed.error}`];
	const servers = parsed.value.mcp_servers;
	if (typeof servers !== 'object' || servers === null || Array.isArray(servers)) return ['no [mcp_servers] table'];
	const problems: string[] = [];
	for (const [name, table] of Object.entries(servers)) {
		if (!CODEX_SERVER_NAME.test(name)) problems.push(`mcp_servers.${name}: Codex refuses this server name`);
		const tools = (table as CodexServerTable).tools ?? {};
		for (const [tool, config] of Object.entries(tools))
			if (!['auto', 'prompt', 'approve'].includes(config.approval_mode))
				problems.push(`mcp_servers.${name}.tools.${tool}.approval_mode: not auto, prompt or approve`);
	}
	return problems;
}
