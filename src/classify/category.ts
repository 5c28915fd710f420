/**
 * Category decision: every rule that reads the name, the lead sentence or the schema proposes a
 * category; the most severe proposal wins (Financial > Destructive > Execute > Write > Read), and how
 * well the sources agree sets the confidence.
 */
import { CATEGORIES, type Category } from '../catalogue/schema.ts';
import type { EffectiveAnnotations } from './types.ts';
import type { Confidence } from './types.ts';
import { findPhrases, type PhraseHit, type PhraseKind } from './description.ts';
import type { EvidenceLog } from './evidence.ts';
import type { Facts } from './facts.ts';
import { DISSOCIATE_VERBS, MULTIPLEX_VERBS, NOUNS, STORAGE_NOUNS, type VerbInfo } from './lexicon.ts';
import { allMatches } from './regex.ts';
import type { RuleId } from './rules.ts';
import { withArticle } from './text.ts';
import { headNoun, lookupNoun, nameSlice } from './tokens.ts';

type Source = 'name' | 'description' | 'schema';

/** One rule's proposal. */
interface Signal {
	readonly source: Source;
	readonly category: Category;
	readonly rule: RuleId;
	readonly field: string;
	readonly match: string;
	readonly why: string;
	/** The verb behind the proposal, when there is one (availability is read from it). */
	readonly verb?: VerbInfo;
	/** Name verbs only: where the verb sat. */
	readonly position?: 'first' | 'last' | 'any';
	/** From a phrase inside the lead sentence rather than its opening verb. */
	readonly phrase?: boolean;
	readonly session?: boolean;
	readonly code?: boolean;
}

/** Where a piece of evidence was read, for level rules that cite it again. */
export interface Citation {
	readonly field: string;
	readonly match: string;
}

/** The category and what the level rules need to know about how it was reached. */
export interface CategoryOutcome {
	readonly category: Category;
	readonly confidence: Confidence;
	/** True when no rule matched and a default decided. */
	readonly fallback: boolean;
	/** Session termination decided it (Execute, kept at High). */
	readonly session: Citation | undefined;
	/** Free-form code was found (parameter or "arbitrary code" wording). */
	readonly code: Citation | undefined;
	/** Destructive only through verbs that interrupt availability (stop, restart…). */
	readonly availability: Citation | undefined;
	/** The first record that set the category, cited again by derived traits. */
	readonly decidedBy: { rule: RuleId; field: string; match: string };
}

const RANK: Readonly<Record<Category, number>> = Object.fromEntries(CATEGORIES.map((c, i) => [c, i])) as Record<Category, number>;

const SESSION_VERBS = new Set(['drop', 'disconnect', 'terminate', 'kill', 'close', 'kick', 'end']);

/** What each category's verb says about the tool; completes "… is a Write tool because …". */
const VERB_MEANING: Readonly<Record<Category, string>> = {
	Read: 'it only reads or looks things up',
	Write: 'it creates or changes something',
	Execute: 'it runs or triggers an operation',
	Destructive: 'it removes or irreversibly changes something',
	Financial: 'it moves money',
};
const AVAILABILITY_MEANING = 'it stops or interrupts something that is running';
const SESSION_WHY = 'it forces live connections closed, an operation with immediate effect that destroys nothing';

function meaning(category: Category, verb: VerbInfo | undefined): string {
	return category === 'Destructive' && verb?.availability ? AVAILABILITY_MEANING : VERB_MEANING[category];
}

function nounsHave(bases: readonly string[], cls: 'runtime' | 'money' | 'access'): boolean {
	return bases.some((b) => NOUNS.get(b)?.has(cls));
}

/**
 * A verb's category in context: start/stop act on availability only for things that run
 * (`start_job` is Execute, `start_recording` a Write), and transfer is Financial only for money.
 */
function resolveVerb(info: VerbInfo, objectBases: readonly string[], moneyParam: boolean): Category {
	switch (info.context) {
		case 'start':
			return nounsHave(objectBases, 'runtime') ? 'Execute' : 'Write';
		case 'stop':
			return nounsHave(objectBases, 'runtime') ? 'Destructive' : 'Write';
		case 'transfer':
			return nounsHave(objectBases, 'money') || moneyParam ? 'Financial' : 'Write';
		default:
			return info.category;
	}
}

