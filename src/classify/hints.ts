/**
 * The text's own answers to the questions the MCP behaviour hints answer, so that `npm run evaluate`
 * can compare them with what authors declared, and so that `classify` can print the hints our reading
 * implies for a server author to paste into their definitions:
 *
 * - read-only: the category is Read;
 * - "may it perform destructive updates to its environment?" The spec contrasts these with "only
 *   additive updates". Additive means nothing that exists is changed: a Write or Execute tool whose
 *   deciding verbs only add or start something new (create, send, link; install, launch, build, run
 *   tests), with no sign that it overwrites (rule overwrite). An interruption (stop, restart, kill a
 *   process, close live connections) updates nothing stored, so it is not a destructive update
 *   either. Everything else may destroy: changing, replacing or removing what exists (update, set,
 *   toggle, move, delete), running caller-chosen code, operating a page, moving money.
 * - idempotent: calling again with the same arguments has no further effect. A read, a removal, and a
 *   write whose verb sets a state (set, update, replace, enable…) are; anything that adds, sends, runs
 *   or toggles is not, which is also the spec's default.
 * - open world: it takes a URL the agent chooses, returns third-party content or sends to recipients
 *   the agent chooses (the same traits the openWorldHint contradiction check reads).
 */
import type { Category } from '../catalogue/schema.ts';
import type { CategoryOutcome } from './category.ts';
import type { Trait } from './types.ts';

/** What `textHints` needs to know about the decision. */
export interface HintInput {
	/** The label's category (curated or not). */
	readonly category: Category;
	/** The rules' own outcome; its additive and interruption readings hold only for its own category. */
	readonly outcome: Pick<CategoryOutcome, 'category' | 'additive' | 'interruption'>;
	/** Rule overwrite fired (name, description or an overwrite switch). */
	readonly overwrites: boolean;
}

/** The text's answers: is the tool read-only, and may it perform destructive updates? */
export function textHints({ category, outcome, overwrites }: HintInput): { readOnly: boolean; destructive: boolean } {
	if (category === 'Read') return { readOnly: true, destructive: false };
	// A curated category keeps the rules' readings only when it is the rules' own category.
	const own = category === outcome.category;
	const additive = own && outcome.additive && !overwrites;
	const interruption = own && outcome.interruption;
	return { readOnly: false, destructive: !additive && !interruption };
}

/** The four MCP behaviour hints as our reading of the definition implies them, ready to paste. */
export interface McpHints {
	readonly readOnlyHint: boolean;
	readonly destructiveHint: boolean;
	readonly idempotentHint: boolean;
	readonly openWorldHint: boolean;
}

/** Traits that put a tool in an open world: agent-chosen URLs, third-party content, agent-chosen recipients. */
export const OPEN_WORLD_TRAITS = ['url-param', 'untrusted-input', 'egress'] as const satisfies readonly Trait[];

/**
 * The hints our reading implies. `settles` says the deciding verb sets a state rather than adding or
 * running something (see `IDEMPOTENT_VERBS` in the lexicon); removals are idempotent whatever the verb,
 * interruptions are not (a restart restarts again).
 */
export function mcpHints(
	text: { readOnly: boolean; destructive: boolean },
	category: Category,
	interruption: boolean,
	settles: boolean,
	traits: readonly Trait[],
): McpHints {
	const idempotent =
		text.readOnly || (category === 'Destructive' && !interruption) || (category === 'Write' && settles);
	return {
		readOnlyHint: text.readOnly,
		destructiveHint: text.destructive,
		idempotentHint: idempotent,
		openWorldHint: traits.some((t) => (OPEN_WORLD_TRAITS as readonly Trait[]).includes(t)),
	};
}
