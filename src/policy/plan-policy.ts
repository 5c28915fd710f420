/**
 * Policy documents from action plans, without validation: the zod-free core the browser builder shares
 * with the build. `recommend.ts` wraps these with the schema check every published snippet gets.
 */
import { type ActionPlan, APPROVAL_MESSAGE, DENY_MESSAGE, RATE_LIMITS } from './action.ts';
import type { ArgumentGuard } from './formats/types.ts';
import type { Policy, ToolRule } from './schema.ts';

/** One tool's input to a server policy: its name, the chosen plan and its argument guards. */
export interface PlannedTool {
	name: string;
	plan: ActionPlan;
	guards?: readonly ArgumentGuard[] | undefined;
}

/** Counter name for a tool's rate limit: lowercased name + `_rate` (the anchor's convention). */
export function counterName(toolName: string): string {
	return `${toolName.toLowerCase()}_rate`;
}

/**
 * The `require` and `deny_if` entries of a callable tool's guards. Denied, gated and hidden tools never
 * run, so their guards would add nothing.
 */
export function guardRule(guards: readonly ArgumentGuard[]): Pick<ToolRule, 'require' | 'deny_if'> {
	const rule: Pick<ToolRule, 'require' | 'deny_if'> = {};
	for (const check of guards.flatMap((g) => g.checks)) {
		if ('require' in check.policy) (rule.require ??= []).push(check.policy.require);
		else (rule.deny_if ??= []).push({ conditions: [check.policy.denyIf], on_deny: check.onDeny });
	}
	return rule;
}

/** What one tool contributes to a policy: a `hide` entry or a rule under `tools`. */
export function toolEntry(
	toolName: string,
	plan: ActionPlan,
	guards: readonly ArgumentGuard[] = [],
): { hide: boolean; rule?: ToolRule } {
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
				rule: {
					...guardRule(guards),
					limits: [{ counter: counterName(toolName), window: limit.window, max: limit.max, scope: 'grant' }],
				},
			};
		}
		case 'allow':
			return { hide: false, rule: guardRule(guards) };
	}
}

/** A single-tool policy for a plan: default deny, and this tool hidden, refused, gated, capped or allowed. */
export function buildToolPolicy(toolName: string, plan: ActionPlan, guards: readonly ArgumentGuard[] = []): Policy {
	const entry = toolEntry(toolName, plan, guards);
	return entry.hide
		? { version: '1', default: 'deny', hide: [toolName] }
		: { version: '1', default: 'deny', tools: Object.fromEntries([[toolName, entry.rule ?? {}]]) };
}

/** A server policy from plans already chosen: every tool's rule in one document, tools in listed order. */
export function buildServerPolicy(tools: readonly PlannedTool[]): Policy {
	const hide: string[] = [];
	// Tool names are catalogue text: entries, not assignments, so `__proto__` or `constructor` is just a name.
	const rules: [string, ToolRule][] = [];
	for (const { name, plan, guards } of tools) {
		const entry = toolEntry(name, plan, guards);
		if (entry.hide) hide.push(name);
		else rules.push([name, entry.rule ?? {}]);
	}
	const policy: Policy = { version: '1', default: 'deny' };
	if (hide.length > 0) policy.hide = hide;
	if (rules.length > 0) policy.tools = Object.fromEntries(rules);
	return policy;
}
