/**
 * Category decision: every rule that reads the name, the lead sentence or the schema proposes a
 * category; the most severe proposal wins (Financial > Destructive > Execute > Write > Read), and how
 * well the sources agree sets the confidence. Rules read only the facts record (`facts.ts`) and the
 * lexicon; whatever else they need is a reading to add to the facts stage.
 */
import { CATEGORIES, type Category } from '../catalogue/schema.ts';
import type { PhraseHit, PhraseKind } from './description.ts';
import type { EvidenceLog } from './evidence.ts';
import type { Facts } from './facts.ts';
import { COVERED_LANGUAGES } from './language.ts';
import {
	APPLY_OBJECTS,
	CANCEL_COMMITMENTS,
	DISSOCIATE_VERBS,
	ENDING_VERBS,
	MINTED_VALUE,
	MULTIPLEX_VERBS,
	type NounClass,
	OBJECT_CONTEXTS,
	OPEN_LAUNCH_OBJECTS,
	OPEN_WRITE_OBJECTS,
	PROCESS_NOUNS,
	STORAGE_NOUNS,
	SWITCH_VERBS,
	TEST_RUN_OBJECTS,
	TRANSFER_ACCESS_OBJECTS,
	type VerbInfo,
} from './lexicon.ts';
import { lookupNoun, lookupVerb } from './lookup.ts';
import type { RuleId } from './rules.ts';
import { withArticle } from './text.ts';
import type { Confidence } from './types.ts';

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
	/** Destructive only by interrupting something running (stop, restart, kill a process). */
	readonly availability?: boolean;
	/** A name verb that may be a noun (an ambiguous word away from the first position or alone, `browser_network_request`, `git_log`) or an interpreter name; a disagreeing opening verb of the description decides. */
	readonly weak?: boolean;
	/** The verb hands something over in this context (`transfer_repository`). */
	readonly access?: boolean;
	/** Rule own-connection fired: the name says the tool only manages its own connection. */
	readonly own?: boolean;
	/** The verb, read in context, only adds or starts something new (see `VerbInfo.additive`). */
	readonly additive?: boolean;
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
	/** A Write or Execute tool whose every deciding verb only adds or starts something new, see `VerbInfo.additive`. */
	readonly additive: boolean;
	/**
	 * It only interrupts something running (stop, restart, kill a process; close live connections):
	 * nothing stored is changed. Switches such as disable are not interruptions: they change a setting.
	 */
	readonly interruption: boolean;
	/** A verb that hands something over in context (`transfer_repository`), for the access-change rule. */
	readonly access: Citation | undefined;
}

const RANK: Readonly<Record<Category, number>> = Object.fromEntries(CATEGORIES.map((c, i) => [c, i])) as Record<
	Category,
	number
>;

/** Nouns that make a money word a setting: a payment method, a payout schedule, a billing provider. */
const PAYMENT_SETTINGS: ReadonlySet<string> = new Set([
	'method',
	'methods',
	'setting',
	'settings',
	'provider',
	'providers',
	'option',
	'options',
	'preference',
	'preferences',
	'gateway',
	'schedule',
]);

const SESSION_VERBS = new Set(['drop', 'disconnect', 'terminate', 'kill', 'close', 'kick', 'end']);

/** Verbs that open or close a connection; see rule own-connection. */
const OWN_CONNECTION_VERBS = new Set(['connect', 'disconnect', 'reconnect']);
/** Objects that name the server's own endpoint rather than someone else's live connection (a client, a user). */
const OWN_ENDPOINT_NOUNS = new Set([
	'connection',
	'session',
	'server',
	'instance',
	'database',
	'db',
	'cluster',
	'host',
]);
const OWN_CONNECTION_WHY =
	"it only opens or closes this server's own connection to a service, which changes nothing in that service";

/** What each category's verb says about the tool; completes "… is a Write tool because …". */
const VERB_MEANING: Readonly<Record<Category, string>> = {
	Read: 'it only reads or looks things up',
	Write: 'it creates or changes something',
	Execute: 'it runs or triggers an operation',
	Destructive: 'it removes or irreversibly changes something',
	Financial: 'it moves money',
};
const AVAILABILITY_MEANING = 'it stops or interrupts something that is running';
const SESSION_WHY = 'it ends live sessions or connections, an operation with immediate effect that destroys nothing';

function meaning(category: Category, availability: boolean | undefined): string {
	return category === 'Destructive' && availability ? AVAILABILITY_MEANING : VERB_MEANING[category];
}

