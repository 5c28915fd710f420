/**
 * Measures the rules against labels they were not tuned on: the behaviour hints server authors
 * declared. Each tool is classified with its annotations (and any curated override) withheld, and the
 * text's answer is compared with the author's:
 *
 * - read: a declared `readOnlyHint` against "the category is Read";
 * - destructive: a declared `destructiveHint` against the text's answer to the spec's question ("may
 *   it perform destructive updates, or only additive ones?", see `textHints`). A tool declaring both
 *   `readOnlyHint: true` and `destructiveHint: true` contradicts itself, and the spec says the second
 *   means nothing next to the first, so it is left out of the destructive measure; `readOnlyHint: true`
 *   with `destructiveHint: false` is a consistent declaration and counts.
 * - strict destructive: the same declared `destructiveHint` against "the category is Destructive",
 *   reported for reference: the category is narrower than the hint (overwrites and arbitrary actions
 *   are destructive updates in the spec's sense without being Destructive tools).
 *
 * Only declared hints count; defaults are not labels. A dump may add read labels from the server's own
 * read-only mode (the tools it registers when started read-only).
 */
import { CATEGORIES, type Category, type Tool } from '../catalogue/schema.ts';
import { classify, type Decision, RULESET_VERSION, type ServerRef } from '../classify/index.ts';
import { byCodePoint } from '../text/words.ts';

/** Agreement targets from the issue that introduced this measure. */
export const TARGETS = { read: 0.95, destructive: 0.9 } as const;

/** One tool to measure, with labels from outside its own annotations when there are any. */
export interface AgreementItem {
	readonly server: ServerRef;
	readonly tool: Tool;
	/** True when the server's read-only mode registers the tool, false when it does not. */
	readonly readOnlyMode?: boolean;
}

/** Counts of one yes/no comparison: declared (rows) against classified (columns). */
export interface Confusion {
	/** Declared yes, classified yes. */
	readonly bothYes: number;
	/** Declared yes, classified no. */
	readonly declaredOnly: number;
	/** Declared no, classified yes. */
	readonly classifiedOnly: number;
	readonly bothNo: number;
}

/** One measure: how many tools carried the label and how many the rules agreed on. */
export interface Measure {
	readonly measured: number;
	readonly agreed: number;
	/** agreed / measured, or undefined when nothing was measured. */
	readonly rate: number | undefined;
	readonly confusion: Confusion;
	/** The target, when the measure has one. */
	readonly target?: number;
	/** Undefined when nothing was measured or there is no target. */
	readonly met?: boolean;
}

export type MeasureName = 'read' | 'destructive' | 'strictDestructive';

/**
 * What a labelled tool declared, for the category table: read-only; not read-only and destructive;
 * not read-only and only additive; or not read-only with no destructive hint.
 */
export const DECLARED_ROWS = ['read-only', 'destructive', 'additive', 'not read-only'] as const;
export type DeclaredRow = (typeof DECLARED_ROWS)[number];

/** A tool on which the rules and the declared label disagree. */
export interface Disagreement {
	readonly measure: MeasureName;
	readonly server: string;
	readonly tool: string;
	/** Where the label came from: `readOnlyHint`, `destructiveHint` or `read-only mode`. */
	readonly source: string;
	readonly declared: boolean;
	readonly category: Category;
	readonly level: string;
	/** The first record that set the category: `rule "match"`. */
	readonly decidedBy: string;
}

/** Everything `npm run evaluate` prints. */
export interface AgreementReport {
	readonly rulesetVersion: string;
	/** Tools read, and tools carrying at least one label. */
	readonly tools: number;
	readonly labelled: number;
	/** Tools left out of the destructive measure because they declare both hints true. */
	readonly contradictory: number;
	readonly read: Measure;
	readonly destructive: Measure;
	readonly strictDestructive: Measure;
	/** Labelled tools by what was declared (one row each, see `DeclaredRow`) and by category. */
	readonly byCategory: Readonly<Record<DeclaredRow, Readonly<Record<Category, number>>>>;
	readonly disagreements: readonly Disagreement[];
	/**
	 * The destructive measures per server, in first-seen order: servers follow different conventions
	 * (some mark every non-read tool destructive, some only deletions), which this makes visible.
	 */
	readonly destructiveByServer: readonly { server: string; measured: number; agreed: number; strictAgreed: number }[];
	/** How the declared destructiveHint divides by deciding verb, see `VerbConventions`. */
	readonly destructiveByVerb: VerbConventions;
}

