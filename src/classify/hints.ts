/**
 * The text's own answers to the two questions the MCP behaviour hints answer, so that `npm run
 * evaluate` can compare them with what authors declared:
 *
 * - read-only: the category is Read;
 * - "may it perform destructive updates to its environment?" The spec contrasts these with "only
 *   additive updates". Additive means nothing that exists is changed: a Write or Execute tool whose
 *   deciding verbs only add or start something new (create, send, link; install, launch, build, run
 *   tests), with no sign that it overwrites (rule overwrite). An interruption (stop, restart, kill a
 *   process, close live connections) updates nothing stored, so it is not a destructive update
 *   either. Everything else may destroy: changing, replacing or removing what exists (update, set,
 *   toggle, move, delete), running caller-chosen code, operating a page, moving money.
 */
import type { Category } from '../catalogue/schema.ts';
import type { CategoryOutcome } from './category.ts';

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
