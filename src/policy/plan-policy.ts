/**
 * Policy documents from action plans, without validation: the zod-free core the browser builder shares
 * with the build. `recommend.ts` wraps these with the schema check every published snippet gets.
 */
import { type ActionPlan, APPROVAL_MESSAGE, DENY_MESSAGE, RATE_LIMITS } from './action.ts';
import type { Policy, ToolRule } from './schema.ts';

/** Counter name for a tool's rate limit: lowercased name + `_rate` (the anchor's convention). */
export function counterName(toolName: string): string {
	return `${toolName.toLowerCase()}_rate`;
}

/** What one tool contributes to a policy: a `hide` entry or a rule under `tools`. */
export function toolEntry(toolName: string, plan: ActionPlan): { hide: boolean; rule?: ToolRule } {
	switch (plan.action) {
		case 'hide':
			return { hide: true };
		case 'deny':
			return { hide: false, rule: { deny_if: [{ conditions: [], on_deny: DENY_MESSAGE }] } };
		case 'approve':
			return { hide: false, rule: { deny_if: [{ conditions: [], on_deny: APPROVAL_MESSAGE }] } };
		case 'rate-limit': {
			const limit = plan.limit ?? RATE_LIMITS.Medium;
			return {
				hide: false,
				rule: { limits: [{ counter: counterName(toolName), window: limit.window, max: limit.max, scope: 'grant' }] },
			};
		}
		case 'allow':
			return { hide: false, rule: {} };
	}
}

/** A single-tool policy for a plan: default deny, and this tool hidden, refused, gated, capped or allowed. */
export function buildToolPolicy(toolName: string, plan: ActionPlan): Policy {
	const entry = toolEntry(toolName, plan);
	return entry.hide
		? { version: '1', default: 'deny', hide: [toolName] }
		: { version: '1', default: 'deny', tools: { [toolName]: entry.rule ?? {} } };
}

/** A server policy from plans already chosen: every tool's rule in one document, tools in listed order. */
export function buildServerPolicy(tools: readonly { name: string; plan: ActionPlan }[]): Policy {
	const hide: string[] = [];
	const rules: Record<string, ToolRule> = {};
	for (const { name, plan } of tools) {
		const entry = toolEntry(name, plan);
		if (entry.hide) hide.push(name);
		else rules[name] = entry.rule ?? {};
	}
	const policy: Policy = { version: '1', default: 'deny' };
	if (hide.length > 0) policy.hide = hide;
	if (Object.keys(rules).length > 0) policy.tools = rules;
	return policy;
}