/** An agreement count and its rate (undefined when nothing was measured). */
export interface Rate {
	readonly measured: number;
	readonly agreed: number;
	readonly rate: number | undefined;
}

/** One deciding verb (the first category record's rule and match) and how its tools declared destructiveHint. */
export interface VerbConvention {
	/** `rule match`, the match lowercased: `name-verb update`. */
	readonly verb: string;
	/** Tools declaring destructiveHint true and false. */
	readonly declaredTrue: number;
	readonly declaredFalse: number;
	/** Servers with at least one tool declaring it true, and false. */
	readonly serversTrue: number;
	readonly serversFalse: number;
	/** The text's answer for this verb's tools agreed with the author this many times. */
	readonly agreed: number;
}

/**
 * The destructive measure grouped by the verb that decided each tool's category. It bounds what any
 * reading keyed on that verb can reach: giving each verb the answer most of its tools declare (fitted
 * to these very labels, so an upper bound, never a result) agrees `ceiling.agreed` times. Verbs that
 * several servers declare each way (`split`) are conventions no single answer satisfies.
 */
export interface VerbConventions {
	readonly ceiling: Rate;
	/**
	 * The same verb-keyed reading learned honestly: each server's tools get the answer the *other*
	 * servers declare for their deciding verb (leave one server out), falling back to the rules' own
	 * answer for a verb no other server decides or a tie. `byTools` counts every other tool's label as
	 * a vote; `byServers` gives each other server one vote, its own majority, so a server with hundreds
	 * of tools does not outvote the rest. This is what a reading fitted to authors' labels achieves on
	 * servers it was not fitted to, to set beside the rules' own figure.
	 */
	readonly crossServer: { readonly byTools: Rate; readonly byServers: Rate };
	/** Verbs declared destructive by at least two servers and additive by at least two others, most tools first. */
	readonly split: readonly VerbConvention[];
}

class Tally {
	bothYes = 0;
	declaredOnly = 0;
	classifiedOnly = 0;
	bothNo = 0;
	add(declared: boolean, classified: boolean): boolean {
		if (declared && classified) this.bothYes++;
		else if (declared) this.declaredOnly++;
		else if (classified) this.classifiedOnly++;
		else this.bothNo++;
		return declared === classified;
	}
	measure(target?: number): Measure {
		const measured = this.bothYes + this.declaredOnly + this.classifiedOnly + this.bothNo;
		const agreed = this.bothYes + this.bothNo;
		const rate = measured > 0 ? agreed / measured : undefined;
		const confusion = {
			bothYes: this.bothYes,
			declaredOnly: this.declaredOnly,
			classifiedOnly: this.classifiedOnly,
			bothNo: this.bothNo,
		};
		return {
			measured,
			agreed,
			rate,
			confusion,
			...(target !== undefined ? { target, ...(rate !== undefined ? { met: rate >= target } : {}) } : {}),
		};
	}
}

const emptyRow = (): Record<Category, number> =>
	Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;

/**
 * The rules' own reading of a tool, with its annotations and any curated override withheld: the
 * decision, and its answer to the destructive question (see `textHints`). Every measure against
 * labels from outside the rules uses this one reading.
 */
export function rulesReading(tool: Tool, server: ServerRef): { decision: Decision; destructive: boolean } {
	const { annotations: _annotations, curated: _curated, ...withheld } = tool;
	const decision = classify(withheld, server);
	return { decision, destructive: decision.textHints?.destructive ?? decision.category !== 'Read' };
}

