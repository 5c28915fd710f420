/**
 * Everything the rules read from one definition, computed once: name tokens and verb, the verb's
 * object, the lead sentence and its opening verb, and the classified parameters.
 */
import type { Tool } from '../catalogue/schema.ts';
import type { NounClass } from './lexicon.ts';
import { descriptionVerb, leadSentence, type DescriptionVerb } from './description.ts';
import { classifyParams, type ParamFacts } from './params.ts';
import { findNameVerb, headNoun, nameSlice, objectPhrase, objectWeight, tokenizeName, type NameToken, type NameVerb, type NounHit } from './tokens.ts';

/** The object a destructive verb would destroy, and where it was read. */
export interface Target {
	readonly base: string;
	readonly classes: ReadonlySet<NounClass>;
	readonly field: 'name' | 'description';
	/** The word as written. */
	readonly match: string;
}

export interface Facts {
	readonly name: string;
	readonly tokens: readonly NameToken[];
	readonly verb: NameVerb | undefined;
	/** What the verb acts on (see `objectPhrase`). */
	readonly object: readonly NameToken[];
	/** The object's head noun, if the lexicon knows one. */
	readonly head: NounHit | undefined;
	readonly lead: string;
	readonly descVerb: DescriptionVerb | undefined;
	/** What the verb acts on: the name's head noun, or else the noun after the description's opening verb. */
	readonly target: Target | undefined;
	readonly params: ParamFacts;
}

function findTarget(name: string, head: NounHit | undefined, descVerb: DescriptionVerb | undefined): Target | undefined {
	if (head && objectWeight(head)) return { base: head.base, classes: head.classes, field: 'name', match: nameSlice(name, head.token) };
	const fromLead = descVerb && !descVerb.negated ? [...descVerb.objectNouns].reverse().find((n) => objectWeight({ classes: n.classes })) : undefined;
	if (fromLead) return { base: fromLead.base, classes: fromLead.classes, field: 'description', match: fromLead.word };
	return head ? { base: head.base, classes: head.classes, field: 'name', match: nameSlice(name, head.token) } : undefined;
}

/** Reads a definition into facts. Pure: the same tool and slug always give the same facts. */
export function gatherFacts(tool: Tool, slug: string): Facts {
	const tokens = tokenizeName(tool.name, slug);
	const verb = findNameVerb(tokens);
	const object = objectPhrase(tokens, verb?.index);
	const lead = leadSentence(tool.description);
	const head = headNoun(object);
	const descVerb = descriptionVerb(lead);
	return {
		name: tool.name,
		tokens,
		verb,
		object,
		head,
		lead,
		descVerb,
		target: findTarget(tool.name, head, descVerb),
		params: classifyParams(tool.inputSchema, `${tool.name} ${lead}`),
	};
}