/** What a verb acts on and where, for the verbs whose meaning depends on it. */
interface VerbSetting {
	/** Lowercased words of the object (name tokens or the description's words after the verb). */
	readonly words: readonly string[];
	/** The tool drives a browser or UI (`browser_drop`), or its lead says it works "in the browser". */
	readonly ui: boolean;
	readonly moneyParam: boolean;
	/** A `force` parameter, or "force push" in the lead. */
	readonly force: boolean;
}

/** A verb's reading in context. */
interface VerbReading {
	readonly category: Category;
	readonly availability: boolean;
	/** In this context the verb only adds or starts something new (see `VerbInfo.additive`). */
	readonly additive: boolean;
	/** It hands something to someone else (`transfer_repository`): an access change. */
	readonly access?: boolean;
}

function wordsHaveClass(words: readonly string[], cls: NounClass): boolean {
	return words.some((w) => lookupNoun(w)?.classes.has(cls));
}

function wordsIn(words: readonly string[], set: ReadonlySet<string>): boolean {
	return words.some((w) => set.has(w) || set.has(lookupNoun(w)?.base ?? w));
}

/**
 * A verb's category in context (research C-AMB rules): start/stop act on availability only for things
 * that run (`start_job` is Execute, `start_recording` a Write, `start_search` a Read); transfer is
 * Financial for money and an access change for ownership; drop, upload, submit and the like are page
 * interactions in a browser; apply is an operation for manifests, migrations and configuration, a
 * plain write for edits; open files an issue, launches a URL, or else reads; resolve closes a case or
 * else looks something up; cancel loses a commitment (an order, a booking), interrupts something
 * running, or else withdraws a request; reset of a credential is an access change; a forced push
 * rewrites history; trigger publishes an event or runs a job; run produces a report or executes;
 * select operates a page control (an option, a checkbox) or else picks what to work with; format
 * and sort change a spreadsheet range or a file but only transform text or results otherwise; test
 * runs a test suite or an app but only checks a connection otherwise; generate creates a resource (a
 * subdomain, a key, an upload URL) but otherwise returns text; block shuts out a user or an address,
 * while "blocks until done" only waits; mint moves money for tokens, coins and NFTs and otherwise
 * creates something (a preview link).
 * Ending a process is an interruption, not a deletion.
 */
function resolveVerb(info: VerbInfo, s: VerbSetting): VerbReading {
	if (!info.context)
		return {
			category: info.category,
			availability: info.availability || (ENDING_VERBS.has(info.base) && wordsIn(s.words, PROCESS_NOUNS)),
			additive: info.additive,
		};
	// The verb's own additive reading holds only in its own category (`upload` in a browser is a page interaction).
	const plain = (category: Category, additive = category === info.category && info.additive) => ({
		category,
		availability: info.availability,
		additive,
	});
	const runs = wordsHaveClass(s.words, 'runtime');
	switch (info.context) {
		case 'start':
			// Starting brings something into running (a job, a VM) or into being (a recording): nothing that exists changes.
			if (runs) return plain('Execute', true);
			return s.words.some((w) => lookupVerb(w)?.category === 'Read') ? plain('Read') : plain('Write', true);
		case 'stop':
			return runs ? { category: 'Destructive', availability: true, additive: false } : plain('Write');
		case 'transfer':
			if (wordsHaveClass(s.words, 'money') || s.moneyParam) return plain('Financial');
			return { ...plain('Write'), ...(wordsIn(s.words, TRANSFER_ACCESS_OBJECTS) ? { access: true } : {}) };
		case 'drop':
			return plain(s.ui ? 'Execute' : 'Destructive');
		case 'ui':
			return plain(s.ui ? 'Execute' : info.category);
		case 'apply':
			return plain(s.words.length === 0 || wordsIn(s.words, APPLY_OBJECTS) ? 'Execute' : 'Write');
		case 'open':
			// Opening an issue or a ticket files a new one.
			if (wordsIn(s.words, OPEN_WRITE_OBJECTS)) return plain('Write', true);
			// Opening a URL, a window or an app launches something new, like `launch`: nothing that exists changes.
			return s.ui || wordsIn(s.words, OPEN_LAUNCH_OBJECTS) ? plain('Execute', true) : plain('Read');
		case 'cancel':
			if (wordsIn(s.words, CANCEL_COMMITMENTS))
				return { category: 'Destructive', availability: false, additive: false };
			return wordsIn(s.words, PROCESS_NOUNS) || runs
				? { category: 'Destructive', availability: true, additive: false }
				: plain('Write');
		case 'reset':
			return plain(wordsHaveClass(s.words, 'access') || wordsHaveClass(s.words, 'secret') ? 'Write' : 'Destructive');
		case 'mint':
			return wordsIn(s.words, MINTED_VALUE) || s.moneyParam ? plain('Financial') : plain('Write', true);
		case 'push':
			return plain(s.force ? 'Destructive' : 'Write');
		case 'build':
			// Building a map or a report assembles a result and returns it; building an app runs a build, which only adds.
			return plain(wordsIn(s.words, OBJECT_CONTEXTS.build?.objects ?? new Set()) ? 'Read' : 'Execute');
		case 'run':
			if (wordsIn(s.words, OBJECT_CONTEXTS.run?.objects ?? new Set())) return plain('Read');
			// Running tests adds a test run and its results; running a pipeline does whatever the pipeline does.
			return plain('Execute', wordsIn(s.words, TEST_RUN_OBJECTS));
		default: {
			const rule = OBJECT_CONTEXTS[info.context];
			const category = rule ? (wordsIn(s.words, rule.objects) ? rule.match : rule.otherwise) : info.category;
			return plain(category, category !== 'Read' && ADDITIVE_CONTEXTS.has(info.context) && category === rule?.match);
		}
	}
}