/** Classifies every labelled item with its hints withheld and compares; unlabelled items are only counted. */
export function measureAgreement(items: Iterable<AgreementItem>): AgreementReport {
	const read = new Tally();
	const destructive = new Tally();
	const strict = new Tally();
	const byCategory = Object.fromEntries(DECLARED_ROWS.map((r) => [r, emptyRow()])) as Record<
		DeclaredRow,
		Record<Category, number>
	>;
	const disagreements: Disagreement[] = [];
	const byServer = new Map<string, { server: string; measured: number; agreed: number; strictAgreed: number }>();
	const byVerb = new Map<string, VerbTally>();
	const votes: Vote[] = [];
	let tools = 0;
	let labelled = 0;
	let contradictory = 0;
	for (const item of items) {
		tools++;
		const a = item.tool.annotations;
		const readLabel = a?.readOnlyHint ?? item.readOnlyMode;
		const both = a?.readOnlyHint === true && a.destructiveHint === true;
		if (both) contradictory++;
		const destructiveLabel = both ? undefined : a?.destructiveHint;
		if (readLabel === undefined && destructiveLabel === undefined) continue;
		labelled++;
		const { decision: d, destructive: text } = rulesReading(item.tool, item.server);
		const first = d.evidence.find((e) => e.effect.kind === 'category');
		const note = (measure: MeasureName, source: string, declared: boolean) =>
			disagreements.push({
				measure,
				server: item.server.slug,
				tool: item.tool.name,
				source,
				declared,
				category: d.category,
				level: d.level,
				decidedBy: first ? `${first.rule} ${JSON.stringify(first.match)}` : 'none',
			});
		if (readLabel !== undefined) {
			const source = a?.readOnlyHint !== undefined ? 'readOnlyHint' : 'read-only mode';
			if (!read.add(readLabel, d.category === 'Read')) note('read', source, readLabel);
		}
		if (destructiveLabel !== undefined) {
			const row = byServer.get(item.server.slug) ?? {
				server: item.server.slug,
				measured: 0,
				agreed: 0,
				strictAgreed: 0,
			};
			byServer.set(item.server.slug, row);
			row.measured++;
			const agreed = destructive.add(destructiveLabel, text);
			if (agreed) row.agreed++;
			else note('destructive', 'destructiveHint', destructiveLabel);
			const verb = verbKey(first);
			tallyVerb(byVerb, verb, item.server.slug, destructiveLabel, agreed);
			votes.push({ verb, server: item.server.slug, declared: destructiveLabel, text });
			if (strict.add(destructiveLabel, d.category === 'Destructive')) row.strictAgreed++;
			else note('strictDestructive', 'destructiveHint', destructiveLabel);
		}
		const row: DeclaredRow =
			readLabel === true
				? 'read-only'
				: destructiveLabel === undefined
					? 'not read-only'
					: destructiveLabel
						? 'destructive'
						: 'additive';
		byCategory[row][d.category]++;
	}
	return {
		rulesetVersion: RULESET_VERSION,
		tools,
		labelled,
		contradictory,
		read: read.measure(TARGETS.read),
		destructive: destructive.measure(TARGETS.destructive),
		strictDestructive: strict.measure(),
		byCategory,
		disagreements,
		destructiveByServer: [...byServer.values()],
		destructiveByVerb: { ...verbConventions(byVerb), crossServer: crossServer(votes) },
	};
}

interface VerbTally {
	declaredTrue: number;
	declaredFalse: number;
	agreed: number;
	serversTrue: Set<string>;
	serversFalse: Set<string>;
}

function tallyVerb(
	byVerb: Map<string, VerbTally>,
	verb: string,
	server: string,
	declared: boolean,
	agreed: boolean,
): void {
	let t = byVerb.get(verb);
	if (!t)
		byVerb.set(
			verb,
			(t = { declaredTrue: 0, declaredFalse: 0, agreed: 0, serversTrue: new Set(), serversFalse: new Set() }),
		);
	if (declared) {
		t.declaredTrue++;
		t.serversTrue.add(server);
	} else {
		t.declaredFalse++;
		t.serversFalse.add(server);
	}
	if (agreed) t.agreed++;
}

