/**
 * Traits and level. The level starts from the category's base and moves by documented rules; every
 * move is its own evidence record. Only the object-based Destructive rules and a single interface step
 * (interface-action) lower a level, and nothing derived from annotations ever does. Rules read only the category outcome, the facts record
 * (`facts.ts`) and the lexicon.
 */
import { LEVELS, type Level } from '../catalogue/schema.ts';
import type { CategoryOutcome, Citation } from './category.ts';
import type { PhraseHit } from './description.ts';
import type { EvidenceLog } from './evidence.ts';
import type { Facts } from './facts.ts';
import { textHints } from './hints.ts';
import {
	BOUNDED_RUNS,
	BULK_WORDS,
	CANCEL_COMMITMENTS,
	CANVAS_PARTS,
	INTERFACE_STATE_VERBS,
	INTERFACE_VERBS,
	ORGANISING_OBJECTS,
	PREPOSITIONS,
	PUBLIC_WEB_WORDS,
	REISSUABLE_CREDENTIALS,
	SHARED_RUNTIME,
} from './lexicon.ts';
import { lookupNoun, lookupVerb } from './lookup.ts';
import type { Param } from './params.ts';
import type { RuleId } from './rules.ts';
import type { NameToken } from './tokens.ts';

/** Name verbs that replace what was there (research rule W4). */
const OVERWRITE_VERBS = new Set(['overwrite', 'replace']);

/** A lead whose opening verb takes one object: "Delete a sprint", "Removes the specified delegate". */
const SINGLE_OBJECT = /^\s*[a-z]+\s+(?:a|an|one|a single|a specific|the specified|the given)\s+[\w-]+/i;

/** A word after "and" or "then": the verb of a second act, if it is one. */
const AND_THEN = /\b(?:and|then)\s+(?:then\s+)?([a-z]+)/gi;

/** A lead whose verb takes many objects at once: "Clear all persistent memory", "Delete multiple nodes". */
const LEAD_BULK = /^\s*[a-z]+\s+(?:all|every|multiple|many)\b/i;

/** The lead's bulk wording, as a citation. */
function leadBulk(f: Facts): Citation[] {
	const m = LEAD_BULK.exec(f.lead);
	return m ? [{ field: 'description', match: m[0].trim() }] : [];
}

/** Files written into a repository: "update a single file in a GitHub repository", "files to a repo". */
const REPOSITORY_FILES =
	/\b(?:files?|code|contents?)\b(?:\s+[\w-]+){0,4}?\s+(?:in|to|into)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:repository|repo)\b/i;

/** Content returned besides metadata ("email content and metadata"); "without reading the content" is not. */
const WITH_CONTENT = /\b(?<!without\s(?:\w+\s){0,2})(?:content|contents|body|bodies|comments)\b/i;
/** Where a lead's object phrase ends: a preposition, "about", or punctuation. */
const OBJECT_END: ReadonlySet<string> = new Set([...PREPOSITIONS, 'about']);

/**
 * The tool returns metadata about an object and not its content: metadata is the object of the name
 * (`get_token_metadata`) or of the lead's opening verb ("Retrieve metadata about a file"), and the lead
 * names no content besides; the word, for quoting.
 */
function metadataOnly(f: Facts): string | undefined {
	// The word first: most tools never say "metadata", and the content test is a scan of the whole lead.
	const inName = f.tokens.find((t) => t.text === 'metadata');
	const dv = f.descVerb && !f.descVerb.negated ? f.descVerb : undefined;
	const words = dv?.objectWords ?? [];
	const end = words.findIndex((w) => OBJECT_END.has(w));
	const inLead = (end === -1 ? words : words.slice(0, end)).includes('metadata');
	if ((!inName && !inLead) || WITH_CONTENT.test(f.lead)) return undefined;
	return inName ? f.quote(inName) : 'metadata';
}

/** Apps, which are bounded runs only on a device or a simulator. */
const HOSTED_APPS: ReadonlySet<string> = new Set(['app', 'application']);
const ON_DEVICE = /\b(?:simulator|emulator|device|mobile|phone|ios|android|sim)\b/i;

/** What "open" navigates to rather than launches. */
const OPENED_VIEWS: ReadonlySet<string> = new Set(['url', 'link', 'deeplink', 'tab', 'window']);

