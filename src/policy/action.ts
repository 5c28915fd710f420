/**
 * The action table, written once: how each action is named and described (`ACTIONS`), and which action
 * a label gets (`POLICY_RULES`, first match wins). The classifier records the chosen action in the
 * decision; the policy generator, the FAQ, the tool pages and the methodology page all read it from here.
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
	/** Id of the row of `POLICY_RULES` that chose the action. */
	rule: string;
	/** Plain-English reason, completing "because …". */
	because: string;
}

/** Caps for rate-limited tools: tighter as the level rises, looser for reading. */
export const RATE_LIMITS: Record<'Medium' | 'High' | 'ReadMedium', RateLimit> = {
	ReadMedium: { max: 60, window: 'minute' },
	Medium: { max: 30, window: 'minute' },
	High: { max: 10, window: 'minute' },
};

/** Message returned to the agent when a call waits for a human. */
export const APPROVAL_MESSAGE = 'Requires human approval.';
/** Message returned to the agent when a call is refused outright. */
export const DENY_MESSAGE = 'Denied by policy: this tool runs arbitrary code or commands.';

/** How an action reads on the page. */
export interface ActionText {
	/** Short name for badges and tables; a rate limit names its cap ("Rate-limit 10/minute"). */
	label(limit: RateLimit | undefined): string;
	/** What a snippet with this action does to the tool `name`, in one sentence. */
	effect(name: string, limit: RateLimit | undefined): string;
}

const PER: Record<RateLimit['window'], string> = { minute: 'a minute', hour: 'an hour', day: 'a day' };

/** Every action, named and described. */
export const ACTIONS: Record<Action, ActionText> = {
	allow: {
		label: () => 'Allow',
		effect: (name) => `${name} is allowed without limits.`,
	},
	'rate-limit': {
		label: (limit) => `Rate-limit ${limit?.max ?? ''}/${limit?.window ?? ''}`,
		effect: (name, limit) => {
			if (!limit) throw new Error(`rate-limit plan for ${name} has no limit`);
			return `${name} stays usable, capped at ${limit.max} calls ${PER[limit.window]} per grant (calendar-aligned, UTC); further calls in the same ${limit.window} are denied.`;
		},
	},
	approve: {
		label: () => 'Require approval',
		effect: (name) =>
			`Every call to ${name} is stopped with "${APPROVAL_MESSAGE}": in this format a rule that always denies is how a human-approval gate is written, and your gateway releases the calls a person approves.`,
	},
	deny: {
		label: () => 'Deny',
		effect: (name) => `${name} stays visible, but every call is refused with "${DENY_MESSAGE}"`,
	},
	hide: {
		label: () => 'Hide',
		effect: (name) => `${name} disappears from the agent's tool list, and any call to it is denied.`,
	},
};

/** Short label for a plan's action, for badges and tables. */
export function actionLabel(plan: Pick<ActionPlan, 'action' | 'limit'>): string {
	return ACTIONS[plan.action].label(plan.limit);
}

/** What the tool-page snippet does to this tool, in one sentence. */
export function describeToolEffect(toolName: string, plan: ActionPlan): string {
	return ACTIONS[plan.action].effect(toolName, plan.limit);
}

/** What a tool-page snippet does to the server's other tools, in any format. */
export const DEFAULT_DENY_NOTE =
	'Each snippet covers this tool only: merge it into your existing file rather than using it alone, since a file that denies by default would deny every other tool of the server.';

/** The parts of a decision the table reads. */
interface Label {
	category: Category;
	level: Level;
	integrity: readonly IntegrityFinding[];
}

/** One row of the policy table. */
export interface PolicyRule {
	id: string;
	/** The condition in words, as the methodology page prints it. */
	when: string;
	matches(label: Label): boolean;
	action: Action;
	/** Present when action is `rate-limit`. */
	limit?: RateLimit;
	/** Plain-English reason, completing "because …". */
	because: string;
}

