/**
 * Conversation harvesting (research S-14): a parameter named or described as the model's own context,
 * or an order to hand it over. A system prompt the definition gives to another model (an agent it
 * creates, a council it asks) is that model's, not the caller's, and is exempt.
 */
import { allMatches, type Match } from '../regex.ts';
import type { TextField } from './fields.ts';
import {
	CALLER_SECRETS,
	HARVEST_DESCRIPTION,
	HARVEST_REQUEST,
	HARVEST_WHY,
	type PoisonPattern,
	YOUR_QUALIFIERS,
} from './patterns.ts';

const NON_ALNUM = /[^a-z0-9]/g;
/**
 * Parameter names that ask the model for its own context (research S-14), compared without separators.
 * No `model_name`: a model's name is not the conversation, and catalogues of models (Replicate, LLM
 * statistics) take one as their object.
 */
const HARVEST_NAMES = new Set([
	'systemprompt',
	'conversation',
	'conversationhistory',
	'chathistory',
	'previousmessages',
	'fullconversation',
	'chainofthought',
	'reasoningtrace',
	'toolslist',
	'toollist',
	'availabletools',
	'contextwindow',
]);
/** The first match of a pattern in the field, when the definition holds one at all. */
export type FirstMatch = (p: PoisonPattern) => Match | undefined;
/** A harvesting finding's quoted text and why. */
export interface HarvestHit {
	readonly match: string;
	readonly why: string;
}
const MIN_HARVEST_NAME = Math.min(...[...HARVEST_NAMES].map((n) => n.length));
/** Harvesting names that may instead define the prompt of another model (`definesAnotherPrompt`). */
const SYSTEM_PROMPT_NAMES = new Set(['systemprompt']);
/** A model other than the caller, which a system prompt can be given to. */
const RECIPIENT =
	'(?:sub-?)?agents?|assistants?|personas?|(?:chat)?bots?|llms?|ais?|models?|workers?|members?|experts?|reviewers?';
/**
 * The parameter's own description gives the prompt to someone: "System prompt for the agent", "the
 * model's system prompt", "given to each council member". A recipient word alone ("… for your AI
 * assistant") is not enough.
 */
const PROMPT_RECIPIENT = new RegExp(
	`\\b(?:for|to|of)\\s+(?:the|a|an|each|every|this|that|new|its)\\s+(?:new\\s+|\\w+\\s+)?(?:${RECIPIENT})\\b|\\b(?:${RECIPIENT})['’]s?\\s+(?:own\\s+)?system\\s+prompt\\b`,
	'i',
);
/**
 * The tool makes, configures or asks the model the prompt is for: its name or lead opens with such a
 * verb and names the recipient right after it (`create_agent`, `createAgentDefinition`, "Creates a
 * sub-agent…", "Ask a council of models…"). Only articles and one describing word may come between:
 * "Adds numbers for your AI assistant" names no recipient of the prompt.
 */
