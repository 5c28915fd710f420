/**
 * The sentences a page prints next to a policy snippet. They are derived from the same plan that
 * produced the snippet, and tests run the snippet through the reference evaluator to check each claim.
 */
import type { ActionPlan } from './action.ts';
import { APPROVAL_MESSAGE, DENY_MESSAGE } from './recommend.ts';

const PER: Record<string, string> = { minute: 'a minute', hour: 'an hour', day: 'a day' };

/** What the tool-page snippet does to this tool, in one sentence. */
export function describeToolEffect(toolName: string, plan: ActionPlan): string {
	switch (plan.action) {
		case 'hide':
			return `${toolName} disappears from the agent's tool list, and any call to it is denied.`;
		case 'deny':
			return `${toolName} stays visible, but every call is refused with "${DENY_MESSAGE}"`;
		case 'approve':
			return `Every call to ${toolName} is stopped with "${APPROVAL_MESSAGE}": in this format a rule that always denies is how a human-approval gate is written, and your gateway releases the calls a person approves.`;
		case 'rate-limit': {
			const limit = plan.limit;
			if (!limit) throw new Error(`rate-limit plan for ${toolName} has no limit`);
			return `${toolName} stays usable, capped at ${limit.max} calls ${PER[limit.window]} per grant (calendar-aligned, UTC); further calls in the same ${limit.window} are denied.`;
		}
		case 'allow':
			return `${toolName} is allowed without limits.`;
	}
}

/** What the tool-page snippet does to the server's other tools. */
export const DEFAULT_DENY_NOTE =
	'The policy denies by default, so every other tool on the server is denied until you list it: merge this rule into your server policy rather than pasting it alone.';

/** Short label for an action, for badges and tables. */
export function actionLabel(plan: ActionPlan): string {
	switch (plan.action) {
		case 'hide':
			return 'Hide';
		case 'deny':
			return 'Deny';
		case 'approve':
			return 'Require approval';
		case 'rate-limit':
			return `Rate-limit ${plan.limit?.max ?? ''}/${plan.limit?.window ?? ''}`;
		case 'allow':
			return 'Allow';
	}
}