/** Verbs that test something and answer yes or no. */
const CHECK_VERBS = new Set(['check', 'validate', 'verify', 'test']);

const BASE: Readonly<Record<CategoryOutcome['category'], Level>> = {
	Read: 'Low',
	Write: 'Medium',
	Execute: 'High',
	// A removal whose object the rules cannot weigh: a real loss, but Critical only for a high-value object.
	Destructive: 'High',
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
	return { field: f.nameField, match: f.quote(token) };
}

function paramCite(p: Param): Citation {
	return { field: p.path, match: p.name };
}

/** Object-phrase nouns of one class, as citations into the name. */
function objectNouns(f: Facts, cls: 'untrusted' | 'private' | 'billing' | 'money' | 'compute'): Citation[] {
	return f.objectNouns.filter((n) => n.classes.has(cls)).map((n) => nameCite(f, n.token));
}

/** Live hits of a lead-sentence phrase; negated ones ("without overwriting") are noted and dropped. */
function leadHits(
	f: Facts,
	kind: 'untrusted' | 'access' | 'egress' | 'irreversible' | 'overwrite',
	log: EvidenceLog,
): Citation[] {
	return liveHits(f.phrases(kind), log);
}

function liveHits(hits: readonly PhraseHit[], log: EvidenceLog): Citation[] {
	for (const h of hits)
		if (h.negated)
			log.note('negation-guard', 'description', h.quoted, 'a negated phrase in its description is not counted');
	return hits.filter((h) => !h.negated).map((h) => ({ field: 'description', match: h.match }));
}

/** The deciding verb (the name's, or else the lead's) when it is one step in an interface, with its citation. */
function interfaceStep(f: Facts): { verb: string; at: Citation } | undefined {
	const verb = f.verb?.info.base ?? (f.descVerb && !f.descVerb.negated ? f.descVerb.info.base : undefined);
	// Opening a link, a tab or a window, or anything in a browser or on a device, is navigating to it.
	const opens =
		verb === 'open' &&
		(f.ui || [...f.object.map((t) => t.text), ...(f.descVerb?.objectWords ?? [])].some((w) => OPENED_VIEWS.has(w)));
	if (verb === undefined || !(INTERFACE_VERBS.has(verb) || INTERFACE_STATE_VERBS.has(verb) || opens)) return undefined;
	const at = f.verb ? nameCite(f, f.verb.token) : { field: 'description', match: f.descVerb?.word ?? verb };
	return { verb, at };
}

/** A plural's singular, for words the noun lexicon does not know (`options`, `categories`). */
function singularOf(word: string): string {
	const w = word.toLowerCase();
	if (w.endsWith('ies')) return `${w.slice(0, -3)}y`;
	return w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;
}

/** "… and upload the given files": a lead going on, after and/then, with a verb that is not a read. */
function secondAct(lead: string): boolean {
	for (const m of lead.matchAll(AND_THEN)) {
		const info = lookupVerb((m[1] as string).toLowerCase());
		if (info && info.category !== 'Read') return true;
	}
	return false;
}

/**
 * The organising object a create names as its head ("Create a new folder", `create_document_type`,
 * "Create a named checkpoint"): the name's object when the name has a verb, else the lead's, up to
 * its first preposition; the matched words, for quoting.
 */
function organisingObject(f: Facts): Citation | undefined {
	// The words after the name's verb (`sheets_add_conditional_formatting` adds formatting, not sheets),
	// else its object phrase (`folder_create`), up to a preposition.
	const v = f.verb;
	const after = v ? f.tokens.filter((t) => t.start > v.token.start) : [];
	const object = after.length > 0 ? after : v ? f.object : [];
	const cut = object.findIndex((t) => PREPOSITIONS.has(t.text));
	const tokens = cut === -1 ? object : object.slice(0, cut);
	const fromName = tokens.length > 0;
	const words = fromName ? tokens.map((t) => t.text) : (f.descVerb?.objectWords ?? []);
	const end = words.findIndex((w) => PREPOSITIONS.has(w));
	const phrase = end === -1 ? words : words.slice(0, end);
	const head = phrase.at(-1);
	if (head === undefined) return undefined;
	if (!ORGANISING_OBJECTS.has(singularOf(head))) return undefined;
	// "Create a folder and upload the files": a second act adds content to it (checked last: it looks up verbs).
	if (f.coordinatedVerb || f.descVerb?.coordinated || secondAct(f.lead)) return undefined;
	return fromName
		? { field: f.nameField, match: f.quote(tokens.at(-1) as NameToken) }
		: { field: 'description', match: head };
}