/**
 * The deciding verb as `rule match`. The unknown-verb fallback's match is the whole tool name, which
 * would make every unknown name a verb of its own and flatter the ceiling; they are one group.
 */
function verbKey(first: { rule: string; match: string } | undefined): string {
	if (!first) return 'none';
	return first.rule === 'unknown-verb' ? first.rule : `${first.rule} ${first.match.toLowerCase()}`;
}

/** One tool of the destructive measure, for `crossServer`. */
interface Vote {
	readonly verb: string;
	readonly server: string;
	readonly declared: boolean;
	/** The rules' own answer. */
	readonly text: boolean;
}

/** An agreement count as a `Rate`. */
export const rateOf = (measured: number, agreed: number): Rate => ({
	measured,
	agreed,
	rate: measured > 0 ? agreed / measured : undefined,
});

/** Leave-one-server-out agreement of the verb-majority reading, see `VerbConventions.crossServer`. */
function crossServer(votes: readonly Vote[]): VerbConventions['crossServer'] {
	// verb -> server -> [declared true, declared false]
	const counts = new Map<string, Map<string, [number, number]>>();
	for (const v of votes) {
		const servers = counts.get(v.verb) ?? new Map<string, [number, number]>();
		counts.set(v.verb, servers);
		const c = servers.get(v.server) ?? [0, 0];
		servers.set(v.server, c);
		c[v.declared ? 0 : 1]++;
	}
	// Totals per verb over all servers, from which each tool's own server is taken out again.
	const totals = new Map<string, { tools: [number, number]; servers: [number, number] }>();
	for (const [verb, servers] of counts) {
		const t = { tools: [0, 0] as [number, number], servers: [0, 0] as [number, number] };
		for (const [yes, no] of servers.values()) {
			t.tools[0] += yes;
			t.tools[1] += no;
			if (yes !== no) t.servers[yes > no ? 0 : 1]++;
		}
		totals.set(verb, t);
	}
	const answer = (yes: number, no: number, fallback: boolean) => (yes === no ? fallback : yes > no);
	let byTools = 0;
	let byServers = 0;
	for (const v of votes) {
		const t = totals.get(v.verb)!;
		const [ownYes, ownNo] = counts.get(v.verb)!.get(v.server)!;
		if (answer(t.tools[0] - ownYes, t.tools[1] - ownNo, v.text) === v.declared) byTools++;
		const ownVote = ownYes === ownNo ? undefined : ownYes > ownNo ? 0 : 1;
		const servers: [number, number] = [t.servers[0] - (ownVote === 0 ? 1 : 0), t.servers[1] - (ownVote === 1 ? 1 : 0)];
		if (answer(servers[0], servers[1], v.text) === v.declared) byServers++;
	}
	return { byTools: rateOf(votes.length, byTools), byServers: rateOf(votes.length, byServers) };
}

function verbConventions(byVerb: ReadonlyMap<string, VerbTally>): Omit<VerbConventions, 'crossServer'> {
	let measured = 0;
	let best = 0;
	const split: VerbConvention[] = [];
	for (const [verb, t] of byVerb) {
		measured += t.declaredTrue + t.declaredFalse;
		best += Math.max(t.declaredTrue, t.declaredFalse);
		if (t.serversTrue.size >= 2 && t.serversFalse.size >= 2) {
			split.push({
				verb,
				declaredTrue: t.declaredTrue,
				declaredFalse: t.declaredFalse,
				serversTrue: t.serversTrue.size,
				serversFalse: t.serversFalse.size,
				agreed: t.agreed,
			});
		}
	}
	const total = (c: VerbConvention) => c.declaredTrue + c.declaredFalse;
	split.sort((a, b) => total(b) - total(a) || byCodePoint(a.verb, b.verb));
	return { ceiling: rateOf(measured, best), split };
}
