/**
 * Traits and level. The level starts from the category's base and moves by documented rules; every
 * move is its own evidence record. Only the object-based Destructive rules lower a level, and nothing
 * derived from annotations ever does.
 */
import { LEVELS, type Level } from '../catalogue/schema.ts';
import type { CategoryOutcome, Citation } from './category.ts';
import { findPhrases } from './description.ts';
import type { EvidenceLog } from './evidence.ts';
import type { Facts } from './facts.ts';
import { BULK_WORDS } from './lexicon.ts';
import type { RuleId } from './rules.ts';
import { lookupNoun, nameSlice, objectWeight, type NameToken } from './tokens.ts';
import type { EffectiveAnnotations } from './types.ts';

const BASE: Readonly<Record<CategoryOutcome['category'], Level>> = {
	Read: 'Low',
	Write: 'Medium',
	Execute: 'High',
	Destructive: 'Critical',
	Financial: 'Critical',
};

const rank = (l: Level) => LEVELS.indexOf(l);

/** The current level and the log it writes moves to. */
class LevelState {
	level: Level;
	readonly #log: EvidenceLog;
	constructor(level: Level, log: EvidenceLog) {
		this.level = level;
		this.#log = log;
	}
	/** Raises to `to` if that is higher; records the move only when the level changes. */
	raise(rule: RuleId, at: Citation, to: Level, why: string): void {
		if (rank(to) <= rank(this.level)) return;
		this.level = to;
		this.#log.level(rule, at.field, at.match, to, 'raise', why);
	}
	lower(rule: RuleId, at: Citation, to: Level, why: string): void {
		if (rank(to) >= rank(this.level)) return;
		this.level = to;
		this.#log.level(rule, at.field, at.match, to, 'lower', why);
	}
	/** Records a level decided (or confirmed) by a rule even when it does not change. */
	set(rule: RuleId, at: Citation, to: Level, why: string): void {
		this.level = to;
		this.#log.level(rule, at.field, at.match, to, 'set', why);
	}
}

function nameCite(f: Facts, token: NameToken): Citation {
	return { field: 'name', match: nameSlice(f.name, token) };
}

/** Object-phrase nouns of one class, as citations into the name. */
function objectNouns(f: Facts, cls: 'untrusted' | 'private' | 'billing' | 'money' | 'compute'): Citation[] {
	return f.object.filter((t) => lookupNoun(t.text)?.classes.has(cls)).map((t) => nameCite(f, t));
}

function leadHits(f: Facts, kind: 'untrusted' | 'secret' | 'access' | 'egress' | 'irreversible'): Citation[] {
	return findPhrases(f.lead, kind)
		.filter((h) => !h.negated)
		.map((h) => ({ field: 'description', match: h.match }));
}

/** Input for the level rules. */
export interface LevelInput {
	readonly outcome: CategoryOutcome;
	readonly facts: Facts;
	readonly annotations: EffectiveAnnotations;
}

/**
 * Records traits and moves the level from the category's base. Rule order matches the methodology
 * page: object weight for Destructive, then bulk and irreversibility, code and session rules, egress
 * and access changes, the Read rules (URL, untrusted input, private data, secrets), then traits that
 * never move a level, then annotations.
 */