/**
 * What an interruption stops, when it is a bounded run (an app, a container, a workflow) and nothing
 * others depend on or that may be anything (a server, a database, a process by id): the name's word
 * or the lead's object word naming it, for quoting. One call on many (`stop_all_jobs`) is not bounded.
 */
function boundedRun(f: Facts): Citation | undefined {
	const nameWords = f.tokens.filter((t) => t !== f.verb?.token);
	const dv = f.descVerb && !f.descVerb.negated ? f.descVerb : undefined;
	const leadWords = dv?.objectWords ?? [];
	const end = leadWords.findIndex((w) => PREPOSITIONS.has(w));
	const words = [...nameWords.map((t) => t.text), ...(end === -1 ? leadWords : leadWords.slice(0, end))];
	const base = (w: string) => lookupNoun(w)?.base ?? singularOf(w);
	if (words.some((w) => SHARED_RUNTIME.has(base(w)) || BULK_WORDS.has(w)) || f.params.bulk.length > 0) return undefined;
	// An app is one person's run on a phone or a simulator; a hosted app serves its users.
	const onDevice = ON_DEVICE.test(`${f.tokens.map((t) => t.text).join(' ')} ${f.lead}`);
	const bounded = (w: string) => BOUNDED_RUNS.has(base(w)) && (onDevice || !HOSTED_APPS.has(base(w)));
	const inName = nameWords.find((t) => bounded(t.text));
	if (inName) return { field: f.nameField, match: f.quote(inName) };
	const inLead = leadWords.find(bounded);
	return inLead ? { field: 'description', match: inLead } : undefined;
}

/** What every rule group below reads and writes. */
interface RuleContext {
	readonly outcome: CategoryOutcome;
	readonly facts: Facts;
	readonly state: LevelState;
	readonly log: EvidenceLog;
}

