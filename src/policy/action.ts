/**
 * The one table that turns a label into what the gateway should do. The classifier records the action
 * in the decision; the policy generator, the FAQ and the methodology page all read it from here.
 */
import type { Category, Level } from '../catalogue/schema.ts';
import type { Action, IntegrityFinding } from '../classify/types.ts';

/** A per-tool call cap, counted per grant. */
export interface RateLimit {
	max: number;
	window: 'minute' | 'hour' | 'day';
}

/** What the policy does with one tool, and why (the why is quoted on the page). */
export interface ActionPlan {
	action: Action;
	/** Present when action is `rate-limit`. */
	limit?: RateLimit;
	/** Id of the row of the table below that chose the action. */
	rule: string;
	/** Plain-English reason, completing "because …". */
	because: string;
}

/** Caps by level for rate-limited tools: tighter as the level rises. */
export const RATE_LIMITS: Record<'Medium' | 'High' | 'ReadMedium', RateLimit> = {
	ReadMedium: { max: 60, window: 'minute' },
	Medium: { max: 30, window: 'minute' },
	High: { max: 10, window: 'minute' },
};

/**
 * Chooses the action for a label. First match wins:
 * 1. any high-severity integrity finding → hide (the definition itself is the payload);
 * 2. Critical Destructive → hide; Critical Execute → deny; other Critical → approve;
 * 3. High Execute → rate-limit 10/minute; other High → approve;
 * 4. Medium Financial → approve; Medium Read → rate-limit 60/minute; other Medium → rate-limit 30/minute;
 * 5. Low → allow, raised to rate-limit when an integrity finding of medium severity exists.
 */
export function planAction(category: Category, level: Level, integrity: readonly IntegrityFinding[]): ActionPlan {
	if (integrity.some((f) => f.severity === 'high')) {
		return {
			action: 'hide',
			rule: 'P-integrity',
			because:
				'its definition carries signs of tool poisoning, so even listing it would put hostile text in front of the model',
		};
	}
	const plan = planByLabel(category, level);
	if (plan.action === 'allow' && integrity.length > 0) {
		return {
			action: 'rate-limit',
			limit: RATE_LIMITS.ReadMedium,
			rule: 'P-integrity-review',
			because: 'its definition has suspicious text worth reviewing, so it is never left uncapped',
		};
	}
	return plan;
}

function planByLabel(category: Category, level: Level): ActionPlan {
	switch (level) {
		case 'Critical':
			if (category === 'Destructive') {
				return {
					action: 'hide',
					rule: 'P-critical-destructive',
					because:
						"a single call can irreversibly destroy something important, so the tool is removed from the agent's view",
				};
			}
			if (category === 'Execute') {
				return {
					action: 'deny',
					rule: 'P-critical-execute',
					because: 'it runs arbitrary code or commands, so every call is refused unless you deliberately open it up',
				};
			}
			return {
				action: 'approve',
				rule: 'P-critical-approve',
				because: 'its effects are serious and hard to undo, so a human confirms each call',
			};
		case 'High':
			if (category === 'Execute') {
				return {
					action: 'rate-limit',
					limit: RATE_LIMITS.High,
					rule: 'P-high-execute',
					because: 'it triggers real operations with immediate effect, so a runaway agent must not fire it repeatedly',
				};
			}
			return {
				action: 'approve',
				rule: 'P-high-approve',
				because: 'a mistaken or manipulated call does real harm, so a human confirms each call',
			};
		case 'Medium':
			if (category === 'Financial') {
				return { action: 'approve', rule: 'P-financial', because: 'it touches money, so a human confirms each call' };
			}
			if (category === 'Read') {
				return {
					action: 'rate-limit',
					limit: RATE_LIMITS.ReadMedium,
					rule: 'P-medium-read',
					because: 'what it reads is sensitive or untrusted, so bulk reading is capped',
				};
			}
			return {
				action: 'rate-limit',
				limit: RATE_LIMITS.Medium,
				rule: 'P-medium',
				because: 'it changes state, so a looping agent cannot make hundreds of changes a minute',
			};
		case 'Low':
			return { action: 'allow', rule: 'P-low', because: 'it has little potential for harm' };
	}
}
