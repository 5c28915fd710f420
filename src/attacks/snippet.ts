/**
 * The example policy on an attack page: the pattern's recommended action applied to one example tool,
 * plus the argument constraints the pattern's front matter gives. Pure, so unit tests can run every
 * snippet through the reference evaluator and check the calls the front matter says it must stop.
 */
import { type ActionPlan, describeToolEffect, RATE_LIMITS } from '../policy/action.ts';
import { policyForPlan } from '../policy/recommend.ts';
import { type Policy, policySchema, policyToJson } from '../policy/schema.ts';
import type { AttackFrontmatter } from './schema.ts';

/** Tool name used when the pattern gives no example of its own. */
export const EXAMPLE_TOOL = 'example_tool';

/** The example snippet of a pattern, and the sentences the page prints next to it. */
export interface AttackSnippet {
	tool: string;
	policy: Policy;
	json: string;
	/** What the snippet does to the example tool, one sentence per rule, constraints first. */
	effects: string[];
}

/** The snippet for a pattern, or undefined when no tool policy can stop it (`action: none`). */
export function attackSnippet(policy: AttackFrontmatter['policy']): AttackSnippet | undefined {
	if (policy.action === 'none') return undefined;
	const tool = policy.example?.tool ?? policy.snippetTool ?? EXAMPLE_TOOL;
	const plan: ActionPlan = {
		action: policy.action,
		rule: 'attack',
		because: '',
		...(policy.action === 'rate-limit' ? { limit: RATE_LIMITS.Medium } : {}),
	};
	const base = policyForPlan(tool, plan);
	const denyIf = (policy.example?.denyIf ?? []).map((d) => ({ conditions: d.conditions, on_deny: d.message }));
	// Constraints come first: under first-denial-wins they refuse a bad call before the limit counts it.
	const rule = base.tools?.[tool];
	const withConstraints: Policy =
		denyIf.length === 0
			? base
			: { ...base, tools: { [tool]: { ...rule, deny_if: [...denyIf, ...(rule?.deny_if ?? [])] } } };
	const parsed = policySchema.parse(withConstraints);
	const constraintEffects = denyIf.map(
		(d) => `A call is refused with "${d.on_deny}" when ${describeConditions(d.conditions)}.`,
	);
	return {
		tool,
		policy: parsed,
		json: policyToJson(parsed),
		effects: [...constraintEffects, describeToolEffect(tool, plan)],
	};
}

const OP_WORDS: Record<string, string> = {
	eq: 'equals',
	neq: 'differs from',
	lt: 'is below',
	lte: 'is at most',
	gt: 'is above',
	gte: 'is at least',
	in: 'is one of',
	not_in: 'is none of',
	contains: 'contains',
};

/**
 * "args.max_pages is above 50", joined with "and" (every condition must hold for a denial). Regular
 * expressions are not repeated in prose: the sentence points at the snippet, which shows them.
 */
export function describeConditions(conditions: readonly { path: string; op: string; value: unknown }[]): string {
	return conditions
		.map((c) => {
			if (c.op === 'exists') return `${c.path} is ${c.value ? 'present' : 'absent'}`;
			if (c.op === 'regex') return `${c.path} matches the rule's pattern in the snippet`;
			return `${c.path} ${OP_WORDS[c.op] ?? c.op} ${JSON.stringify(c.value)}`;
		})
		.join(' and ');
}