/**
 * Context verbs whose object-decided reading only adds: triggering an event publishes a new one,
 * generating a subdomain or an upload URL creates it, testing an app runs its tests.
 */
const ADDITIVE_CONTEXTS: ReadonlySet<string> = new Set(['trigger', 'generate', 'test']);

function verbSetting(f: Facts, words: readonly string[]): VerbSetting {
	return {
		words,
		ui: f.ui,
		moneyParam: f.params.money.length > 0,
		force: f.force,
	};
}

function nameSignals(f: Facts): Signal[] {
	const v = f.verb;
	if (!v) {
		const interpreter = f.nameNouns.find((n) => n.classes.has('interpreter'))?.token;
		if (!interpreter) return [];
		return [
			{
				source: 'name',
				category: 'Execute',
				rule: 'name-verb',
				field: f.nameField,
				match: f.quote(interpreter),
				why: 'its name is a shell or interpreter, so it runs code',
				position: 'first',
				weak: true,
			},
		];
	}
	// `connect`, `disconnect_database`: the server's own connection; `disconnect_client` is someone else's.
	const ownObject = f.objectNouns.every((n) => OWN_ENDPOINT_NOUNS.has(n.base));
	if (OWN_CONNECTION_VERBS.has(v.info.base) && ownObject) {
		return [
			{
				source: 'name',
				category: 'Read',
				rule: 'own-connection',
				field: f.nameField,
				match: f.quote(v.token),
				why: OWN_CONNECTION_WHY,
				position: v.position,
				own: true,
			},
		];
	}
	const session = SESSION_VERBS.has(v.info.base) ? f.objectHead('session') : undefined;
	if (session) {
		return [
			{
				source: 'name',
				category: 'Execute',
				rule: 'session-termination',
				field: f.nameField,
				match: f.quote(v.token, session.token),
				why: SESSION_WHY,
				position: v.position,
				session: true,
			},
		];
	}
	// `force_terminate` names no object; "Force terminate a running terminal session" does.
	const leadSession =
		SESSION_VERBS.has(v.info.base) && f.objectNouns.length === 0
			? f.phrases('session').find((h) => !h.negated)
			: undefined;
	if (leadSession) {
		return [
			{
				source: 'name',
				category: 'Execute',
				rule: 'session-termination',
				field: f.nameField,
				match: f.quote(v.token),
				why: SESSION_WHY,
				position: v.position,
				session: true,
			},
		];
	}
	// "Send" moves money when the caller says how much: an amount, not a currency or a price alone
	// (`send_conversion(conversion_value, currency)` reports an ad conversion).
	const amountParam = f.amount;
	// Every other word of the name: in `traffic_apply_changes` the object phrase is "traffic", but "changes" decides.
	const words = f.tokens.filter((t) => t !== v.token).map((t) => t.text);
	const { category, availability, access, additive } = resolveVerb(v.info, verbSetting(f, words));
	// Writing a payment, or carrying one out (`execute_payment`), moves money.
	if (category === 'Write' || category === 'Execute') {
		const money = f.objectHead('money');
		// `set_default_payment_method`, `enable_payment_provider`: the money word qualifies a setting, which
		// configures how future payments are made and moves nothing itself.
		const configures =
			money !== undefined && f.object.some((t) => t.start > money.token.start && PAYMENT_SETTINGS.has(t.text));
		if (money && !configures) {
			return [
				{
					source: 'name',
					category: 'Financial',
					rule: 'money',
					field: f.nameField,
					match: f.quote(v.token, money.token),
					why: VERB_MEANING.Financial,
					position: v.position,
				},
			];
		}
		if (amountParam && v.info.base === 'send') {
			return [
				{
					source: 'name',
					category: 'Financial',
					rule: 'money',
					field: amountParam.path,
					match: amountParam.name,
					why: 'it sends an amount of money',
					position: v.position,
				},
			];
		}
	}
	// The same wording as the description rule's, so the rationale can say the two sources agree.
	const why = meaning(category, availability);
	// `git_log` on the git server is the word "log" alone, `prometheus_label_values` and `dm_conversations`
	// name a label's values and direct messages: the word is as likely the noun, so the verb the
	// description opens with decides. A context verb (`format_range`, `test_sim`, `run_prompt`) is read
	// with the name's own object, which says more than the description's wording.
	// A money verb first in a name with no other verb (`purchase_domain`, `stake_eth`) is the act, whatever
	// the description opens with ("Registers a new domain for one year"): `findNameVerb` already prefers
	// any other verb, so `purchase_order_list` lists.
	const moneyAct = v.info.category === 'Financial' && v.position === 'first';
	const weak =
		v.info.ambiguous && !moneyAct && (v.position !== 'first' || f.tokens.length === 1 || v.info.context === undefined);
	// A verb read in context cites its object too: `cancel_order`, `transfer_repository`.
	const rule: RuleId = v.info.context ? 'verb-context' : 'name-verb';
	const match = v.info.context && f.head ? f.quote(v.token, f.head.token) : f.quote(v.token);
	return [
		{
			source: 'name',
			category,
			rule,
			field: f.nameField,
			match,
			why,
			verb: v.info,
			position: v.position,
			availability,
			weak,
			additive,
			...(access ? { access } : {}),
		},
	];
}

