/**
 * FAQ entries for a tool page, generated from the decision and the plan behind the snippet, so the
 * answers quote the same policy syntax, numbers and label as the rest of the page.
 */
import type { Decision } from '../classify/types.ts';
import { type ActionPlan, describeToolEffect, RATE_LIMITS } from '../policy/action.ts';
import { counterName } from '../policy/recommend.ts';
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

/**
 * Why the category, in a clause. A Destructive tool the rules left without the destroys trait only
 * stops, restarts or switches off something (kill a process, stop a VM, disable a plugin): saying it
 * deletes would be false.
 */
function categoryMeaning(decision: Decision): string {
	const interrupts =
		decision.category === 'Destructive' &&
		(decision.curated?.ruleCategory ?? decision.category) === 'Destructive' &&
		!decision.traits.includes('destroys');
	return interrupts
		? 'it stops or switches off something that can be started again, rather than deleting it'
		: CATEGORY_MEANING[decision.category];
}

/** Builds the FAQ for a tool page. Poisoned descriptions are never quoted in answers (they feed JSON-LD). */
export function buildFaq(input: FaqInput): FaqEntry[] {
	const { toolName, serverName, decision, plan } = input;
	const poisoned = decision.integrity.some((f) => f.severity === 'high');
	const summary = poisoned
		? 'Its description carries signs of tool poisoning, so it is not repeated here; read it on this page, with hidden characters made visible.'
		: describeBriefly(input.description);
	const counter = counterName(toolName);
	// Quote the page's own limit when the recommendation is a rate limit, so the FAQ and the snippet agree;
	// otherwise the tightest cap the table uses.
	const limit = plan.limit ?? RATE_LIMITS.High;
	const entries: FaqEntry[] = [
		{
			question: `What does ${toolName} do?`,
			answer: `${summary} It is classified as ${withArticle(decision.category)} tool because ${categoryMeaning(decision)}.`,
		},
		{
			question: `What risk level is ${toolName}?`,
			answer:
				`${withArticle(decision.level, true)} risk, in the ${decision.category} category, with ${decision.confidence} confidence. ${input.rationale[0] ?? ''}`.trim(),
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

/** Abbreviations that end in a full stop without ending the sentence. */
const NOT_A_SENTENCE_END = /(?:^|[\s(])(?:e\.g|i\.e|vs|cf|approx|incl)\.$/i;
/**
 * Ends like a finished sentence: `.`, `!` or `?` (not an ellipsis), possibly inside closing quotes, or an
 * ideographic full stop. A stop inside a closing bracket (`(… etc.)`) ends the aside, not the sentence.
 */
const SENTENCE_END = /(?<!\.)[.!?]['’”]*$|[。！？]$/;
const MAX_QUOTE = 300;

/**
 * The FAQ's first sentence about a description: its first sentence (at most 300 characters, hidden
 * characters made visible) quoted, always a complete sentence whatever the description ends with
 * (a full stop, none, a quote, a colon, an ellipsis) so the answer's next sentence never runs on.
 * Double quotes inside the quotation become single ones, as in a nested quotation.
 */
export function describeBriefly(description: string | undefined): string {
	const text = visibleText(description ?? '')
		.replace(/\s+/g, ' ')
		.trim()
		.replaceAll('"', "'");
	if (!text) return 'Its server gives no description.';
	if (!/[\p{L}\p{N}]/u.test(text))
		return `Its description holds no words, only "${text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE - 1)}…` : text}".`;
	const first = firstSentence(text);
	if (first) return `Its description says: "${first}"${SENTENCE_END.test(first) ? '' : '.'}`;
	if (text.length <= MAX_QUOTE)
		return `Its description says: "${withoutDanglingPunctuation(text)}"${SENTENCE_END.test(text) ? '' : '.'}`;
	// No sentence ends within the limit: quote the start, cut at a word boundary, and say it is the start.
	let cut = text.slice(0, MAX_QUOTE - 1);
	const space = cut.lastIndexOf(' ');
	if (space >= MAX_QUOTE / 2) cut = cut.slice(0, space);
	return `Its description begins: "${withoutDanglingPunctuation(cut)}…".`;
}

/** The first sentence of at least 20 characters ending within the limit, or undefined. */
function firstSentence(text: string): string | undefined {
	const end = /[.!?]['’”)\]]*(?=\s|$)|[。！？]/g;
	for (let m = end.exec(text); m; m = end.exec(text)) {
		const stop = m.index + m[0].length;
		if (stop > MAX_QUOTE) return undefined;
		const candidate = text.slice(0, stop);
		if (candidate.length < 20 || NOT_A_SENTENCE_END.test(candidate) || !SENTENCE_END.test(candidate)) continue;
		return candidate;
	}
	return undefined;
}

/** Drops a trailing comma, colon, semicolon or dash (and spaces), which cannot end the quoted sentence. */
function withoutDanglingPunctuation(text: string): string {
	return text.replace(/[\s,;:\-–—]+$/u, '') || text;
}