/** Matches a level, and a category when one is given. */
const labelled =
	(level: Level, category?: Category) =>
	(label: Label): boolean =>
		label.level === level && (category === undefined || label.category === category);
const hasFinding = (severity: IntegrityFinding['severity']) => (label: Label) =>
	label.integrity.some((f) => f.severity === severity);

/**
 * Label → action, first match wins. A high-severity integrity finding hides the tool whatever its label
 * (the definition itself is the payload); a medium one keeps a Low tool from being left uncapped.
 */
export const POLICY_RULES: readonly PolicyRule[] = [
	{
		id: 'P-integrity',
		when: 'Any high-severity integrity finding',
		matches: hasFinding('high'),
		action: 'hide',
		because:
			'its definition carries signs of tool poisoning, so even listing it would put hostile text in front of the model',
	},
	{
		id: 'P-critical-destructive',
		when: 'Critical and Destructive',
		matches: labelled('Critical', 'Destructive'),
		action: 'hide',
		because: "a single call can irreversibly destroy something important, so the tool is removed from the agent's view",
	},
	{
		id: 'P-critical-execute',
		when: 'Critical and Execute',
		matches: labelled('Critical', 'Execute'),
		action: 'deny',
		because: 'it runs arbitrary code or commands, so every call is refused unless you deliberately open it up',
	},
	{
		id: 'P-critical-approve',
		when: 'Critical, any other category',
		matches: labelled('Critical'),
		action: 'approve',
		because: 'its effects are serious and hard to undo, so a human confirms each call',
	},
	{
		id: 'P-high-execute',
		when: 'High and Execute',
		matches: labelled('High', 'Execute'),
		action: 'rate-limit',
		limit: RATE_LIMITS.High,
		because: 'it triggers real operations with immediate effect, so a runaway agent must not fire it repeatedly',
	},
	{
		id: 'P-high-approve',
		when: 'High, any other category',
		matches: labelled('High'),
		action: 'approve',
		because: 'a mistaken or manipulated call does real harm, so a human confirms each call',
	},
	{
		id: 'P-financial',
		when: 'Medium and Financial',
		matches: labelled('Medium', 'Financial'),
		action: 'approve',
		because: 'it touches money, so a human confirms each call',
	},
	{
		id: 'P-medium-read',
		when: 'Medium and Read',
		matches: labelled('Medium', 'Read'),
		action: 'rate-limit',
		limit: RATE_LIMITS.ReadMedium,
		because: 'what it reads is sensitive or untrusted, so bulk reading is capped',
	},
	{
		id: 'P-medium',
		when: 'Medium, any other category',
		matches: labelled('Medium'),
		action: 'rate-limit',
		limit: RATE_LIMITS.Medium,
		because: 'it changes state, so a looping agent cannot make hundreds of changes a minute',
	},
	{
		id: 'P-integrity-review',
		when: 'Low with a medium-severity integrity finding',
		matches: (label) => labelled('Low')(label) && hasFinding('medium')(label),
		action: 'rate-limit',
		limit: RATE_LIMITS.ReadMedium,
		because: 'its definition has suspicious text worth reviewing, so it is never left uncapped',
	},
	{ id: 'P-low', when: 'Low', matches: labelled('Low'), action: 'allow', because: 'it has little potential for harm' },
];

/** Chooses the action for a label: the first row of `POLICY_RULES` that matches. */
export function planAction(category: Category, level: Level, integrity: readonly IntegrityFinding[]): ActionPlan {
	const rule = POLICY_RULES.find((r) => r.matches({ category, level, integrity }));
	// Every level has a row without a category condition, so this only fires if the table is broken.
	if (!rule) throw new Error(`no policy rule matches ${category} / ${level}`);
	const { action, limit, id, because } = rule;
	return limit ? { action, limit, rule: id, because } : { action, rule: id, because };
}