function nameSignals(f: Facts): Signal[] {
	const v = f.verb;
	if (!v) {
		const interpreter = f.tokens.find((t) => lookupNoun(t.text)?.classes.has('interpreter'));
		if (!interpreter) return [];
		return [{ source: 'name', category: 'Execute', rule: 'name-verb', field: 'name', match: nameSlice(f.name, interpreter), why: 'its name is a shell or interpreter, so it runs code', position: 'first' }];
	}
	const objectBases = f.object.flatMap((t) => lookupNoun(t.text)?.base ?? []);
	const session = SESSION_VERBS.has(v.info.base) ? headNoun(f.object, 'session') : undefined;
	if (session) {
		return [{ source: 'name', category: 'Execute', rule: 'session-termination', field: 'name', match: nameSlice(f.name, v.token, session.token), why: SESSION_WHY, position: v.position, session: true }];
	}
	const moneyParam = f.params.money[0];
	const category = resolveVerb(v.info, objectBases, moneyParam !== undefined);
	if (category === 'Write') {
		const money = headNoun(f.object, 'money');
		if (money) {
			return [{ source: 'name', category: 'Financial', rule: 'money', field: 'name', match: nameSlice(f.name, v.token, money.token), why: VERB_MEANING.Financial, position: v.position }];
		}
		if (moneyParam && v.info.base === 'send') {
			return [{ source: 'name', category: 'Financial', rule: 'money', field: moneyParam.path, match: moneyParam.name, why: 'it sends an amount of money', position: v.position }];
		}
	}
	// The same wording as the description rule's, so the rationale can say the two sources agree.
	const why = meaning(category, v.info);
	return [{ source: 'name', category, rule: 'name-verb', field: 'name', match: nameSlice(f.name, v.token), why, verb: v.info, position: v.position }];
}

/** Negated hits become notes; the rest are returned. */
function livePhrases(lead: string, kind: PhraseKind, notes: PhraseHit[]): PhraseHit[] {
	const hits = findPhrases(lead, kind);
	for (const h of hits) if (h.negated && !notes.some((n) => n.index === h.index)) notes.push(h);
	return hits.filter((h) => !h.negated);
}

const PHRASE_SIGNALS: readonly { kind: PhraseKind; category: Category; rule: RuleId; why: string; code?: boolean }[] = [
	{ kind: 'destructive', category: 'Destructive', rule: 'description-verb', why: 'its description says it removes or overwrites something' },
	{ kind: 'exec', category: 'Execute', rule: 'description-verb', why: 'its description says it runs code, commands or queries' },
	{ kind: 'arbitrary', category: 'Execute', rule: 'code-param', why: 'its description says it runs arbitrary code or commands', code: true },
	{ kind: 'financial', category: 'Financial', rule: 'money', why: 'its description says it moves money' },
];

function descriptionSignals(f: Facts, negated: PhraseHit[]): Signal[] {
	const lead = f.lead;
	if (!lead) return [];
	const out: Signal[] = [];
	const sessions = livePhrases(lead, 'session', negated);
	const session = sessions[0];
	if (session) out.push({ source: 'description', category: 'Execute', rule: 'session-termination', field: 'description', match: session.match, why: SESSION_WHY, session: true });
	const dv = f.descVerb;
	if (dv?.negated) negated.push({ match: dv.word, index: dv.index, negated: true, quoted: dv.word });
	else if (dv && !(session && SESSION_VERBS.has(dv.info.base))) {
		const category = resolveVerb(dv.info, dv.objectNouns.map((n) => n.base), f.params.money.length > 0);
		out.push({ source: 'description', category, rule: 'description-verb', field: 'description', match: dv.word, why: meaning(category, dv.info), verb: dv.info });
	}
	// A phrase that is the opening verb, or part of a session phrase, has been counted already.
	const counted = (h: PhraseHit) => (dv !== undefined && h.index === dv.index) || sessions.some((s) => h.index >= s.index && h.index < s.index + s.match.length);
	for (const p of PHRASE_SIGNALS) {
		const hit = livePhrases(lead, p.kind, negated).find((h) => !counted(h));
		// One description signal per category is enough: "Refund a charge" is one money signal, not two.
		if (hit && !out.some((s) => s.category === p.category && !s.code && !p.code)) out.push({ source: 'description', category: p.category, rule: p.rule, field: 'description', match: hit.match, why: p.why, phrase: true, ...(p.code ? { code: true } : {}) });
	}
	return out;
}

