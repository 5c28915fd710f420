/** Checks Claude Code settings text: a JSON parse, then the shape of its `permissions` lists. */
import { CLAUDE_BUCKETS } from './claude-code.ts';
import { tryParse } from './shared.ts';

/** The problems in a Claude Code settings fragment; none when every rule sits in a known list. */
export function validateClaudeCode(text: string): string[] {
	const parsed = tryParse(() => JSON.parse(text) as unknown);
	if ('error' in parsed) return [`not JSON: ${parsed.error}`];
	const permissions = (parsed.value as { permissions?: unknown } | null)?.permissions;
	if (typeof permissions !== 'object' || permissions === null) return ['no permissions object'];
	const problems: string[] = [];
	for (const [key, rules] of Object.entries(permissions)) {
		if (!(CLAUDE_BUCKETS as readonly string[]).includes(key))
			problems.push(`permissions.${key}: not allow, ask or deny`);
		else if (!Array.isArray(rules) || rules.some((r) => typeof r !== 'string' || !/^mcp__[A-Za-z0-9_-]+$/.test(r)))
			problems.push(`permissions.${key}: every rule must be mcp__<server>__<tool> in [A-Za-z0-9_-]`);
	}
	return problems;
}