/** What is being destroyed sets a Destructive level; irreversibility and bulk then raise it. */
function destructiveRules({ outcome, facts: f, state, log }: RuleContext): void {
	const target = f.target;
	const weight = target?.weight;
	// "Delete a sprint", "Removes the specified delegate": one object the lexicon cannot weigh. A cancelled
	// order or booking is a commitment lost, rarely restored as it was, so it keeps the Destructive base.
	const singular =
		outcome.category === 'Destructive' && !outcome.availability && !f.tokens.some((t) => CANCEL_COMMITMENTS.has(t.text))
			? SINGLE_OBJECT.exec(f.lead)?.[0]
			: undefined;
	const at = target ? { field: target.field, match: target.match } : undefined;
	const bulk = [
		...f.tokens.filter((t) => BULK_WORDS.has(t.text)).map((t) => nameCite(f, t)),
		...f.params.bulk.map(paramCite),
		...(outcome.category === 'Destructive' ? leadBulk(f) : []),
	];
	if (outcome.category === 'Destructive') {
		if (weight === 'minor' && at) {
			state.lower(
				'minor-object',
				at,
				'Medium',
				'the object is minor, so a mistaken call loses little and is easy to redo',
			);
			// One shape or connector on a canvas is redrawn in a moment; many at once are not.
			// Only when the part is what the name ends in: `delete_element`, not `delete_edge_config`.
			const last = f.tokens.at(-1);
			const part =
				target &&
				CANVAS_PARTS.has(target.base) &&
				(target.field === 'description' ||
					last?.text === target.match.toLowerCase() ||
					lookupNoun(last?.text ?? '')?.base === target.base);
			if (part && bulk.length === 0)
				state.lower('minor-object', at, 'Low', 'it removes one part of a drawing, which is redrawn in a moment');
		} else if (outcome.availability) {
			state.set(
				'availability-only',
				outcome.availability,
				'High',
				'it interrupts something that can be started again rather than destroying it',
			);
			const bounded = boundedRun(f);
			if (bounded)
				state.lower(
					'availability-only',
					bounded,
					'Medium',
					'what it stops is one bounded run, started again at no cost, that nothing else depends on',
				);
		} else if (weight === 'content' && at)
			state.lower(
				'content-object',
				at,
				'Medium',
				'the object is a single piece of content, a real but bounded loss that can usually be restored or redone',
			);
		else if (weight === 'high-value' && at && target && REISSUABLE_CREDENTIALS.has(target.base))
			state.set(
				'high-value-object',
				at,
				'High',
				'a credential or certificate can be issued again, but whatever uses it fails until it is replaced',
			);
		else if (weight === 'high-value' && at)
			state.set(
				'high-value-object',
				at,
				'Critical',
				"the object is high-value: losing it loses everything in it or someone's access",
			);
		else if (weight === undefined && singular)
			state.lower(
				'content-object',
				{ field: 'description', match: singular },
				'Medium',
				'it removes one object its description names in the singular, a bounded loss',
			);
	}
	// Only a bounded loss (content) can be escalated, and only to High: permanence or many objects at once
	// widen the loss, but Critical is kept for objects whose loss takes everything inside them.
	const escalable =
		outcome.category === 'Destructive' &&
		(weight === 'content' || (weight === undefined && singular !== undefined)) &&
		state.level === 'Medium' &&
		!outcome.availability;
	const irreversible = leadHits(f, 'irreversible', log)[0];
	const safeguard = f.params.safeguardOff[0];
	if (escalable && irreversible)
		state.raise('irreversible', irreversible, 'High', 'its description says the loss cannot be undone');
	else if (escalable && safeguard)
		state.raise(
			'irreversible',
			paramCite(safeguard),
			'High',
			'a flag can switch off its safeguard, so the loss cannot be undone',
		);

	if (outcome.category === 'Read') return;
	for (const b of bulk) log.trait('bulk', b.field, b.match, 'bulk', 'one call can act on many objects');
	if (escalable && bulk[0]) state.raise('bulk', bulk[0], 'High', 'one call can destroy many objects');
}

/** Free-form code makes an Execute tool Critical; ending sessions or connections keeps it at High. */
function executeRules({ outcome, facts: f, state, log }: RuleContext): void {
	for (const p of f.params.code)
		log.trait('code-param', p.path, p.name, 'code-param', 'the caller supplies code, commands or queries');
	if (outcome.code?.field === 'description')
		log.trait(
			'code-param',
			outcome.code.field,
			outcome.code.match,
			'code-param',
			'its description says it runs arbitrary code or commands',
		);
	if (outcome.category !== 'Execute') return;
	if (outcome.session)
		state.set(
			'session-termination',
			outcome.session,
			'High',
			'ending live sessions or connections interrupts whoever is using them, but destroys nothing',
		);
	// Code the lead confines to a browser page or a sandbox reaches only what that page or sandbox can.
	const confined = f.confined;
	if (outcome.code && confined)
		log.note('code-param', 'description', confined, 'the code runs inside a page or sandbox, so it stays High');
	else if (outcome.code)
		state.raise('code-param', outcome.code, 'Critical', 'whoever controls the call decides what code runs');
	const step = interfaceStep(f);
	if (!outcome.code && !outcome.session && step)
		state.lower('interface-action', step.at, 'Medium', 'it takes one visible step in an interface, as a person would');
}

