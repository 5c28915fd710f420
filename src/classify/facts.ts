/**
 * The facts stage: everything the rules read from one definition, read once. Name tokens and verb,
 * the verb's object, the lead sentence with its opening verb, phrases and negations, the classified
 * parameters, the effective annotations and the integrity findings all land in one record; the
 * category and level rules read only this record (and the lexicon tables), never the text again.
 *
 * Readings that are costly and needed by few tools (phrases of a kind, a head noun of a class, the
 * description's data-loss warnings) are computed on first use and memoised on the record.
 */
import type { Tool } from '../catalogue/schema.ts';
import { skeleton } from '../text/confusables.ts';
import { effectiveAnnotations } from './annotations.ts';
import {
	type DescriptionVerb,
	type Dissociation,
	descriptionVerb,
	findDissociations,
	findPhrases,
	leadSentence,
	type PhraseHit,
	type PhraseKind,
} from './description.ts';
import { scanIntegrity } from './integrity/index.ts';
import { foreignVerb, type Language, textLanguage } from './language.ts';
import { type NounClass, type ObjectWeight, UI_WORDS, VERBS, type VerbInfo } from './lexicon.ts';
import { lookupNoun } from './lookup.ts';
import { type ActionEnum, classifyParams, type Param, type ParamFacts, takesAmount } from './params.ts';
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
	verbSegment,
} from './tokens.ts';
import type { EffectiveAnnotations, IntegrityFinding, ServerRef } from './types.ts';

/** The object a destructive verb would destroy, and where it was read. */
export interface Target {
	readonly base: string;
	readonly classes: ReadonlySet<NounClass>;
	/** How much losing it matters, from its classes (see `objectWeight`). */
	readonly weight: ObjectWeight | undefined;
	readonly field: 'name' | 'title' | 'description';
	/** The word as written. */
	readonly match: string;
}

/** A second verb joined to the name's verb by and/or/then (`get_or_create_user`). */
export interface CoordinatedNameVerb {
	readonly token: NameToken;
	readonly info: VerbInfo;
}

