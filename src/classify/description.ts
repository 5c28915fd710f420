/**
 * Reads the lead sentence of a description. Category phrases are taken from the lead sentence only, so
 * "To delete, use `delete_file`" further down a read tool's description cannot make it Destructive;
 * the integrity scan reads the whole text separately.
 */
import type { Language } from './language.ts';
import { type NounClass, PREPOSITIONS, type VerbInfo } from './lexicon.ts';
import { lookupNoun, lookupVerb } from './lookup.ts';
import { allMatches } from './regex.ts';

/** A phrase found in the lead sentence. */
export interface PhraseHit {
	/** The matched text, verbatim. */
	readonly match: string;
	readonly index: number;
	/** True when a negator (not, never, without…) sits within the three words before it. */
	readonly negated: boolean;
	/** The hit with its negator ("not delete"), for quoting; equals `match` when not negated. */
	readonly quoted: string;
}

/** A noun in the description, with its dictionary form and classes. */
export interface DescriptionNoun {
	readonly word: string;
	readonly base: string;
	readonly classes: ReadonlySet<NounClass>;
}

/** The verb a description opens with ("Delete a VLAN", "Permanently deletes…", "Returns…"). */
export interface DescriptionVerb {
	/** The word as written. */
	readonly word: string;
	/** Where the word starts in the lead sentence. */
	readonly index: number;
	readonly info: VerbInfo;
	/** Known nouns in the object after the verb ("Delete old log files for…" → log, file). */
	readonly objectNouns: readonly DescriptionNoun[];
	/** Every word of that object, lowercased, for context rules ("Apply a migration"). */
	readonly objectWords: readonly string[];
	/** Where the object ends in the lead sentence (the verb's end when it has none). */
	readonly objectEnd: number;
	/** A second verb joined to the first ("Read or replace the clipboard"), with its own object. */
	readonly coordinated?: { readonly word: string; readonly info: VerbInfo; readonly objectWords: readonly string[] };
	readonly negated: boolean;
	/**
	 * A negated opening verb the lead goes past to this one: in "Does not delete anything; it lists
	 * files" the tool lists, and "delete" is only a negated mention.
	 */
	readonly denied?: { readonly word: string; readonly index: number };
	/** Set when the verb was read from a lead in another language (rule foreign-verb, see language.ts). */
	readonly language?: Language;
}