/**
 * A second verb joined to the name's verb by and/or/then: each does what it says, so the more severe
 * one can decide (`get_or_create_user` may create). Exact verb forms only, as for later name words.
 */
function coordinatedSignal(f: Facts): Signal | undefined {
	if (!f.coordinatedVerb) return undefined;
	const { token, info } = f.coordinatedVerb;
	const words = f.tokens.filter((t) => t !== token).map((t) => t.text);
	const { category, availability, additive } = resolveVerb(info, verbSetting(f, words));
	return {
		source: 'name',
		category,
		rule: info.context ? 'verb-context' : 'name-verb',
		field: f.nameField,
		match: f.quote(token),
		why: meaning(category, availability),
		verb: info,
		position: 'any',
		availability,
		additive,
	};
}

/** Negated hits become notes; the rest are returned. */
function livePhrases(f: Facts, kind: PhraseKind, notes: PhraseHit[]): PhraseHit[] {
	const hits = f.phrases(kind);
	for (const h of hits) if (h.negated && !notes.some((n) => n.index === h.index)) notes.push(h);
	return hits.filter((h) => !h.negated);
}

const PHRASE_SIGNALS: readonly { kind: PhraseKind; category: Category; rule: RuleId; why: string; code?: boolean }[] = [
	{
		kind: 'destructive',
		category: 'Destructive',
		rule: 'description-verb',
		why: 'its description says it removes or overwrites something',
	},
	{
		kind: 'exec',
		category: 'Execute',
		rule: 'description-verb',
		why: 'its description says it runs code, commands or queries',
	},
	{
		kind: 'arbitrary',
		category: 'Execute',
		rule: 'code-param',
		why: 'its description says it runs arbitrary code or commands',
		code: true,
	},
	{
		kind: 'console',
		category: 'Execute',
		rule: 'code-param',
		why: 'its description says it sends input to a terminal, shell or REPL, which runs it',
		code: true,
	},
	{ kind: 'financial', category: 'Financial', rule: 'money', why: 'its description says it moves money' },
];