/** Everything the category and level rules read about one definition; built by `gatherFacts`. */
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
	/**
	 * The language the lead is mainly written in when it is not English and no English opening verb was
	 * read (see language.ts); the opening verb then comes from that language's verbs, when it has them.
	 */
	readonly language: Language | undefined;
	/** What the verb acts on: the name's head noun, or else the noun after the description's opening verb. */
	readonly target: Target | undefined;
	readonly params: ParamFacts;
	/**
	 * The tool drives a browser or UI: a UI word in its name or its server's slug (`puppeteer_select` on
	 * server-puppeteer), or a lead that says it works "in the browser".
	 */
	readonly ui: boolean;
	/** Effective hint values, declared or defaulted (see `effectiveAnnotations`). */
	readonly annotations: EffectiveAnnotations;
	/** Signs of tool poisoning anywhere in the definition (see `scanIntegrity`). */
	readonly integrity: IntegrityFinding[];
	/** A second verb joined to the name's verb by and/or/then; exact verb forms only, never an ambiguous one. */
	readonly coordinatedVerb: CoordinatedNameVerb | undefined;
	/** The first money parameter that says how much (`amount`), not a currency or a price. */
	readonly amount: Param | undefined;

	// Derived readings below are computed on first use and memoised, since not every tool needs each one.
	/** Name tokens before the first preposition (see `verbSegment`) that the lexicon knows as nouns, in order. */
	readonly segmentNouns: readonly NounHit[];
	/** Name tokens the lexicon knows as nouns, one token each, in order. */
	readonly nameNouns: readonly NounHit[];
	/** Object tokens the lexicon knows as nouns, one token each, in order. */
	readonly objectNouns: readonly NounHit[];
	/** The name token right after a "from" that follows the verb: the container in `remove_label_from_issue`. */
	readonly fromToken: NameToken | undefined;
	/** Money parameters that do not say how much: prices, currencies, payment accounts. */
	readonly moneyNotAmount: readonly Param[];
	/** Action enums whose description says they pick the operation ("Action to perform"). */
	readonly picksOperation: ReadonlySet<ActionEnum>;
	/** A `force` switch, or "force push" in the lead. */
	readonly force: boolean;
	/** Data-loss warnings anywhere in the description ("this overwrites existing contents"). */
	readonly dataLoss: readonly PhraseHit[];
	/** Dissociation phrases in the lead ("Remove members from the team"), with their containers. */
	readonly dissociations: readonly Dissociation[];
	/** Every hit of one phrase kind in the lead sentence, negated ones included (see `findPhrases`). */
	phrases(kind: PhraseKind): readonly PhraseHit[];
	/** The head noun of the object phrase among nouns of one class (`api_key` for secret). */
	objectHead(cls: NounClass): NounHit | undefined;
	/**
	 * The lead between its opening verb and `index` ends in and/or/then, so what sits at `index` is a
	 * second act ("Get a quote and purchase it"). False when the lead has no opening verb.
	 */
	joinedToOpeningVerb(index: number): boolean;
	/** The name's exact text from one token to another, inclusive, for quoting (`drop_connections`). */
	quote(from: NameToken, to?: NameToken): string;
	/**
	 * The name or the lead says what it runs is confined to a sandbox or a browser page ("Execute
	 * JavaScript in the browser console", "in the page context"); the match, for quoting.
	 */
	readonly confined: string | undefined;
	/**
	 * The lead says the tool only reads ("Execute a read-only SQL query") or does not run what it is
	 * given ("Transform a bash script without executing it"); the match, for quoting.
	 */
	readonly readOnlyMode: string | undefined;
	/**
	 * The description opens by converting what it is given into another form ("Converts a SQL query to a
	 * REST request"), so code it takes is text to convert, not code to run; the lead's words, for quoting.
	 */
	readonly converter: string | undefined;
	/** The lead says the change is published: made public, live or put in production; the match, for quoting. */
	readonly publishes: string | undefined;
	/**
	 * The name or the lead names data whose leak does lasting harm: health records, security findings,
	 * accounting ledgers; the match, for quoting.
	 */
	readonly sensitive: { field: string; match: string } | undefined;
	/**
	 * For a tool no verb decides: its name ends in a result noun (`adsense_report`, `network_analysis`)
	 * or its description says it computes and returns a value, and nothing in it says it changes
	 * anything; the match, for quoting.
	 */
	readonly computes: { field: string; match: string } | undefined;
}

/** Says the tool works in a browser: "Open feedback form in browser". */
const IN_BROWSER = /\bin\s+(?:a\s+|the\s+|your\s+)?(?:web\s+)?browser\b/i;
const SLUG_SPLIT = /[^a-z0-9]+/;
const CONFINED =
	/\bsandbox(?:ed)?\b|\b(?:in|on|into) (?:the |a |an )?(?:current |active )?(?:web )?(?:page|browser(?: console)?|page context|element)\b|\bpage context\b/i;
const RESULT_NOUNS: ReadonlySet<string> = new Set([
	'report',
	'analysis',
	'analytics',
	'summary',
	'stats',
	'statistics',
	'metrics',
	'score',
	'estimate',
	'forecast',
]);
const COMPUTES = /\b(?:computes?|calculates?|infers?|estimates?|analy[sz]es|summari[sz]es|returns?|reports?)\b/i;
/** Words that say a tool changes something; a computed-value reading needs none of them. */
const CHANGES =
	/\b(?:creates?|updates?|deletes?|removes?|writes?|saves?|sets?|modif(?:y|ies)|sends?|posts?|publish(?:es)?|places?|orders?|pays?|buys?|executes?|runs?|installs?|perform)\b/i;
