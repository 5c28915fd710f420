/**
 * Turns decisions into policy documents. Tool pages get `recommendPolicy`, server pages
 * `serverPolicy`; both are built from the same per-tool rule so a tool's line in the server policy is
 * exactly its tool-page snippet.
 */
import type { Decision } from '../classify/types.ts';
import { type ActionPlan, APPROVAL_MESSAGE, DENY_MESSAGE, planAction, RATE_LIMITS } from './action.ts';
import type { ArgumentGuard } from './formats/types.ts';
import { type Policy, policySchema, type ToolRule } from './schema.ts';

/** Counter name for a tool's rate limit: lowercased name + `_rate` (the anchor's convention). */
export function counterName(toolName: string): string {
	return `${toolName.toLowerCase()}_rate`;
}

/** The plan behind a decision: the same table the classifier used to set `decision.action`. */
export function planFor(decision: Decision): ActionPlan {
	return planAction(decision.category, decision.level, decision.integrity);
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

/** The recommended policy for one tool: default deny, and this tool hidden, refused, gated, capped or allowed. */
export function recommendPolicy(decision: Decision, toolName: string, guards: readonly ArgumentGuard[] = []): Policy {
	return policyForPlan(toolName, planFor(decision), guards);
}

/** A single-tool policy for a plan (attack pages use it for their example snippet). */
export function policyForPlan(toolName: string, plan: ActionPlan, guards: readonly ArgumentGuard[] = []): Policy {
	const entry = toolEntry(toolName, plan, guards);
	const policy: Policy = entry.hide
		? { version: '1', default: 'deny', hide: [toolName] }
		: { version: '1', default: 'deny', tools: { [toolName]: entry.rule ?? {} } };
	return policySchema.parse(policy);
}

/** The recommended policy for a whole server: every tool's rule in one document, tools in listed order. */
export function serverPolicy(
	tools: readonly { name: string; decision: Decision; guards?: readonly ArgumentGuard[] }[],
): Policy {
	return serverPolicyForPlans(
		tools.map(({ name, decision, guards }) => ({ name, plan: planFor(decision), guards: guards ?? [] })),
	);
}

/** A server policy from plans already chosen (the builder passes the user's choices). */
export function serverPolicyForPlans(
	tools: readonly { name: string; plan: ActionPlan; guards?: readonly ArgumentGuard[] }[],
): Policy {
	const hide: string[] = [];
	const rules: Record<string, ToolRule> = {};
	for (const { name, plan, guards } of tools) {
		const entry = toolEntry(name, plan, guards);
		if (entry.hide) hide.push(name);
		else rules[name] = entry.rule ?? {};
	}
	const policy: Policy = { version: '1', default: 'deny' };
	if (hide.length > 0) policy.hide = hide;
	if (Object.keys(rules).length > 0) policy.tools = rules;
	return policySchema.parse(policy);
}