const LEAD_END = /\.\s|[!?]\s|\n/;
const WORD = /[A-Za-z][A-Za-z'-]*/g;
const MAX_LEAD = 300;
const CLAUSE_BREAK = /[,;:()[\]—–.!?]|\s-\s/;

/** Words skipped when looking for the opening verb ("This tool lets you delete…"). */
const FILLERS = new Set([
	'this',
	'that',
	'it',
	'tool',
	'tools',
	'function',
	'endpoint',
	'the',
	'a',
	'an',
	'to',
	'will',
	'can',
	'may',
	'should',
	'allows',
	'lets',
	'helps',
	'you',
	'we',
	'please',
	'simply',
	'just',
	'also',
	'bulk',
	'use',
	'mcp',
	'and',
]);
const ARTICLES = new Set(['the', 'a', 'an']);
/** "Read or replace …", "Create and send …": a second verb right after the first. */
const COORDINATED = /^\s*(?:,\s*)?(?:or|and|and\/or)\s+([A-Za-z]+)\b/;
/** "… and save it to the library", "then uploads them": a later verb acting on what the first produced. */
const CHAINED = /\b(?:and|then)\s+([A-Za-z]+)\s+(?:it|them)\b/gi;
/** "Given a trace ID, return …": a condition before the verb, up to its comma. */
const GIVEN_CLAUSE = /^\s*given\b[^,.;:]{1,80},\s*/i;
/** "one of the following read operations": quantity words whose "of" does not end the object. */
const QUANTIFIERS = new Set(['one', 'any', 'each', 'some', 'all', 'several', 'either', 'both', 'many', 'most']);
/** How many words after the opening verb its object may run to. */
const OBJECT_WORDS = 6;
const NEGATORS = new Set([
	'not',
	'never',
	'no',
	'without',
	"doesn't",
	"don't",
	'cannot',
	"can't",
	"won't",
	"isn't",
	'neither',
	'nor',
	'read-only',
]);

/** Phrase patterns, compiled once. Each is global so `allMatches` can list every hit. */
export const PHRASES = {
	// "drag and drop" and "drop-down" are not deletions.
	destructive:
		/\b(?:delet(?:e|es|ing)|remov(?:e|es|ing)|destroy(?:s|ing)?|(?<!drag(?:\s+and\s+|-and-|\s*&\s*|\s+n\s+))drop(?:s|ping)?(?!-?down)|truncat(?:e|es|ing)|purg(?:e|es|ing)|wip(?:e|es|ing)|eras(?:e|es|ing))\b/gi,
	overwrite:
		/\b(?:overwrit(?:e|es|ing|ten)|replac(?:e|es|ing)\s+(?:the\s+|an?\s+)?(?:existing|entire|whole|current)|clobber(?:s|ing)?)\b/gi,
	// Anywhere in the description, not just the lead: "WARNING: this overwrites the website's existing
	// contents", "Snapshots will be deleted". Read by the overwrite rule only, never to set a category.
	dataLoss:
		/\b(?:overwrit(?:e|es|ing|ten)|clobber(?:s|ing|ed)?|replac(?:e|es|ing)\s+(?:the\s+|its\s+|their\s+|any\s+|all\s+)?(?:existing|entire|whole|current|previous)|cannot be (?:undone|reversed|recovered)|can(?:no|')t be undone|irreversibl[ey]|unrecoverabl[ey]|(?:will|would)\s+be\s+(?:permanently\s+)?(?:deleted|removed|lost|erased|wiped|overwritten|discarded|cleared)|(?:is|are)\s+(?:permanently\s+)?(?:deleted|lost|erased|wiped|overwritten|discarded)|permanently\s+(?:delet|remov|eras|destroy|discard|overwrit)\w*)\b/gi,
	irreversible:
		/\b(?:permanent(?:ly)?|irreversibl[ey]|cannot be (?:undone|reversed|recovered)|can(?:no|')t be undone|unrecoverable|no undo|hard[- ]delete)\b/gi,
	exec: /\b(?:execut(?:e|es|ing)|runs?|running|evaluat(?:e|es|ing)|interpret(?:s|ing)?)\s+(?:(?:an?|the|any|arbitrary|given|provided|custom|raw|one|or|more|multiple)\s+)*(?:(?:shell|bash|terminal|system|os|cli|sql|python|javascript|js|powershell)\s+)?(?:commands?|code|scripts?|sql|quer(?:y|ies)|statements?|javascript|python|programs?|expressions?)\b/gi,
	arbitrary: /\barbitrary\s+(?:code|commands?|sql|quer(?:y|ies)|scripts?|javascript|python|shell)\b/gi,
	// "Send input to an existing terminal or REPL process": whatever is sent is run.
	console:
		/\b(?:send|write|type|pipe|pass)(?:s|es|ing)?\b[^.\n]{0,40}?\bto\s+(?:an?\s+|the\s+|its\s+)?(?:[\w-]+\s+){0,2}?(?:terminal|shell|repl|console|tty|pty|stdin)\b/gi,
	// "Purchase Orders" and "selling price" are records and figures, not purchases or sales.
	financial:
		/\b(?:charg(?:e|es|ing)|refund(?:s|ing)?|pay(?:s|ing)?|payouts?|transfer(?:s|ring)?\s+(?:funds|money|\$|usd|eur|eth|btc|tokens?|crypto)|purchas(?:e|es|ing)(?!\s+(?:orders?|invoices?|receipts?|requisitions?|histor(?:y|ies)|prices?|records?|requests?)\b)|buy(?:s|ing)?|sell(?:s|ing)?(?!\s+prices?\b)|plac(?:e|es|ing)\s+(?:an?|the|your|this)\s+(?:[\w-]+\s+){0,2}?orders?|withdraw(?:s|al|ing)?|send(?:s|ing)?\s+(?:money|funds|payments?|crypto))\b/gi,
	session:
		/\b(?:drop|disconnect|terminat|kill|clos|kick|end)(?:s|es|e|ed|ing|ping|ped)?\b(?:\s+[\w-]+){0,4}?\s+(?:connections?|sessions?|clients?|sockets?)\b/gi,
	egress:
		/\b(?:send(?:s|ing)?|e-?mail(?:s|ing)?|posts?|posting|publish(?:es|ing)?|tweet(?:s|ing)?|messag(?:e|es|ing)|notif(?:y|ies|ying)|forward(?:s|ing)?|invit(?:e|es|ing)|broadcast(?:s|ing)?|push(?:es|ing)?)\b.{0,60}?\b(?:to|with|on behalf of)\b/gi,
	access:
		/\b(?:grant(?:s|ing)?|revok(?:e|es|ing)|invit(?:e|es|ing)|(?:add(?:s|ing)?|remov(?:e|es|ing))\s+(?:an?\s+|new\s+)?(?:members?|collaborators?|users?)\s+(?:to|from)|change(?:s)?\s+(?:the\s+)?(?:roles?|permissions?|owner)|transfer(?:s)?\s+ownership|makes?\s+(?:it\s+)?public|(?:set|change|update)s?\s+(?:the\s+)?visibility)\b/gi,
	untrusted:
		/\b(?:web ?pages?|websites?|the (?:web|internet)|search(?:es)? the web|scrap(?:e|es|ing)|crawl(?:s|ing)?|user[- ]generated|third[- ]party|public (?:repos?|repositories|issues|posts))\b/gi,
	secret:
		/\b(?:secrets?|passwords?|credentials?|(?:private|api|access|secret|ssh)[ _]keys?|key[ _]pairs?|(?:access|auth|authentication|authorization|bearer|api|refresh)[ _]tokens?|environment variables?)\b/gi,
	// "Remove members from the team": the verb, then what follows "from" (checked against data stores).
	dissociation:
		/\b(?:remov(?:e|es|ing)|unlink(?:s|ing)?|detach(?:es|ing)?|disassociat(?:e|es|ing)|unassign(?:s|ing)?)\b[^.;:]{0,60}?\bfrom\s+(?:(?:the|an?|its|their|this|that|all|any|specific|selected|given|one|or|more)\s+)*[\w-]+(?:\s+[\w-]+)?/gi,
} as const;

export type PhraseKind = keyof typeof PHRASES;

/** The description's lead: up to the first ". ", newline or 300 characters. */
export function leadSentence(description: string | undefined): string {
	const text = (description ?? '').trim();
	const end = LEAD_END.exec(text);
	const lead = end ? text.slice(0, end.index) : text;
	return lead.length > MAX_LEAD ? lead.slice(0, MAX_LEAD) : lead;
}

/** Where the negator among the three words before `index` starts ("does not delete"), or -1. */
function negatorAt(text: string, index: number): number {
	const from = Math.max(0, index - 60);
	const before = allMatches(WORD, text.slice(from, index)).slice(-3);
	const negator = before.find((w) => NEGATORS.has(w.text.toLowerCase()));
	return negator ? from + negator.index : -1;
}

/** Every hit of one phrase kind in the lead sentence, each marked negated or not. */
export function findPhrases(lead: string, kind: PhraseKind): PhraseHit[] {
	return allMatches(PHRASES[kind], lead).map((m) => {
		const negator = negatorAt(lead, m.index);
		return {
			match: m.text,
			index: m.index,
			negated: negator >= 0,
			quoted: negator >= 0 ? lead.slice(negator, m.index + m.text.length) : m.text,
		};
	});
}

/** A dissociation phrase ("Remove members from the team") and the words of what follows "from". */
export interface Dissociation extends PhraseHit {
	/** The container's words as written ("the team" → the, team); empty when the hit has no "from". */
	readonly container: readonly string[];
}

const FROM = /\bfrom\b/i;
const CONTAINER_WORDS = /[\w-]+/g;

/** Every dissociation phrase in the lead sentence, with the words of its container. */
export function findDissociations(lead: string): Dissociation[] {
	return findPhrases(lead, 'dissociation').map((hit) => {
		const at = FROM.exec(hit.match);
		const container = at ? allMatches(CONTAINER_WORDS, hit.match.slice(at.index + 4)).map((m) => m.text) : [];
		return { ...hit, container };
	});
}

/** The verb right after "or"/"and" at `from`, read like an opening verb (with its object). */
function coordinatedVerb(lead: string, from: number): DescriptionVerb | undefined {
	const m = COORDINATED.exec(lead.slice(from));
	if (!m) return undefined;
	const at = from + m[0].length - (m[1] as string).length;
	const found = descriptionVerb(lead.slice(at), false);
	return found && found.index === 0
		? { ...found, index: at + found.index, objectEnd: at + found.objectEnd }
		: undefined;
}

/** The first un-negated "and VERB it" after `from` ("Download an image and add it to the library"). */
function chainedVerb(lead: string, from: number): DescriptionVerb['coordinated'] {
	for (const m of allMatches(CHAINED, lead.slice(from))) {
		const word = /^\S+\s+(\S+)/.exec(m.text)?.[1] as string;
		const info = lookupVerb(word.toLowerCase());
		if (info && negatorAt(lead, from + m.index) < 0) return { word, info, objectWords: [] };
	}
	return undefined;
}

/** Where the clause after `from` begins: past a comma, semicolon, dash or "but". */
const NEXT_CLAUSE = /(?:[,;—–]|\s-\s|\bbut\b)\s*/g;
const NOTHING = new Set(['nothing', 'none', 'no']);
const EXCEPTION = /\b(?:without|unless|except|until)\b/i;
/** Words that open a contrasting clause before its verb ("; it only lists", ", instead archives"). */
const CONTRAST_FILLERS = /^(?:(?:it|they|this|only|instead|rather|just|but|merely|simply)\s+)*/i;

/** The un-negated opening verb of the clause after a negated one, if that clause opens with a verb. */
function nextClauseVerb(lead: string, from: number, coordination: boolean): DescriptionVerb | undefined {
	NEXT_CLAUSE.lastIndex = from;
	const m = NEXT_CLAUSE.exec(lead);
	// "Does not delete files without confirmation, …" denies nothing: it deletes once confirmed.
	if (!m || EXCEPTION.test(lead.slice(from, m.index))) return undefined;
	let at = m.index + m[0].length;
	at += (CONTRAST_FILLERS.exec(lead.slice(at)) as RegExpExecArray)[0].length;
	const found = descriptionVerb(lead.slice(at), coordination);
	// "…, removes nothing": still a denial.
	if (!found || found.negated || found.index !== 0 || NOTHING.has(found.objectWords[0] ?? '')) return undefined;
	return { ...found, index: at + found.index, objectEnd: at + found.objectEnd };
}

/**
 * The verb the lead sentence opens with, within its first six words, skipping fillers and adverbs
 * ("Permanently delete…", "This tool lets you send…"). Undefined when it opens with anything else.
 */
export function descriptionVerb(lead: string, coordination = true): DescriptionVerb | undefined {
	// "Given a trace ID, return the trace": the verb follows the condition.
	const given = GIVEN_CLAUSE.exec(lead);
	if (given) {
		const at = given[0].length;
		const found = descriptionVerb(lead.slice(at), coordination);
		return found && { ...found, index: at + found.index, objectEnd: at + found.objectEnd };
	}
	const matches = allMatches(WORD, lead).slice(0, 16);
	const words = matches.map((m) => m.text);
	let negated = false;
	let afterArticle = false;
	for (let i = 0; i < Math.min(words.length, 6); i++) {
		const word = words[i] as string;
		const index = (matches[i] as { index: number }).index;
		const lower = word.toLowerCase();
		if (NEGATORS.has(lower)) {
			negated = true;
			continue;
		}
		// "The set of permissions": a word after an article is a noun, so the lead opens with no verb.
		if (ARTICLES.has(lower)) {
			afterArticle = true;
			continue;
		}
		if (FILLERS.has(lower)) {
			afterArticle = false;
			continue;
		}
		if (afterArticle) return undefined;
		const info = lookupVerb(lower);
		if (info) {
			// The object runs to a preposition, punctuation, or the first non-noun after a noun: in
			// "Destroy a connection — stops the source subscriber" it is the connection, and in "Removes
			// all documents that match the filter" the documents.
			// "Start here for …" speaks to the reader, not about what the tool does.
			if (words[i + 1]?.toLowerCase() === 'here') return undefined;
			const objectNouns: DescriptionNoun[] = [];
			let objectWords: string[] = [];
			let end = index + word.length;
			let limit = i + 1 + OBJECT_WORDS;
			let closed = false;
			for (let j = i + 1; j < Math.min(limit, matches.length); j++) {
				const m = matches[j] as { text: string; index: number };
				const lowerWord = m.text.toLowerCase();
				if (CLAUSE_BREAK.test(lead.slice(end, m.index))) break;
				// "Run one of the following read operations": the object is what follows "of".
				if (lowerWord === 'of' && objectWords.length > 0 && objectWords.every((w) => QUANTIFIERS.has(w))) {
					limit += objectWords.length + 1;
					objectWords = [];
					continue;
				}
				if (PREPOSITIONS.has(lowerWord)) break;
				const noun = lookupNoun(m.text);
				// The object's nouns end at the first other word after one; its words run on to the preposition
				// ("Build a service dependency map with …": the context verb sees "map").
				if (!noun && objectNouns.length > 0) closed = true;
				objectWords.push(lowerWord);
				if (closed) continue;
				if (noun) objectNouns.push({ word: m.text, ...noun });
				end = m.index + m.text.length;
			}
			const own = { word, index, info, objectNouns, objectWords, objectEnd: end, negated };
			if (negated) {
				const next = nextClauseVerb(lead, end, coordination);
				if (next) return { ...next, denied: { word, index } };
			}
			const co = coordination ? coordinatedVerb(lead, index + word.length) : undefined;
			if (!co) {
				const chained = coordination ? chainedVerb(lead, end) : undefined;
				return chained ? { ...own, coordinated: chained } : own;
			}
			// "Stop and terminate an app": both verbs act on the object after the second.
			const shared =
				objectWords.length === 0
					? { objectNouns: co.objectNouns, objectWords: co.objectWords, objectEnd: co.objectEnd }
					: {};
			return { ...own, ...shared, coordinated: { word: co.word, info: co.info, objectWords: co.objectWords } };
		}
		// Adverbs ("Permanently", "Automatically") precede the verb; any other word means no opening verb.
		if (lower.endsWith('ly') && lower.length > 4) continue;
		if (lower === 'does' || lower === 'do') continue;
		return undefined;
	}
	return undefined;
}