function descriptionSignals(f: Facts, negated: PhraseHit[]): Signal[] {
	if (!f.lead) return [];
	const out: Signal[] = [];
	const sessions = livePhrases(f, 'session', negated);
	const session = sessions[0];
	if (session)
		out.push({
			source: 'description',
			category: 'Execute',
			rule: 'session-termination',
			field: 'description',
			match: session.match,
			why: SESSION_WHY,
			session: true,
		});
	const dv = f.descVerb;
	let readsMoney = false;
	if (dv?.negated) negated.push({ match: dv.word, index: dv.index, negated: true, quoted: dv.word });
	if (dv?.denied)
		negated.push({ match: dv.denied.word, index: dv.denied.index, negated: true, quoted: dv.denied.word });
	if (dv && !dv.negated && !(session && SESSION_VERBS.has(dv.info.base))) {
		const reading = resolveVerb(dv.info, verbSetting(f, dv.objectWords));
		const { availability, additive } = reading;
		// "Execute a pending transfer or payment": carrying out a money movement moves the money.
		const paysOut = reading.category === 'Execute' && wordsHaveClass(dv.objectWords, 'money');
		const category: Category = paysOut ? 'Financial' : reading.category;
		readsMoney = category === 'Read';
		const why = meaning(category, availability);
		const rule: RuleId = paysOut
			? 'money'
			: dv.language
				? 'foreign-verb'
				: dv.info.context
					? 'verb-context'
					: 'description-verb';
		out.push({
			source: 'description',
			category,
			rule,
			field: 'description',
			match: paysOut ? f.lead.slice(dv.index, dv.objectEnd) : dv.word,
			why: dv.language ? `its description, in ${dv.language}, says "${dv.info.base}": ${why}` : why,
			verb: dv.info,
			availability,
			additive,
		});
		const co = dv.coordinated;
		if (co) {
			const second = resolveVerb(co.info, verbSetting(f, co.objectWords));
			out.push({
				source: 'description',
				category: second.category,
				rule: co.info.context ? 'verb-context' : 'description-verb',
				field: 'description',
				match: co.word,
				why: meaning(second.category, second.availability),
				verb: co.info,
				availability: second.availability,
				additive: second.additive,
			});
		}
	}
	// A phrase that is the opening verb, or part of a session phrase, has been counted already.
	const counted = (h: PhraseHit) =>
		(dv !== undefined && h.index === dv.index) ||
		sessions.some((s) => h.index >= s.index && h.index < s.index + s.match.length);
	// After a reading opening verb, money words name what is read: "Get credit history (top-ups,
	// charges, etc.)". One joined to it by and/or/then is a second act: "Get a quote and purchase it".
	const named = (h: PhraseHit) =>
		readsMoney && dv !== undefined && h.index > dv.index && !f.joinedToOpeningVerb(h.index);
	for (const p of PHRASE_SIGNALS) {
		// A code phrase says more than its opening verb ("Send input to a terminal" runs what it sends).
		const hit = livePhrases(f, p.kind, negated).find(
			(h) => p.code === true || (!counted(h) && !(p.kind === 'financial' && named(h))),
		);
		// One description signal per category is enough: "Refund a charge" is one money signal, not two.
		if (hit && !out.some((s) => s.category === p.category && !s.code && !p.code))
			out.push({
				source: 'description',
				category: p.category,
				rule: p.rule,
				field: 'description',
				match: hit.match,
				why: p.why,
				phrase: true,
				...(p.code ? { code: true } : {}),
			});
	}
	return out;
}

function schemaSignals(f: Facts): Signal[] {
	const out: Signal[] = [];
	const output = f.params.output[0];
	if (output)
		out.push({
			source: 'schema',
			category: 'Write',
			rule: 'output-path',
			field: output.path,
			match: output.name,
			why: 'it writes its result to a file at a path the caller chooses',
		});
	const code = f.params.code[0];
	if (code)
		out.push({
			source: 'schema',
			category: 'Execute',
			rule: 'code-param',
			field: code.path,
			match: code.name,
			why: 'the caller supplies the code, commands or queries it runs',
			code: true,
		});
	// An `action` enum multiplexes only on a generic tool (`manage_labels`, `servers_bulk_actions`); on
	// `add_health_check` it is a field of the check being added ("what to do on failure: restart").
	const generic = !f.verb || MULTIPLEX_VERBS.has(f.verb.info.base);
	for (const e of f.params.actionEnums) {
		if (e.http) {
			out.push({
				source: 'schema',
				category: 'Execute',
				rule: 'action-enum',
				field: `${e.param.path}.enum`,
				match: e.param.enumValues.join('|'),
				why: 'one parameter selects the HTTP method, so it can call endpoints with any method',
			});
			continue;
		}
		if (e.verbs.length === 0 || !(generic || f.picksOperation.has(e))) continue;
		// Each operation acts on what the name names (`browser_tabs(action: select)` picks a tab), so
		// context verbs are read against the name's words.
		const setting = verbSetting(
			f,
			f.tokens.map((t) => t.text),
		);
		const readings = e.verbs.map((x) => ({ value: x.value, info: x.info, ...resolveVerb(x.info, setting) }));
		// The most severe allowed operation; among destructive ones a real deletion outranks a restart,
		// and among writes one that can lose something (close) outranks one that only adds (new).
		const weight = (x: { category: Category; availability: boolean; additive: boolean }) =>
			RANK[x.category] * 4 + (x.availability ? 0 : 2) + (x.additive ? 0 : 1);
		// Ties go to the first value in code-point order, so reordering an enum never changes the record.
		const strongest = readings.reduce((best, x) =>
			weight(x) > weight(best) || (weight(x) === weight(best) && x.value < best.value) ? x : best,
		);
		out.push({
			source: 'schema',
			category: strongest.category,
			rule: 'action-enum',
			field: `${e.param.path}.enum`,
			match: strongest.value,
			why: 'one parameter selects among several operations, and the most severe one decides',
			verb: strongest.info,
			availability: strongest.availability,
			additive: strongest.additive,
		});
	}
	return out;
}