const SENSITIVE =
	/\b(?:health (?:data|records?)|medical|patients?|diagnosis|body[- ]measurements?|vulnerabilit(?:y|ies)|security (?:hotspots?|alerts?|findings?|issues?|items?)|hotspots?|ledgers?|trial balance|payroll|bank statements?)\b/i;
/** A lead of one or two words, a tag rather than a sentence: "Read-only.", "Beta". */
const BARE_LEAD = /^\W*\w+(?:[- ]\w+)?\W*$/;
/** How far past a bare lead the description is read for sensitive data: about two sentences. */
const MAX_SENSITIVE_READ = 300;
const PUBLISHES = /\b(?:publish(?:es|ed|ing)?|public(?:ly)?|live site|(?:to|in|into) production)\b/i;
const READ_ONLY_MODE = /\bread[- ]?only\b|\bwithout (?:execut|runn)ing\b/i;
const FORCE_PUSH = /\bforce[- ]?push/i;
/** Verbs that turn text into another form and return it. */
const CONVERT_VERBS: ReadonlySet<string> = new Set(['convert', 'translate']);
/** The target form a conversion names: "to a PostgREST request", "into MongoDB syntax". */
const CONVERTS_TO = /^\S+\s+.{0,80}?\b(?:to|into)\s+(?:an?\s+|the\s+)?[\w-]+/i;
/** A parameter description saying it picks the operation ("Action to perform"). */
const PICKS_OPERATION =
	/\b(?:operation|action)s?\s+to\s+(?:perform|run|execute|take|apply)\b|\bwhich\s+(?:operation|action)\b|\boperation\s+type\b/i;
/** Text ending in a coordinator: what follows is a verb of its own. */
const JOINED_BEFORE = /\b(?:and|or|then)\s+$/i;
/** Words that join two verbs in a name: `generate_code_and_execute`, `create_or_update_file`. */
const COORDINATORS = new Set(['and', 'or', 'then']);
const NO_PICKS: ReadonlySet<ActionEnum> = new Set();

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
	const headWeight = objectWeight(head);
	if (head && headWeight)
		return { base: head.base, classes: head.classes, weight: headWeight, field, match: nameSlice(name, head.token) };
	const fromLead =
		descVerb && !descVerb.negated
			? [...descVerb.objectNouns].reverse().find((n) => objectWeight({ classes: n.classes }))
			: undefined;
	if (fromLead)
		return {
			base: fromLead.base,
			classes: fromLead.classes,
			weight: objectWeight(fromLead),
			field: 'description',
			match: fromLead.word,
		};
	return head
		? { base: head.base, classes: head.classes, weight: headWeight, field, match: nameSlice(name, head.token) }
		: undefined;
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

/** A second, unambiguous verb after and/or/then following the name's verb. */
function findCoordinatedVerb(
	tokens: readonly NameToken[],
	verb: NameVerb | undefined,
): CoordinatedNameVerb | undefined {
	if (!verb) return undefined;
	const at = tokens.findIndex((t, i) => i > verb.index && COORDINATORS.has(t.text));
	const token = at === -1 ? undefined : tokens[at + 1];
	const info = token ? VERBS.get(token.text) : undefined;
	return token && info && !info.ambiguous ? { token, info } : undefined;
}

/** The tokens the lexicon knows as nouns, each looked up alone. */
function nounsOf(tokens: readonly NameToken[]): NounHit[] {
	const out: NounHit[] = [];
	for (const token of tokens) {
		const hit = lookupNoun(token.text);
		if (hit) out.push({ token, ...hit });
	}
	return out;
}

/** The opening verb of a lead in another language, read like an English one but with no object words. */
function foreignDescriptionVerb(lead: string, language: Language | undefined): DescriptionVerb | undefined {
	const found = language ? foreignVerb(lead, language) : undefined;
	if (!found) return undefined;
	const { word, index, info } = found;
	return {
		word,
		index,
		info,
		objectNouns: [],
		objectWords: [],
		objectEnd: index + word.length,
		negated: false,
		language: found.language,
	};
}