/** Overwriting, sending to a chosen recipient or changing access raises a Write tool to High. */
function writeRules({ outcome, facts: f, state, log }: RuleContext): void {
	const category = outcome.category;
	if (category === 'Read') return;
	// A reaction, tag or label added or changed is as small as the same object deleted.
	if (category === 'Write' && f.target?.weight === 'minor')
		state.lower(
			'minor-object',
			{ field: f.target.field, match: f.target.match },
			'Low',
			'the object is minor, so a mistaken change is small and easy to redo',
		);
	// A new folder, checkpoint or type holds nothing yet: removing it undoes the call.
	const organiser = category === 'Write' && outcome.additive ? organisingObject(f) : undefined;
	if (organiser)
		state.lower(
			'minor-object',
			organiser,
			'Low',
			'it only adds one new, empty organising object, which is removed as easily as it was made',
		);
	// Hovering, scrolling or filling a field on a page changes what one screen shows, and nothing is submitted.
	// `select` is a Write only when it names a page control (an option, a checkbox), so it needs no page word.
	const step = category === 'Write' ? interfaceStep(f) : undefined;
	if (step && INTERFACE_STATE_VERBS.has(step.verb) && (f.ui || step.verb === 'select'))
		state.lower(
			'interface-action',
			step.at,
			'Low',
			'it only changes what one page or screen shows or holds, and the next step can undo it',
		);
	const published = f.publishes;
	if (category === 'Write' && published)
		state.raise(
			'public-exposure',
			{ field: 'description', match: published },
			'High',
			'what it changes is made public or live at once, where everyone sees a mistake',
		);
	const named = f.verb && OVERWRITE_VERBS.has(f.verb.info.base) ? [nameCite(f, f.verb.token)] : [];
	const lead = leadHits(f, 'overwrite', log);
	// A warning anywhere in the description ("this overwrites the website's existing contents") or an
	// overwrite switch says as much as the lead; read only when the name and lead have not said it.
	const readsLater = (category === 'Write' || category === 'Execute') && named.length + lead.length === 0;
	const later = readsLater ? [...liveHits(f.dataLoss, log), ...f.params.overwrite.map(paramCite)] : [];
	const overwrites = [...named, ...lead, ...later];
	// "Create or update a single file in a GitHub repository", "Push files to a repository": a file changed
	// in a repository replaces what was committed, and is code that may reach production.
	const committed = category === 'Write' && !outcome.additive ? REPOSITORY_FILES.exec(f.lead)?.[0] : undefined;
	if (category === 'Write' && overwrites[0])
		state.raise('overwrite', overwrites[0], 'High', 'it replaces existing content, which is lost if the call is wrong');
	else if (committed)
		state.raise(
			'overwrite',
			{ field: 'description', match: committed },
			'High',
			'it replaces committed files in a repository, code that may reach production',
		);
	else if (category === 'Execute' && overwrites[0])
		log.note(
			'overwrite',
			overwrites[0].field,
			overwrites[0].match,
			'what it runs replaces existing content, which is lost if the call is wrong',
		);

	// Egress: an unmistakable recipient, or any address-like parameter on a tool that sends.
	const sends =
		Boolean(f.verb?.info.egress) ||
		Boolean(f.descVerb && !f.descVerb.negated && f.descVerb.info.egress) ||
		leadHits(f, 'egress', log).length > 0;
	const recipients = [...f.params.recipient, ...(sends ? [...f.params.maybeRecipient, ...f.params.url] : [])].map(
		paramCite,
	);
	for (const r of recipients) log.trait('egress', r.field, r.match, 'egress', 'the agent chooses where the data goes');
	if (category === 'Write' && recipients[0])
		state.raise('egress', recipients[0], 'High', 'a manipulated call can send data to any recipient');

	const access: Citation[] = [];
	if (f.verb?.info.access) access.push(nameCite(f, f.verb.token));
	if (outcome.access) access.push(outcome.access);
	if (f.descVerb && !f.descVerb.negated && f.descVerb.info.access)
		access.push({ field: 'description', match: f.descVerb.word });
	// On a Financial tool "token" is a crypto asset, not a credential.
	if (f.head?.classes.has('access') && category !== 'Financial') access.push(nameCite(f, f.head.token));
	access.push(...leadHits(f, 'access', log));
	for (const a of access)
		log.trait('access-change', a.field, a.match, 'access-change', 'it changes who can access what');
	if (category === 'Write' && access[0])
		state.raise('access-change', access[0], 'High', 'a mistaken or manipulated call can hand out or take away access');
}