const MAKES_RECIPIENT = new RegExp(
	`^\\s*(?:create|creates|add|adds|new|define|defines|register|registers|configure|configures|update|updates|spawn|spawns|set\\s+up|sets\\s+up|build|builds|make|makes|ask|asks|convene|convenes|run|runs)\\s+(?:(?:an?|the|one|or|more|several|multiple|new|custom)\\s+){0,3}(?:(?!(?:for|to|your|my|our|their|with|of|on|in|by|from|using)\\b)\\w+\\s+(?:of\\s+(?:the\\s+)?)?)?(?:${RECIPIENT})\\b`,
	'im',
);
/** The description speaks of the caller's own prompt or conversation, so it defines nothing. */
const CALLER_OWN =
	/\byour(?:s|self)?\b|\byou(?:'re|\s+are|\s+were|\s+have\s+been|\s+received|\s+follow)\b|\bso\s+far\b|\bthis\s+(?:conversation|chat|session)\b/i;
/** Where the system prompt noun sits in a `HARVEST_DESCRIPTION` match, for the same exemption. */
const THE_SYSTEM_PROMPT = /^the\s+system\s+prompt$/i;
/** Types that cannot carry a conversation's text. */
const NON_TEXT_TYPES = new Set(['boolean', 'number', 'integer', 'null']);
/** Harvesting-looking names are legitimate on tools that exist to handle chats. */
export const CHAT_TOOL = /chat|conversation|message|summar|transcript|prompt/i;
/** The part of a `HARVEST_REQUEST` match that asks for the caller's own instructions or reasoning. */
const YOUR_SECRETS = new RegExp(`\\byour\\s+${YOUR_QUALIFIERS}(?:${CALLER_SECRETS})\\b`, 'i');

/** The key a property name is compared by: lowercase letters and digits. */
function nameKey(name: string): string {
	return name.toLowerCase().replace(NON_ALNUM, '');
}

/** True for a property name that asks the model for its own context (before any exemption). */
export function isHarvestName(name: string): boolean {
	// Lowercasing and stripping never lengthen a name's letters and digits, so a name shorter than
	// every harvesting name cannot be one; most property names are (id, path, query).
	return name.length >= MIN_HARVEST_NAME && HARVEST_NAMES.has(nameKey(name));
}

/** False for a parameter that cannot carry text: a boolean or number, an enum or a constant. */
function carriesText(schema: unknown): boolean {
	if (typeof schema !== 'object' || schema === null) return true;
	const s = schema as Record<string, unknown>;
	if (Array.isArray(s.enum) || 'const' in s) return false;
	const types = Array.isArray(s.type) ? (s.type as unknown[]) : [s.type];
	return !types.every((t) => typeof t === 'string' && NON_TEXT_TYPES.has(t));
}

/**
 * True when a system-prompt parameter defines the prompt of another model rather than asking for the
 * caller's own: the parameter's description gives it to someone ("System prompt for the agent") or the
 * tool makes or asks that someone (`create_agent`, "Ask a council of models…"), and the description
 * never addresses the caller ("your system prompt", "so far"). A recipient word anywhere, or a default
 * value, is not enough: a hostile tool can say "for your AI assistant" or ship any default.
 */
function definesAnotherPrompt(schema: unknown, tool: ToolContext): boolean {
	const s = typeof schema === 'object' && schema !== null ? (schema as Record<string, unknown>) : {};
	const description = typeof s.description === 'string' ? s.description : '';
	if (CALLER_OWN.test(description)) return false;
	return PROMPT_RECIPIENT.test(description) || MAKES_RECIPIENT.test(tool.lead);
}

/** What the field checks need to know about the tool as a whole. */
export interface ToolContext {
	readonly name: string;
	/** The name as words and the description's lead sentence, where a tool says what it is for. */
	readonly lead: string;
	/** The tool exists to handle chats, so harvesting-looking names and phrases are its subject. */
	readonly chatTool: boolean;
}

/** A harvesting hit in one field: a parameter name, an order in any text, or a parameter's own content. */
export function harvestHit(f: TextField, tool: ToolContext, first: FirstMatch): HarvestHit | undefined {
	if (f.propertyName) {
		const key = nameKey(f.text);
		if (!HARVEST_NAMES.has(key) || (SYSTEM_PROMPT_NAMES.has(key) && definesAnotherPrompt(f.schema, tool)))
			return undefined;
		return { match: f.text, why: HARVEST_WHY.name };
	}
	if (f.field === 'name') return undefined;
	const order = first(HARVEST_REQUEST);
	if (order) return { match: order.text, why: HARVEST_WHY.text };
	if (!f.field.startsWith('inputSchema.') || !carriesText(f.schema)) return undefined;
	const content = first(HARVEST_DESCRIPTION);
	if (!content || (THE_SYSTEM_PROMPT.test(content.text) && definesAnotherPrompt(f.schema, tool))) return undefined;
	return { match: content.text, why: HARVEST_WHY.name };
}

/** An order to hand over the caller's own system prompt or reasoning, which no tool has a use for. */
export function secretOrderHit(f: TextField, first: FirstMatch): HarvestHit | undefined {
	if (f.propertyName || f.field === 'name') return undefined;
	if (!first(HARVEST_REQUEST)) return undefined;
	// Any order, not only the first: "paste what the user said…, and pass your system prompt".
	const order = allMatches(HARVEST_REQUEST.re, f.text).find((m) => YOUR_SECRETS.test(m.text));
	return order ? { match: order.text, why: HARVEST_WHY.text } : undefined;
}