/**
 * The facts record. A class so that its lazy readings are prototype methods and getters: under tsx
 * (keepNames) every closure made per tool would cost a `__name` call.
 */
class ToolFacts implements Facts {
	readonly name: string;
	readonly nameField: 'name' | 'title';
	readonly tokens: readonly NameToken[];
	readonly verb: NameVerb | undefined;
	readonly object: readonly NameToken[];
	readonly head: NounHit | undefined;
	readonly lead: string;
	readonly description: string;
	readonly descVerb: DescriptionVerb | undefined;
	readonly language: Language | undefined;
	readonly target: Target | undefined;
	readonly params: ParamFacts;
	readonly ui: boolean;
	readonly annotations: EffectiveAnnotations;
	readonly integrity: IntegrityFinding[];
	readonly coordinatedVerb: CoordinatedNameVerb | undefined;
	readonly amount: Param | undefined;
	#phrases: Partial<Record<PhraseKind, readonly PhraseHit[]>> | undefined;
	#heads: Map<NounClass, NounHit | undefined> | undefined;
	#segmentNouns: readonly NounHit[] | undefined;
	#nameNouns: readonly NounHit[] | undefined;
	#objectNouns: readonly NounHit[] | undefined;
	#dataLoss: readonly PhraseHit[] | undefined;
	#dissociations: readonly Dissociation[] | undefined;
	#picksOperation: ReadonlySet<ActionEnum> | undefined;
	#force: boolean | undefined;

	constructor(declared: Tool, server: ServerRef) {
		// Rules read the name as people read it (its confusable skeleton: `dеlete_file` with a Cyrillic е is
		// `delete_file`); the integrity scan reads the name as declared, so the disguise is reported.
		const tool = readableTool(declared);
		const all = splitName(tool.name);
		const { name, nameField, tokens, verb } = readName(tool, server.slug, all);
		this.name = name;
		this.nameField = nameField;
		this.tokens = tokens;
		this.verb = verb;
		this.object = objectPhrase(tokens, verb?.index);
		this.lead = leadSentence(tool.description);
		this.head = headNoun(this.object);
		const english = descriptionVerb(this.lead);
		// Only a lead the English reading finds no verb in is checked for its language (most leads are English).
		this.language = english || !this.lead ? undefined : textLanguage(this.lead);
		this.descVerb = english ?? foreignDescriptionVerb(this.lead, this.language);
		this.description = (tool.description ?? '').trim();
		this.target = findTarget(name, nameField, this.head, this.descVerb);
		this.params = classifyParams(tool.inputSchema, `${name} ${this.lead}`);
		this.ui = drivesUi(all, server.slug, this.lead);
		this.annotations = effectiveAnnotations(tool);
		this.integrity = scanIntegrity(declared, server);
		this.coordinatedVerb = findCoordinatedVerb(tokens, verb);
		this.amount = this.params.money.find(takesAmount);
	}

	get segmentNouns(): readonly NounHit[] {
		this.#segmentNouns ??= nounsOf(verbSegment(this.tokens));
		return this.#segmentNouns;
	}

	get nameNouns(): readonly NounHit[] {
		this.#nameNouns ??= nounsOf(this.tokens);
		return this.#nameNouns;
	}

	get objectNouns(): readonly NounHit[] {
		this.#objectNouns ??= nounsOf(this.object);
		return this.#objectNouns;
	}

	get fromToken(): NameToken | undefined {
		const v = this.verb;
		if (!v) return undefined;
		const from = this.tokens.findIndex((t, i) => i > v.index && t.text === 'from');
		return from === -1 ? undefined : this.tokens[from + 1];
	}

	get moneyNotAmount(): readonly Param[] {
		return this.amount ? this.params.money.filter((p) => !takesAmount(p)) : this.params.money;
	}