/** What a Read tool returns sets its level: URLs, third-party content and private data Medium, secrets High. */
function readRules({ outcome, facts: f, state, log }: RuleContext): void {
	const isRead = outcome.category === 'Read';
	const urls = f.params.url.map(paramCite);
	for (const u of urls) log.trait('url-param', u.field, u.match, 'url-param', 'the agent chooses the URL it takes');
	if (isRead) {
		// Any word of the name before a qualifier counts, the verb included: `scrape_page`, `web_search`.
		const words = f.segmentNouns.filter((n) => n.classes.has('untrusted'));
		const leads = leadHits(f, 'untrusted', log);
		const untrusted = [...urls, ...words.map((n) => nameCite(f, n.token)), ...leads];
		for (const u of untrusted)
			log.trait(
				'untrusted-input',
				u.field,
				u.match,
				'untrusted-input',
				'it returns content written by third parties, which may carry injected instructions',
			);
		// The public web (a page, a site, a feed) is what anyone can read: reading it is Low, like any public
		// data. Messages, comments, issues and logs are written into someone's own space, so they raise.
		const written = [
			...words.filter((n) => !PUBLIC_WEB_WORDS.has(n.base)).map((n) => nameCite(f, n.token)),
			...leads.filter((h) => /\b(?:user|third)\b/i.test(h.match)),
		];
		// "Get file metadata", "metadata about a file … without reading the actual content": what it returns
		// describes the object, so whose the object is, or who wrote it, does not raise the read.
		const about = metadataOnly(f);
		if (written[0] && !about)
			state.raise(
				'untrusted-input',
				written[0],
				'Medium',
				'what it returns was written by third parties into private space, and may carry injected instructions',
			);
		const nouns = objectNouns(f, 'private');
		const personal = [...nouns, ...f.params.path.map(paramCite)];
		for (const p of personal)
			log.trait(
				'private-data',
				p.field,
				p.match,
				'private-data',
				'it reads data that belongs to a person or organisation',
			);
		// A path alone says where, not whose: project files and sandboxes read as Low, a named private object raises.
		if (about && (written[0] || nouns[0]))
			log.note(
				'private-data',
				f.tokens.some((t) => t.text === 'metadata') ? f.nameField : 'description',
				about,
				'it returns metadata about the object, not its content, so whose the content is does not raise it',
			);
		else if (nouns[0]) state.raise('private-data', nouns[0], 'Medium', 'it reads private data');
		const sensitive = f.sensitive;
		if (sensitive) {
			log.trait(
				'sensitive-data',
				sensitive.field,
				sensitive.match,
				'private-data',
				'it reads data that belongs to a person or organisation',
			);
			state.raise(
				'sensitive-data',
				sensitive,
				'High',
				'it reads health, security or accounting records, whose leak does lasting harm',
			);
		}
		// A read-only query the caller writes reaches every table or record the connection can see; one it
		// only converts ("Converts a SQL query to a REST request") reaches nothing.
		const query = f.converter ? undefined : f.params.code[0];
		if (query)
			state.raise(
				'read-only-mode',
				paramCite(query),
				'High',
				'a query the caller writes can read anything the connection can see',
			);
	}
	const head = f.head?.classes.has('secret') && outcome.category !== 'Financial' ? [nameCite(f, f.head.token)] : [];
	// "Returns the API key": a credential that is what the tool handles, not one it merely authenticates with.
	const dv = f.descVerb;
	const handled =
		dv && !dv.negated
			? f.phrases('secret').filter((h) => !h.negated && h.index > dv.index && h.index <= dv.objectEnd)
			: [];
	const secrets = [...head, ...handled.map((h) => ({ field: 'description', match: h.match }))];
	for (const s of secrets) log.trait('secrets', s.field, s.match, 'secrets', 'it handles credentials, tokens or keys');
	// Checking a credential answers whether it works; the credential itself is not returned.
	const checks = f.verb ? CHECK_VERBS.has(f.verb.info.base) : dv !== undefined && CHECK_VERBS.has(dv.info.base);
	if (isRead && secrets[0] && checks)
		log.note('secrets', secrets[0].field, secrets[0].match, 'it checks a credential rather than returning it');
	else if (isRead && secrets[0] && metadataOnly(f))
		state.raise('secrets', secrets[0], 'Medium', "it returns a credential's metadata, not the credential itself");
	else if (isRead && secrets[0])
		state.raise('secrets', secrets[0], 'High', 'what it returns is a credential that opens other systems');
}

