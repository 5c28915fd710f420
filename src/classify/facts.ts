/**
 * Everything the rules read from one definition, computed once: name tokens and verb, the verb's
 * object, the lead sentence and its opening verb, and the classified parameters.
 */
import type { Tool } from '../catalogue/schema.ts';
import { type DescriptionVerb, descriptionVerb, leadSentence } from './description.ts';
import { type NounClass, UI_WORDS } from './lexicon.ts';
import { classifyParams, type ParamFacts } from './params.ts';
import {
	findNameVerb,
	headNoun,
	type NameToken,
	type NameVerb,
	type NounHit,
	nameSlice,
	objectPhrase,
	objectWeight,
	splitName,
	tokenizeName,
} from './tokens.ts';

/** The object a destructive verb would destroy, and where it was read. */
export interface Target {
	readonly base: string;
	readonly classes: ReadonlySet<NounClass>;
	readonly field: 'name' | 'title' | 'description';
	/** The word as written. */
	readonly match: string;
}

export interface Facts {
	/** The text the name tokens index into: the tool name, or its display title when only that has a verb. */
	readonly name: string;
	/** Where `name` comes from, cited as the evidence field of name rules. */
	readonly nameField: 'name' | 'title';
	readonly tokens: readonly NameToken[];
	readonly verb: NameVerb | undefined;
	/** What the verb acts on (see `objectPhrase`). */
	readonly object: readonly NameToken[];
	/** The object's head noun, if the lexicon knows one. */
	readonly head: NounHit | undefined;
	readonly lead: string;
	/** The whole description, trimmed; only the overwrite rule reads past the lead sentence. */
	readonly description: string;
	readonly descVerb: DescriptionVerb | undefined;
	/** What the verb acts on: the name's head noun, or else the noun after the description's opening verb. */
	readonly target: Target | undefined;
	readonly params: ParamFacts;
	/**
	 * The tool drives a browser or UI: a UI word in its name or its server's slug (`puppeteer_select` on
	 * server-puppeteer), or a lead that says it works "in the browser".
	 */
	readonly ui: boolean;
}

/** Says the tool works in a browser: "Open feedback form in browser". */
const IN_BROWSER = /\bin\s+(?:a\s+|the\s+|your\s+)?(?:web\s+)?browser\b/i;
const SLUG_SPLIT = /[^a-z0-9]+/;

/**
 * `nameTokens` is every token of the name (`splitName`): the name's own tokens differ from them only
 * by `mcp`, `tool` and `tools`, which are no UI words.
 */
function drivesUi(nameTokens: readonly NameToken[], slug: string, lead: string): boolean {
	return (
		nameTokens.some((t) => UI_WORDS.has(t.text)) ||
		slug
			.toLowerCase()
			.split(SLUG_SPLIT)
			.some((w) => UI_WORDS.has(w)) ||
		IN_BROWSER.test(lead)
	);
}

function findTarget(
	name: string,
	field: Facts['nameField'],
	head: NounHit | undefined,
	descVerb: DescriptionVerb | undefined,
): Target | undefined {
	if (head && objectWeight(head))
		return { base: head.base, classes: head.classes, field, match: nameSlice(name, head.token) };
	const fromLead =
		descVerb && !descVerb.negated
			? [...descVerb.objectNouns].reverse().find((n) => objectWeight({ classes: n.classes }))
			: undefined;
	if (fromLead) return { base: fromLead.base, classes: fromLead.classes, field: 'description', match: fromLead.word };
	return head ? { base: head.base, classes: head.classes, field, match: nameSlice(name, head.token) } : undefined;
}

/**
 * The name's tokens and verb; when the name has no verb (`sequentialthinking`), the display title's
 * ("Sequential Thinking"), which says the same thing in words.
 */
function readName(tool: Tool, slug: string, all: NameToken[]): Pick<Facts, 'name' | 'nameField' | 'tokens' | 'verb'> {
	const tokens = tokenizeName(tool.name, slug, all);
	const verb = findNameVerb(tokens);
	const title = tool.title ?? tool.annotations?.title;
	if (verb || !title) return { name: tool.name, nameField: 'name', tokens, verb };
	const titleTokens = tokenizeName(title, slug);
	// Only a title's first or last word: "Optimize Multi-Stop Route" does not stop anything.
	const found = findNameVerb(titleTokens, true);
	const titleVerb = found?.position === 'any' ? undefined : found;
	return titleVerb
		? { name: title, nameField: 'title', tokens: titleTokens, verb: titleVerb }
		: { name: tool.name, nameField: 'name', tokens, verb };
}

/** Reads a definition into facts. Pure: the same tool and slug always give the same facts. */
export function gatherFacts(tool: Tool, slug: string): Facts {
	const all = splitName(tool.name);
	const { name, nameField, tokens, verb } = readName(tool, slug, all);
	const object = objectPhrase(tokens, verb?.index);
	const lead = leadSentence(tool.description);
	const head = headNoun(object);
	const descVerb = descriptionVerb(lead);
	return {
		name,
		nameField,
		tokens,
		verb,
		object,
		head,
		lead,
		description: (tool.description ?? '').trim(),
		descVerb,
		target: findTarget(name, nameField, head, descVerb),
		params: classifyParams(tool.inputSchema, `${name} ${lead}`),
		ui: drivesUi(all, slug, lead),
	};
}
