/**
 * FAQ entries for a tool page, generated from the decision and the plan behind the snippet, so the
 * answers quote the same policy syntax, numbers and label as the rest of the page.
 */
import type { Decision } from '../classify/types.ts';
import type { ActionPlan } from '../policy/action.ts';
import { counterName } from '../policy/recommend.ts';
import { describeToolEffect } from '../policy/describe.ts';
import { visibleText } from '../text/reveal.ts';
import { withArticle } from '../text/words.ts';

/** One question and its plain-text answer. */
export interface FaqEntry {
	question: string;
	answer: string;
}

/** What the FAQ needs to know about the tool. */
export interface FaqInput {
	toolName: string;
	serverName: string;
	/** Where the server comes from, e.g. `npm package @x/y` (already plain text). */
	serverSource: string;
	description: string | undefined;
	decision: Decision;
	plan: ActionPlan;
	/** The rationale sentences shown on the page; the first explains the category. */
	rationale: readonly string[];
}

const CATEGORY_MEANING: Record<Decision['category'], string> = {
	Read: 'it reads data without changing anything',
	Write: 'it creates or changes data',
	Execute: 'it triggers operations or runs code with effects beyond the call',
	Destructive: 'it deletes or irreversibly changes something',
	Financial: 'it moves money or changes billing',
};

/** Builds the FAQ for a tool page. Poisoned descriptions are never quoted in answers (they feed JSON-LD). */
export function buildFaq(input: FaqInput): FaqEntry[] {
	const { toolName, serverName, decision, plan } = input;
	const poisoned = decision.integrity.some((f) => f.severity === 'high');
	const summary = poisoned
		? 'Its description carries signs of tool poisoning, so it is not repeated here; read it on this page, with hidden characters made visible.'
		: describeBriefly(input.description);
	const counter = counterName(toolName);
	// Quote the page's own limit when the recommendation is a rate limit, so the FAQ and the snippet agree.
	const limit = plan.limit ?? { max: 10, window: 'minute' };
	const entries: FaqEntry[] = [
		{
			question: `What does ${toolName} do?`,
			answer: `${summary} It is classified as ${withArticle(decision.category)} tool because ${CATEGORY_MEANING[decision.category]}.`,
		},
		{
			question: `What risk level is ${toolName}?`,
			answer: `${withArticle(decision.level, true)} risk, in the ${decision.category} category, with ${decision.confidence} confidence. ${input.rationale[0] ?? ''}`.trim(),
		},
		{
			question: `What policy do we recommend for ${toolName}?`,
			answer: `${describeToolEffect(toolName, plan)} We recommend this because ${plan.because}.`,
		},
		{
			question: `How do I block ${toolName} completely?`,
			answer: `Add it to the policy's hide list: "hide": ["${toolName}"]. A hidden tool is removed from the tool list the agent sees, and any call to it is denied.`,
		},
		{
			question: `Can I rate-limit ${toolName}?`,
			answer: `Yes. Under "tools", give it a limit: "${toolName}": { "limits": [{ "counter": "${counter}", "window": "${limit.window}", "max": ${limit.max}, "scope": "grant" }] } allows ${limit.max} calls per calendar ${limit.window} per grant; "window" can be "minute", "hour" or "day".${plan.action === 'rate-limit' ? ' This is the limit in the recommended policy above.' : ''}`,
		},
		{
			question: `Which MCP server provides ${toolName}?`,
			answer: `${serverName} (${input.serverSource}).`,
		},
	];
	return entries;
}

/** First sentence of a description, hidden characters made visible, at most 300 characters. */
function describeBriefly(description: string | undefined): string {
	const text = visibleText(description ?? '').replace(/\s+/g, ' ').trim();
	if (!text) return 'Its server gives no description.';
	const first = /^(.{20,300}?[.!?])(\s|$)/.exec(text)?.[1] ?? (text.length > 300 ? `${text.slice(0, 299)}…` : text);
	return `Its description says: "${first}"`;
}