const DISSOCIATION_WHY = 'it takes something out of a list or group, which leaves the thing itself in place';
const DISSOCIATING_PHRASE = /^(?:remov|unlink|detach|disassociat|unassign)/i;
const FROM = /\bfrom\b/i;

function isStorage(word: string): boolean {
	const lower = word.toLowerCase();
	return STORAGE_NOUNS.has(lookupNoun(lower)?.base ?? lower) || STORAGE_NOUNS.has(lower);
}

/**
 * Stores of data that a removal takes away with everything in them, wherever they are removed from: a server
 * or a folder taken out of a list may live on, a database does not.
 */
const DATA_STORES: ReadonlySet<string> = new Set([
	'database',
	'db',
	'bucket',
	'repository',
	'repo',
	'table',
	'collection',
	'volume',
	'disk',
]);

function isDataStore(word: string): boolean {
	const lower = word.toLowerCase();
	return DATA_STORES.has(lookupNoun(lower)?.base ?? lower);
}

/**
 * "Remove members from a team", `remove_label_from_issue`: a removal from a list or group that is not
 * a data store. Removing a file from a repository is still a deletion.
 */
function findDissociation(f: Facts): Citation | undefined {
	const v = f.verb;
	// unassign, unlink, unlock never mean deleting: they undo something, so "Remove the current user"
	// or "by removing content restrictions" in the lead is the same act.
	const undoes =
		v &&
		v.info.base !== 'remove' &&
		(DISSOCIATE_VERBS.has(v.info.base) || (v.info.category === 'Write' && v.info.base.startsWith('un')));
	if (v && undoes) return { field: f.nameField, match: f.quote(v.token) };
	if (v && DISSOCIATE_VERBS.has(v.info.base)) {
		const container = f.fromToken;
		// `remove_database_from_project` takes a data store away: it is deleted, not unlisted.
		const removed = f.tokens.filter((t) => t.start > v.token.start && container && t.start < container.start);
		if (container && !isStorage(container.text) && !removed.some((t) => isDataStore(t.text)))
			return { field: f.nameField, match: f.quote(v.token, container) };
	}
	for (const hit of f.dissociations) {
		if (hit.negated) continue;
		const removed = hit.match.split(FROM)[0]?.split(/\s+/) ?? [];
		if (!hit.container.some(isStorage) && !removed.some(isDataStore)) return { field: 'description', match: hit.match };
	}
	return undefined;
}

/** Destructive signals that only dissociate become Write signals of rule `dissociation`. */
function applyDissociation(signals: Signal[], at: Citation | undefined): Signal[] {
	if (!at) return signals;
	return signals.map((s) => {
		const dissociates =
			s.category === 'Destructive' &&
			((s.verb !== undefined && DISSOCIATE_VERBS.has(s.verb.base)) ||
				(s.phrase === true && DISSOCIATING_PHRASE.test(s.match)));
		if (!dissociates) return s;
		const match =
			s.source === 'description' && at.field === 'description'
				? at.match
				: s.source === 'name' && at.field !== 'description'
					? at.match
					: s.match;
		return { ...s, category: 'Write' as const, rule: 'dissociation' as const, match, why: DISSOCIATION_WHY };
	});
}

/**
 * "Execute a read-only SQL query", "Transform a bash script without executing it": what runs only
 * reads, so every proposal to run something becomes a read. Changes and deletions it also names
 * still count, and outrank it.
 */
function readOnlyMode(f: Facts, signals: Signal[]): Signal[] {
	const said = f.readOnlyMode;
	// "Converts a SQL query to a REST request": the code parameter is the text converted, never run.
	const converter = f.converter;
	if (
		!said &&
		converter &&
		signals.some((s) => s.code) &&
		signals.every((s) => s.category !== 'Execute' || (s.code && s.source === 'schema'))
	) {
		const read: Signal = {
			source: 'description',
			category: 'Read',
			rule: 'read-only-mode',
			field: 'description',
			match: converter,
			why: 'it converts the code it is given into another form and returns it, without running it',
		};
		return [read, ...signals.filter((s) => s.category !== 'Execute')];
	}
	if (!said || !signals.some((s) => s.category === 'Execute')) return signals;
	const read: Signal = {
		source: 'description',
		category: 'Read',
		rule: 'read-only-mode',
		field: 'description',
		match: said,
		why: 'its description says what it runs only reads',
	};
	return [read, ...signals.filter((s) => s.category !== 'Execute')];
}

function cite(s: Signal | undefined): Citation | undefined {
	return s ? { field: s.field, match: s.match } : undefined;
}