/** Traits that describe the tool without moving its level: paths, compute spend, money, destruction. */
function descriptiveTraits({ outcome, facts: f, log }: RuleContext): void {
	const category = outcome.category;
	const by = outcome.decidedBy;
	for (const p of f.params.path) log.trait('path-param', p.path, p.name, 'path-param', 'it takes a filesystem path');
	if (category !== 'Read') {
		const cost = [
			...(f.verb?.info.cost ? [nameCite(f, f.verb.token)] : []),
			...(f.verb && (category === 'Write' || category === 'Execute') ? objectNouns(f, 'compute') : []),
		];
		for (const c of cost) log.trait('cost', c.field, c.match, 'cost', 'it can start paid compute');
		// Each record says what it saw: only a Financial tool moves money. That record is filed under the
		// deciding rule, like destroys below, so the category sentence already explains it.
		if (category === 'Financial') log.trait(by.rule, by.field, by.match, 'money', 'it moves money');
		// In a browser or device tool an `amount` is how far to scroll or zoom, not money.
		const money = f.ui ? f.moneyNotAmount : f.params.money;
		for (const m of money.map(paramCite))
			log.trait('money', m.field, m.match, 'money', 'it takes an amount, price, currency or payment account');
		for (const m of objectNouns(f, 'billing'))
			log.trait('money', m.field, m.match, 'money', 'it acts on billing or pricing');
	}
	// A tool that only interrupts something (stop, restart, kill a process) destroys nothing: it is still
	// linked to excessive agency through its Destructive category, whose reason says "remove or disrupt".
	if (category === 'Destructive' && !outcome.availability)
		log.trait(by.rule, by.field, by.match, 'destroys', 'it removes or irreversibly changes something');
	// The MCP sense of destructive without a deletion: the same reading `textHints` gives the hint, on a
	// Write or on code the caller chooses. Operating a page or a device changes no stored data of note.
	const inPlace = category === 'Write' || (category === 'Execute' && outcome.code !== undefined);
	if (inPlace && textHints({ category, outcome, overwrites: log.fired('overwrite') }).destructive)
		log.trait(by.rule, by.field, by.match, 'overwrites', 'it changes or replaces what exists rather than only adding');
}

/**
 * A declared destructiveHint raises a Write tool to High and a Read tool to Medium, except a single
 * interface step (rule interface-action), which browser servers mark destructive wholesale; a read-only claim
 * that decided the category alone (the text had no verb) keeps the unknown-verb fallback's Medium.
 * No annotation ever lowers anything.
 */
function annotationRules({ outcome, facts, state, log }: RuleContext): void {
	const a = facts.annotations;
	// Browser servers declare every page step destructive; one hover or keystroke keeps its interface level.
	const step = log.fired('interface-action') || (facts.ui && interfaceStep(facts) !== undefined);
	const destructiveClaim = a.destructiveHint.declared && a.destructiveHint.value && !a.readOnlyHint.value && !step;
	const claim = { field: 'annotations.destructiveHint', match: 'true' };
	if (outcome.category === 'Write' && destructiveClaim)
		state.raise('annotation-destructive', claim, 'High', 'the server itself declares that it may overwrite or delete');
	if (outcome.category === 'Read' && destructiveClaim)
		state.raise(
			'annotation-destructive',
			claim,
			'Medium',
			'the server itself declares that it may overwrite or delete, which its text does not show',
		);
	if (outcome.fallback && outcome.category === 'Read') {
		state.raise(
			'annotation-read-only',
			{ field: 'annotations.readOnlyHint', match: 'true' },
			'Medium',
			'only the unverified claim says it reads, so it keeps the level of a tool whose text shows nothing',
		);
	}
}

/**
 * Records traits and moves the level from the category's base, in the order the methodology page
 * lists the rules: object weight, irreversibility and bulk for Destructive; code and session rules
 * for Execute; egress and access changes for Write; URL, third-party content, private data and
 * secrets for Read; descriptive traits; then annotations.
 */
export function decideLevel(outcome: CategoryOutcome, facts: Facts, log: EvidenceLog): Level {
	const category = outcome.category;
	const state = new LevelState(BASE[category], log);
	log.level('base-level', 'category', category, state.level, 'set', 'this is where its category starts');
	const ctx: RuleContext = { outcome, facts, state, log };
	for (const group of [destructiveRules, executeRules, writeRules, readRules, descriptiveTraits, annotationRules])
		group(ctx);
	return state.level;
}
