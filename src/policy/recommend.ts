/**
 * Turns decisions into policy documents. Tool pages get `recommendPolicy`, server pages
 * `serverPolicy`; both are built from the same per-tool rule so a tool's line in the server policy is
 * exactly its tool-page snippet. Every document is checked against the schema here; the unchecked
 * builders live in `plan-policy.ts` so the browser can share them without zod.
 */
import type { Decision } from '../classify/types.ts';
import { type ActionPlan, planAction } from './action.ts';
import type { ArgumentGuard } from './formats/types.ts';
import { buildServerPolicy, buildToolPolicy, type PlannedTool } from './plan-policy.ts';
import { type Policy, policySchema } from './schema.ts';

export { counterName } from './plan-policy.ts';

/** The plan behind a decision: the same table the classifier used to set `decision.action`. */
export function planFor(decision: Decision): ActionPlan {
	return planAction(decision.category, decision.level, decision.integrity);
}

/** The recommended policy for one tool: default deny, and this tool hidden, refused, gated, capped or allowed. */
export function recommendPolicy(decision: Decision, toolName: string, guards: readonly ArgumentGuard[] = []): Policy {
	return policyForPlan(toolName, planFor(decision), guards);
}

/** A single-tool policy for a plan (attack pages use it for their example snippet). */
export function policyForPlan(toolName: string, plan: ActionPlan, guards: readonly ArgumentGuard[] = []): Policy {
	return checked(buildToolPolicy(toolName, plan, guards));
}

/** The recommended policy for a whole server: every tool's rule in one document, tools in listed order. */
export function serverPolicy(
	tools: readonly { name: string; decision: Decision; guards?: readonly ArgumentGuard[] }[],
): Policy {
	return serverPolicyForPlans(tools.map(({ name, decision, guards }) => ({ name, plan: planFor(decision), guards })));
}

/** A server policy from plans already chosen, checked against the schema. */
export function serverPolicyForPlans(tools: readonly PlannedTool[]): Policy {
	return checked(buildServerPolicy(tools));
}

/**
 * The policy itself once it passes the schema. Not the parse result: zod rebuilds the `tools` record and
 * drops a tool named `__proto__` on the way, and a tool name is catalogue text, so it can be any string.
 */
function checked(policy: Policy): Policy {
	policySchema.parse(policy);
	return policy;
}