	get picksOperation(): ReadonlySet<ActionEnum> {
		const enums = this.params.actionEnums;
		this.#picksOperation ??=
			enums.length === 0 ? NO_PICKS : new Set(enums.filter((e) => PICKS_OPERATION.test(e.param.description)));
		return this.#picksOperation;
	}

	get force(): boolean {
		this.#force ??= this.params.safeguardOff.some((p) => p.norm === 'force') || FORCE_PUSH.test(this.lead);
		return this.#force;
	}

	get dataLoss(): readonly PhraseHit[] {
		this.#dataLoss ??= findPhrases(this.description, 'dataLoss');
		return this.#dataLoss;
	}

	get dissociations(): readonly Dissociation[] {
		this.#dissociations ??= findDissociations(this.lead);
		return this.#dissociations;
	}

	phrases(kind: PhraseKind): readonly PhraseHit[] {
		const memo = (this.#phrases ??= {});
		const hits = memo[kind] ?? findPhrases(this.lead, kind);
		memo[kind] = hits;
		return hits;
	}

	objectHead(cls: NounClass): NounHit | undefined {
		const memo = (this.#heads ??= new Map());
		if (memo.has(cls)) return memo.get(cls);
		const hit = headNoun(this.object, cls);
		memo.set(cls, hit);
		return hit;
	}

	joinedToOpeningVerb(index: number): boolean {
		return this.descVerb !== undefined && JOINED_BEFORE.test(this.lead.slice(this.descVerb.index, index));
	}

	quote(from: NameToken, to?: NameToken): string {
		return nameSlice(this.name, from, to);
	}

	get computes(): { field: string; match: string } | undefined {
		if (CHANGES.test(this.description)) return undefined;
		const last = this.tokens.at(-1);
		if (last && RESULT_NOUNS.has(last.text)) return { field: this.nameField, match: this.quote(last) };
		const said = COMPUTES.exec(this.description);
		return said ? { field: 'description', match: said[0] } : undefined;
	}

	get sensitive(): { field: string; match: string } | undefined {
		const inName = SENSITIVE.exec(this.tokens.map((t) => t.text).join(' '));
		if (inName) return { field: this.nameField, match: inName[0] };
		// A lead that is only a tag ("Read-only.") says nothing of the data: the next sentence does.
		const text = BARE_LEAD.test(this.lead) ? this.description.slice(0, MAX_SENSITIVE_READ) : this.lead;
		const inLead = SENSITIVE.exec(text);
		return inLead ? { field: 'description', match: inLead[0] } : undefined;
	}

	get publishes(): string | undefined {
		return PUBLISHES.exec(this.lead)?.[0];
	}

	get readOnlyMode(): string | undefined {
		const m = READ_ONLY_MODE.exec(this.lead);
		return m && !/\bnot\s+$/i.test(this.lead.slice(0, m.index)) ? m[0] : undefined;
	}

	get converter(): string | undefined {
		const dv = this.descVerb;
		if (!dv || dv.negated || dv.language || !CONVERT_VERBS.has(dv.info.base)) return undefined;
		return CONVERTS_TO.exec(this.lead.slice(dv.index))?.[0];
	}

	get confined(): string | undefined {
		if (this.tokens.some((t) => t.text === 'sandbox')) return 'sandbox';
		return CONFINED.exec(this.lead)?.[0];
	}
}

/** The tool with its name replaced by the name's confusable skeleton, or the tool itself when they are equal. */
function readableTool(tool: Tool): Tool {
	const name = skeleton(tool.name);
	return name === tool.name || name.trim() === '' ? tool : { ...tool, name };
}

/** Reads a definition into facts. Pure: the same tool and server always give the same facts. */
export function gatherFacts(tool: Tool, server: ServerRef): Facts {
	return new ToolFacts(tool, server);
}