/** A parameter description saying it picks the operation ("Action to perform"). */
const PICKS_OPERATION = /\b(?:operation|action)s?\s+to\s+(?:perform|run|execute|take|apply)\b|\bwhich\s+(?:operation|action)\b|\boperation\s+type\b/i;

function schemaSignals(f: Facts): Signal[] {
	const out: Signal[] = [];
	const code = f.params.code[0];
	if (code) out.push({ source: 'schema', category: 'Execute', rule: 'code-param', field: code.path, match: code.name, why: 'the caller supplies the code, commands or queries it runs', code: true });
	// An `action` enum multiplexes only on a generic tool (`manage_labels`, `nodes_bulk_actions`); on
	// `monit_add_test` it is a field of the test being added ("Action on failure: restart").
	const generic = !f.verb || MULTIPLEX_VERBS.has(f.verb.info.base);
	for (const e of f.params.actionEnums) {
		if (e.http) {
			out.push({ source: 'schema', category: 'Execute', rule: 'action-enum', field: `${e.param.path}.enum`, match: e.param.enumValues.join('|'), why: 'one parameter selects the HTTP method, so it can call endpoints with any method' });
			continue;
		}
		if (e.verbs.length === 0 || !(generic || PICKS_OPERATION.test(e.param.description))) continue;
		// The most severe allowed operation; among destructive ones, a real deletion outranks a restart.
		const weight = (x: { info: VerbInfo }) => RANK[x.info.category] * 2 + (x.info.availability ? 0 : 1);
		const strongest = e.verbs.reduce((best, x) => (weight(x) > weight(best) ? x : best));
		out.push({ source: 'schema', category: strongest.info.category, rule: 'action-enum', field: `${e.param.path}.enum`, match: strongest.value, why: 'one parameter selects among several operations, and the most severe one decides', verb: strongest.info });
	}
	return out;
}

const FROM = /\bfrom\b/i;
const WORDS = /[\w-]+/g;
const DISSOCIATION_WHY = 'it takes something out of a list or group, which leaves the thing itself in place';
const DISSOCIATING_PHRASE = /^(?:remov|unlink|detach|disassociat|unassign)/i;

function isStorage(word: string): boolean {
	const lower = word.toLowerCase();
	return STORAGE_NOUNS.has(lookupNoun(lower)?.base ?? lower) || STORAGE_NOUNS.has(lower);
}

/**
 * "Remove users from a squad", `remove_label_from_issue`: a removal from a list or group that is not
 * a data store. Removing a file from a repository is still a deletion.
 */
function findDissociation(f: Facts): Citation | undefined {
	const v = f.verb;
	if (v && DISSOCIATE_VERBS.has(v.info.base)) {
		const from = f.tokens.findIndex((t, i) => i > v.index && t.text === 'from');
		const container = from === -1 ? undefined : f.tokens[from + 1];
		if (container && !isStorage(container.text)) return { field: 'name', match: nameSlice(f.name, v.token, container) };
	}
	for (const hit of findPhrases(f.lead, 'dissociation')) {
		if (hit.negated) continue;
		const at = FROM.exec(hit.match);
		const container = at ? allMatches(WORDS, hit.match.slice(at.index + 4)).map((m) => m.text) : [];
		if (!container.some(isStorage)) return { field: 'description', match: hit.match };
	}
	return undefined;
}

/** Destructive signals that only dissociate become Write signals of rule `dissociation`. */
function applyDissociation(signals: Signal[], at: Citation | undefined): Signal[] {
	if (!at) return signals;
	return signals.map((s) => {
		const dissociates = s.category === 'Destructive' && ((s.verb !== undefined && DISSOCIATE_VERBS.has(s.verb.base)) || (s.phrase === true && DISSOCIATING_PHRASE.test(s.match)));
		if (!dissociates) return s;
		const match = s.source === 'description' && at.field === 'description' ? at.match : s.source === 'name' && at.field === 'name' ? at.match : s.match;
		return { ...s, category: 'Write' as const, rule: 'dissociation' as const, match, why: DISSOCIATION_WHY };
	});
}

function cite(s: Signal | undefined): Citation | undefined {
	return s ? { field: s.field, match: s.match } : undefined;
}

/**
 * Decides the category, writes its evidence (agreeing records as `category`, outvoted or ignored
 * ones as notes) and rates confidence: high when the name's verb (first or last word) and another
 * source agree, medium for a single source, low when name and description disagree about whether
 * the tool only reads, or when a default decided.
 */