export function decideLevel({ outcome, facts: f, annotations }: LevelInput, log: EvidenceLog): Level {
	const category = outcome.category;
	const mutates = category !== 'Read';
	const state = new LevelState(BASE[category], log);
	log.level('base-level', 'category', category, state.level, 'set', 'this is where its category starts');

	// Destructive: what is being destroyed sets the level.
	const head = f.head;
	const headCite = head ? nameCite(f, head.token) : undefined;
	const target = f.target;
	const weight = objectWeight(target);
	const targetCite = target ? { field: target.field, match: target.match } : undefined;
	if (category === 'Destructive' && targetCite) {
		if (weight === 'minor') state.lower('minor-object', targetCite, 'Medium', 'the object is minor, so a mistaken call loses little and is easy to redo');
		else if (outcome.availability) state.lower('availability-only', outcome.availability, 'High', 'it interrupts something that can be started again rather than destroying it');
		else if (weight === 'content') state.lower('content-object', targetCite, 'High', 'the object is a single piece of content, a real but bounded loss');
		else if (weight === 'high-value') state.set('high-value-object', targetCite, 'Critical', "the object is high-value: losing it loses everything in it or someone's access");
	} else if (category === 'Destructive' && outcome.availability) {
		state.lower('availability-only', outcome.availability, 'High', 'it interrupts something that can be started again rather than destroying it');
	}
	const escalable = category === 'Destructive' && state.level === 'High' && !outcome.availability;

	const irreversible = leadHits(f, 'irreversible')[0];
	if (escalable && irreversible) state.raise('irreversible', irreversible, 'Critical', 'its description says the loss cannot be undone');

	if (mutates) {
		const bulk = [
			...f.tokens.filter((t) => BULK_WORDS.has(t.text)).map((t) => nameCite(f, t)),
			...f.params.bulk.map((p) => ({ field: p.path, match: p.name })),
		];
		for (const b of bulk) log.trait('bulk', b.field, b.match, 'bulk', 'one call can act on many objects');
		const firstBulk = bulk[0];
		if (escalable && firstBulk) state.raise('bulk', firstBulk, 'Critical', 'one call can destroy many objects');
	}

	// Code and session rules.
	for (const p of f.params.code) log.trait('code-param', p.path, p.name, 'code-param', 'the caller supplies code, commands or queries');
	if (outcome.code && outcome.code.field === 'description') log.trait('code-param', outcome.code.field, outcome.code.match, 'code-param', 'its description says it runs arbitrary code or commands');
	if (category === 'Execute' && outcome.session) state.set('session-termination', outcome.session, 'High', 'closing live connections cuts users off but destroys nothing');
	if (category === 'Execute' && outcome.code) state.raise('code-param', outcome.code, 'Critical', 'whoever controls the call decides what code runs');

	if (mutates) {
		// Egress: an unmistakable recipient, or any address-like parameter on a tool that sends.
		const sends = Boolean(f.verb?.info.egress) || Boolean(f.descVerb && !f.descVerb.negated && f.descVerb.info.egress) || leadHits(f, 'egress').length > 0;
		const recipients = [...f.params.recipient, ...(sends ? [...f.params.maybeRecipient, ...f.params.url] : [])];
		for (const p of recipients) log.trait('egress', p.path, p.name, 'egress', 'the agent chooses where the data goes');
		const firstRecipient = recipients[0];
		if (category === 'Write' && firstRecipient) state.raise('egress', { field: firstRecipient.path, match: firstRecipient.name }, 'High', 'a manipulated call can send data to any recipient');

		// Access changes.
		const access: Citation[] = [];
		if (f.verb?.info.access) access.push(nameCite(f, f.verb.token));
		if (f.descVerb && !f.descVerb.negated && f.descVerb.info.access) access.push({ field: 'description', match: f.descVerb.word });
		if (head?.classes.has('access') && headCite) access.push(headCite);
		access.push(...leadHits(f, 'access'));
		for (const a of access) log.trait('access-change', a.field, a.match, 'access-change', 'it changes who can access what');
		const firstAccess = access[0];
		if (category === 'Write' && firstAccess) state.raise('access-change', firstAccess, 'High', 'a mistaken or manipulated call can hand out or take away access');
	}

	// Read rules.
	for (const p of f.params.url) log.trait('url-param', p.path, p.name, 'url-param', 'it takes a URL the agent chooses');
	const firstUrl = f.params.url[0];
	if (category === 'Read' && firstUrl) state.raise('url-param', { field: firstUrl.path, match: firstUrl.name }, 'Medium', 'fetching an agent-chosen URL allows server-side request forgery and leaks through the query string');
	if (category === 'Read') {
		const untrusted = [...f.params.url.map((p) => ({ field: p.path, match: p.name })), ...objectNouns(f, 'untrusted'), ...leadHits(f, 'untrusted')];
		for (const u of untrusted) log.trait('untrusted-input', u.field, u.match, 'untrusted-input', 'it returns content written by third parties, which may carry injected instructions');
		if (untrusted[0]) state.raise('untrusted-input', untrusted[0], 'Medium', 'what it returns may carry instructions injected by a third party');
		const personal = [...objectNouns(f, 'private'), ...f.params.path.map((p) => ({ field: p.path, match: p.name }))];
		for (const p of personal) log.trait('private-data', p.field, p.match, 'private-data', 'it reads data that belongs to a person or organisation');
		if (personal[0]) state.raise('private-data', personal[0], 'Medium', 'it reads private data');
	}
	const secrets = [...(head?.classes.has('secret') && headCite ? [headCite] : []), ...leadHits(f, 'secret')];
	for (const s of secrets) log.trait('secrets', s.field, s.match, 'secrets', 'it handles credentials, tokens or keys');
	if (category === 'Read' && secrets[0]) state.raise('secrets', secrets[0], 'High', 'what it returns is a credential that opens other systems');

	// Traits that never move a level.
	for (const p of f.params.path) log.trait('path-param', p.path, p.name, 'path-param', 'it takes a filesystem path');
	if (mutates) {
		const cost: Citation[] = [];
		if (f.verb?.info.cost) cost.push(nameCite(f, f.verb.token));
		if (f.verb && (category === 'Write' || category === 'Execute')) cost.push(...objectNouns(f, 'compute'));
		for (const c of cost) log.trait('cost', c.field, c.match, 'cost', 'it can start paid compute');
		const money = [
			...(category === 'Financial' ? [outcome.decidedBy] : []),
			...f.params.money.map((p) => ({ field: p.path, match: p.name })),
			...objectNouns(f, 'billing'),
		];
		for (const m of money) log.trait('money', m.field, m.match, 'money', 'it moves money or changes billing');
	}
	if (category === 'Destructive') log.trait(outcome.decidedBy.rule, outcome.decidedBy.field, outcome.decidedBy.match, 'destroys', 'it removes or irreversibly changes something');

	// Annotations can raise, never lower.
	const destructiveClaim = annotations.destructiveHint.declared && annotations.destructiveHint.value && !annotations.readOnlyHint.value;
	if (category === 'Write' && destructiveClaim) {
		state.raise('annotation-destructive', { field: 'annotations.destructiveHint', match: 'true' }, 'High', 'the server itself declares that it may overwrite or delete');
	}
	return state.level;
}