/**
 * No rule matched: a declared read-only claim decides; else a tool whose only effect is returning a
 * computed value is Read (rule computed-value); else the spec's pessimistic default.
 */
function fallbackOutcome(f: Facts, readOnlyClaim: boolean, log: EvidenceLog): CategoryOutcome {
	const computes = readOnlyClaim ? undefined : f.computes;
	if (computes) {
		log.category(
			'computed-value',
			computes.field,
			computes.match,
			'Read',
			'no verb in its text is in the lexicons, but it only computes and returns a value, and nothing in it says it changes anything',
		);
		return {
			category: 'Read',
			confidence: 'low',
			fallback: false,
			session: undefined,
			code: undefined,
			availability: undefined,
			decidedBy: { rule: 'computed-value', field: computes.field, match: computes.match },
			additive: false,
			interruption: false,
			access: undefined,
		};
	}
	const decidedBy = readOnlyClaim
		? { rule: 'annotation-read-only' as const, field: 'annotations.readOnlyHint', match: 'true' }
		: { rule: 'unknown-verb' as const, field: 'name', match: f.name };
	const category: Category = readOnlyClaim ? 'Read' : 'Write';
	const why = readOnlyClaim
		? 'nothing in its text gives a category, and the server declares it read-only, an unverified claim'
		: "no verb in its name, description or schema is in the lexicons, so the MCP spec's pessimistic default applies: it may change things";
	log.category(decidedBy.rule, decidedBy.field, decidedBy.match, category, why);
	return {
		category,
		confidence: 'low',
		fallback: true,
		session: undefined,
		code: undefined,
		availability: undefined,
		decidedBy,
		additive: false,
		interruption: false,
		access: undefined,
	};
}

/**
 * High when the name's verb (first or last word, or a verb-object pair anywhere) and another source
 * agree; low when name and description disagree about whether the tool only reads; else medium.
 */
function rateConfidence(
	signals: readonly Signal[],
	category: Category,
	supports: ReadonlySet<string>,
	readGuardFired: boolean,
): Confidence {
	const name = signals.find((s) => s.source === 'name');
	const description = signals.filter((s) => s.source === 'description');
	const disagree =
		readGuardFired ||
		(name !== undefined &&
			description.length > 0 &&
			(name.category === 'Read') !== description.every((s) => s.category === 'Read'));
	if (disagree) return 'low';
	const strongName =
		name !== undefined && name.category === category && (name.position !== 'any' || name.session === true);
	return strongName && supports.size >= 2 ? 'high' : 'medium';
}

/**
 * Decides the category and writes its evidence: agreeing proposals as `category` records, outvoted,
 * ignored or negated ones as notes. A read verb in the name outweighs destructive or money phrases
 * later in the lead sentence (the disagreement lowers confidence instead).
 */
export function decideCategory(f: Facts, log: EvidenceLog): CategoryOutcome {
	const outcome = decideFromSignals(f, log);
	const unread = unreadLanguage(f);
	if (!unread) return outcome;
	log.note('unread-language', 'description', unread.match, unread.why);
	return { ...outcome, confidence: 'low' };
}

/** Longest quotation of the lead the unread-language note records. */
const UNREAD_QUOTE = 60;

/**
 * A lead mainly in another language in which no verb was read, on a tool whose name has no verb
 * either: whatever decided the label, the text that says what the tool does was not understood.
 */
function unreadLanguage(f: Facts): { match: string; why: string } | undefined {
	if (!f.language || f.descVerb || f.verb) return undefined;
	const covered = COVERED_LANGUAGES.includes(f.language);
	return {
		match: Array.from(f.lead).slice(0, UNREAD_QUOTE).join(''),
		why: `its description is in ${f.language}, ${covered ? 'and none of the verbs the classifier knows in that language is in it' : 'a language the classifier has no verbs for'}, and its name has no verb either, so this label rests on defaults and the input schema alone: confidence is low`,
	};
}

