/**
 * Turns decisions into policy documents. Tool pages get `recommendPolicy`, server pages
 * `serverPolicy`; both are built from the same per-tool rule so a tool's line in the server policy is
 * exactly its tool-page snippet.
 */
import type { Decision } from '../classify/types.ts';
import { type ActionPlan, APPROVAL_MESSAGE, DENY_MESSAGE, planAction, RATE_LIMITS } from './action.ts';
import { type Policy, policySchema, type ToolRule } from './schema.ts';

/** Counter name for a tool's rate limit: lowercased name + `_rate` (the anchor's convention). */
export function counterName(toolName: string): string {
	return `${toolName.toLowerCase()}_rate`;
}

/** The plan behind a decision: the same table the classifier used to set `decision.action`. */
export function planFor(decision: Decision): ActionPlan {
	return planAction(decision.category, decision.level, decision.integrity);
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

/** The recommended policy for one tool: default deny, and this tool hidden, refused, gated, capped or allowed. */
export function recommendPolicy(decision: Decision, toolName: string): Policy {
	return policyForPlan(toolName, planFor(decision));
}

/** A single-tool policy for a plan (attack pages use it for their example snippet). */
export function policyForPlan(toolName: string, plan: ActionPlan): Policy {
	const entry = toolEntry(toolName, plan);
	const policy: Policy = entry.hide
		? { version: '1', default: 'deny', hide: [toolName] }
		: { version: '1', default: 'deny', tools: Object.fromEntries([[toolName, entry.rule ?? {}]]) };
	return checked(policy);
}

/**
 * The policy itself once it passes the schema. Not the parse result: zod rebuilds the `tools` record and
 * drops a tool named `__proto__` on the way, and a tool name is catalogue text, so it can be any string.
 */
function checked(policy: Policy): Policy {
	policySchema.parse(policy);
	return policy;
}

/** The recommended policy for a whole server: every tool's rule in one document, tools in listed order. */
export function serverPolicy(tools: readonly { name: string; decision: Decision }[]): Policy {
	const hide: string[] = [];
	// Tool names are catalogue text: entries, not assignments, so `__proto__` or `constructor` is just a name.
	const rules: [string, ToolRule][] = [];
	for (const { name, decision } of tools) {
		const entry = toolEntry(name, planFor(decision));
		if (entry.hide) hide.push(name);
		else rules.push([name, entry.rule ?? {}]);
	}
	const policy: Policy = { version: '1', default: 'deny' };
	if (hide.length > 0) policy.hide = hide;
	if (rules.length > 0) policy.tools = Object.fromEntries(rules);
	return checked(policy);
}