export function decideCategory(f: Facts, annotations: EffectiveAnnotations, log: EvidenceLog): CategoryOutcome {
	const negated: PhraseHit[] = [];
	const all = applyDissociation([...nameSignals(f), ...descriptionSignals(f, negated), ...schemaSignals(f)], findDissociation(f));
	const name = all.find((s) => s.source === 'name');
	let contradiction = false;

	// A read verb in the name outweighs destructive or money phrases later in the lead sentence.
	const ignored = name?.category === 'Read' ? all.filter((s) => s.phrase && s.source === 'description' && RANK[s.category] >= RANK.Destructive) : [];
	const signals = all.filter((s) => !ignored.includes(s));
	if (ignored.length > 0) contradiction = true;

	const readOnlyClaim = annotations.readOnlyHint.declared && annotations.readOnlyHint.value;
	if (signals.length === 0) {
		const category: Category = readOnlyClaim ? 'Read' : 'Write';
		const decidedBy = readOnlyClaim
			? { rule: 'annotation-read-only' as const, field: 'annotations.readOnlyHint', match: 'true' }
			: { rule: 'unknown-verb' as const, field: 'name', match: f.name };
		const why = readOnlyClaim
			? 'nothing in its text gives a category, and the server declares it read-only, an unverified claim'
			: "no verb in its name, description or schema is in the lexicons, so the MCP spec's pessimistic default applies: it may change things";
		log.category(decidedBy.rule, decidedBy.field, decidedBy.match, category, why);
		logNotes(log, ignored, negated);
		return { category, confidence: 'low', fallback: true, session: undefined, code: undefined, availability: undefined, decidedBy };
	}

	const category = signals.reduce((best, s) => (RANK[s.category] > RANK[best] ? s.category : best), signals[0]?.category as Category);
	const winners = signals.filter((s) => s.category === category);
	for (const s of winners) log.category(s.rule, s.field, s.match, category, s.why);
	for (const s of signals.filter((x) => x.category !== category)) {
		const source = s.source === 'schema' ? 'input schema' : s.source;
		log.note(s.rule, s.field, s.match, `its ${source} also points to ${withArticle(s.category)} tool, but ${category} takes precedence`);
	}
	logNotes(log, ignored, negated);

	const supports = new Set<string>(winners.map((s) => s.source));
	if (category === 'Read' && readOnlyClaim) {
		log.note('annotation-read-only', 'annotations.readOnlyHint', 'true', 'the server also declares it read-only, which agrees with its text');
		supports.add('annotation');
	}
	if (category === 'Destructive' && annotations.destructiveHint.declared && annotations.destructiveHint.value) {
		log.note('annotation-destructive', 'annotations.destructiveHint', 'true', 'the server also declares it destructive, which agrees with its text');
		supports.add('annotation');
	}

	const description = signals.filter((s) => s.source === 'description');
	if (name && description.length > 0 && (name.category === 'Read') !== description.every((s) => s.category === 'Read')) contradiction = true;
	// A verb-object pair (session termination) is as telling in the middle of a name as at its ends.
	const strongName = name !== undefined && name.category === category && (name.position !== 'any' || name.session === true);
	const confidence: Confidence = contradiction ? 'low' : strongName && supports.size >= 2 ? 'high' : 'medium';

	const destructive = winners.filter((s) => s.category === 'Destructive');
	const availability = destructive.length > 0 && destructive.every((s) => s.verb?.availability) ? cite(destructive[0]) : undefined;
	const first = winners[0] as Signal;
	return {
		category,
		confidence,
		fallback: false,
		session: category === 'Execute' ? cite(winners.find((s) => s.session)) : undefined,
		code: cite(all.find((s) => s.code)),
		availability,
		decidedBy: { rule: first.rule, field: first.field, match: first.match },
	};
}

function logNotes(log: EvidenceLog, ignored: readonly Signal[], negated: readonly PhraseHit[]): void {
	for (const s of ignored) {
		log.note('description-verb', s.field, s.match, "its description mentions something more severe, but the read verb in its name decides; the disagreement lowers confidence");
	}
	for (const h of [...negated].sort((a, b) => a.index - b.index)) {
		log.note('negation-guard', 'description', h.quoted, 'a negated phrase in its description is not counted');
	}
}