function decideFromSignals(f: Facts, log: EvidenceLog): CategoryOutcome {
	const annotations = f.annotations;
	const negated: PhraseHit[] = [];
	const coordinated = coordinatedSignal(f);
	const proposed = applyDissociation(
		[...nameSignals(f), ...(coordinated ? [coordinated] : []), ...descriptionSignals(f, negated), ...schemaSignals(f)],
		findDissociation(f),
	);
	// A noun-like verb late in the name yields when the verb the description opens with disagrees.
	const weakName = proposed.find(
		(s) =>
			s.weak &&
			proposed.some(
				(d) => d.source === 'description' && d.verb !== undefined && !d.phrase && d.category !== s.category,
			),
	);
	if (weakName)
		log.note(
			weakName.rule,
			weakName.field,
			weakName.match,
			'the word in its name is as often a noun as a verb, so the verb its description opens with decides',
		);
	// A verb read in another language comes without its object or clause structure ("根据创建来源查询…",
	// "by creation source, query…"), so it may confirm the name's verb but never outvote it.
	const nameSays = new Set(proposed.filter((s) => s.source === 'name').map((s) => s.category));
	const unconfirmed = proposed.filter(
		(s) => s.rule === 'foreign-verb' && nameSays.size > 0 && !nameSays.has(s.category),
	);
	for (const s of unconfirmed)
		log.note(
			s.rule,
			s.field,
			s.match,
			`it is read from a description in ${f.language ?? 'another language'} without its object, so the verb in its name decides`,
		);
	const all = readOnlyMode(
		f,
		proposed.filter((s) => s !== weakName && !unconfirmed.includes(s)),
	);
	const nameIsRead = all.some((s) => s.source === 'name' && s.category === 'Read');
	// A read verb in the name outweighs destructive or money phrases in the lead (a disagreement that
	// lowers confidence): "Lists items and can remove stale ones" is still a list.
	const own = all.some((s) => s.own);
	// Under own-connection, "Close a MongoDB connection" restates the name: only code or money phrases still count.
	const ignored = nameIsRead
		? all.filter(
				(s) =>
					s.source === 'description' &&
					(own ? !s.code && s.category !== 'Financial' : s.phrase && RANK[s.category] >= RANK.Destructive),
			)
		: [];
	const severe = ignored.filter((s) => RANK[s.category] >= RANK.Destructive);
	const signals = all.filter((s) => !ignored.includes(s));
	const readOnlyClaim = annotations.readOnlyHint.declared && annotations.readOnlyHint.value;
	if (signals.length === 0) {
		const outcome = fallbackOutcome(f, readOnlyClaim, log);
		logNotes(log, ignored, negated, own);
		return outcome;
	}

	const category = signals.reduce(
		(best, s) => (RANK[s.category] > RANK[best] ? s.category : best),
		(signals[0] as Signal).category,
	);
	const winners = signals.filter((s) => s.category === category);
	for (const s of winners) log.category(s.rule, s.field, s.match, category, s.why);
	for (const s of signals.filter((x) => x.category !== category)) {
		const source = s.source === 'schema' ? 'input schema' : s.source;
		log.note(
			s.rule,
			s.field,
			s.match,
			`its ${source} also points to ${withArticle(s.category)} tool, but ${category} takes precedence`,
		);
	}
	logNotes(log, ignored, negated, own);

	// A declared hint that agrees with the text adds a source; one that disagrees is handled later as a contradiction.
	const supports = new Set<string>(winners.map((s) => s.source));
	if (category === 'Read' && readOnlyClaim) {
		log.note(
			'annotation-read-only',
			'annotations.readOnlyHint',
			'true',
			'the server also declares it read-only, which agrees with its text',
		);
		supports.add('annotation');
	}
	if (category === 'Destructive' && annotations.destructiveHint.declared && annotations.destructiveHint.value) {
		log.note(
			'annotation-destructive',
			'annotations.destructiveHint',
			'true',
			'the server also declares it destructive, which agrees with its text',
		);
		supports.add('annotation');
	}

	const destructive = winners.filter((s) => s.category === 'Destructive');
	const availability =
		destructive.length > 0 && destructive.every((s) => s.availability) ? cite(destructive[0]) : undefined;
	const session = category === 'Execute' ? cite(winners.find((s) => s.session)) : undefined;
	const first = winners[0] as Signal;
	return {
		category,
		confidence: rateConfidence(signals, category, supports, severe.length > 0),
		fallback: false,
		session,
		code: cite(all.find((s) => s.code)),
		availability,
		decidedBy: { rule: first.rule, field: first.field, match: first.match },
		additive: (category === 'Write' || category === 'Execute') && winners.every((s) => s.additive === true),
		interruption:
			(availability !== undefined && !destructive.some((s) => s.verb !== undefined && SWITCH_VERBS.has(s.verb.base))) ||
			(session !== undefined && winners.every((s) => s.session)),
		access: cite(winners.find((s) => s.access)),
	};
}

function logNotes(log: EvidenceLog, ignored: readonly Signal[], negated: readonly PhraseHit[], own: boolean): void {
	for (const s of ignored) {
		const why = own
			? 'its description is about the same connection the name manages, so it adds nothing'
			: 'its description mentions something more severe, but the read verb in its name decides; the disagreement lowers confidence';
		log.note('description-verb', s.field, s.match, why);
	}
	for (const h of [...negated].sort((a, b) => a.index - b.index)) {
		log.note('negation-guard', 'description', h.quoted, 'a negated phrase in its description is not counted');
	}
}
