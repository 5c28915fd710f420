/**
 * Plain-English rationale, generated only from the decision's evidence records, integrity findings,
 * annotations and curated override, so the paragraph cannot say anything the badge does not. Every
 * sentence quotes what it rests on; quotes are cut to 80 characters and show hidden characters as
 * ⟦U+XXXX⟧. The strings are plain text: the page escapes them.
 */

import { capitalize, quote, sourceLabel, withArticle } from './text.ts';
import type { Decision, Evidence, Trait } from './types.ts';

/**
 * Trait names as the rationale lists them ("Traits: bulk action, path parameter."): all noun
 * phrases, so the list reads as one kind of thing.
 */
const TRAIT_LABELS: Readonly<Record<Trait, string>> = {
	'untrusted-input': 'untrusted input',
	'private-data': 'private data',
	secrets: 'secrets',
	egress: 'egress',
	'url-param': 'URL parameter',
	'path-param': 'path parameter',
	'code-param': 'code parameter',
	'access-change': 'access change',
	money: 'money',
	destroys: 'destruction',
	overwrites: 'change in place',
	cost: 'cost',
	bulk: 'bulk action',
};

const HINT_NAMES = ['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint'] as const;

/**
 * What an evidence record did, in a few words ("category Destructive", "level raised to High", "trait
 * private data", "note"), shown beside the record so that two records on the same match, one setting
 * the category and one adding a trait, read as the two different things they are.
 */
export function effectLabel(effect: Evidence['effect']): string {
	switch (effect.kind) {
		case 'category':
			return `category ${effect.category}`;
		case 'level':
			return effect.direction === 'set'
				? `level ${effect.level}`
				: `level ${effect.direction === 'raise' ? 'raised' : 'lowered'} to ${effect.level}`;
		case 'trait':
			return `trait ${TRAIT_LABELS[effect.trait]}`;
		case 'note':
			return 'note';
	}
}

/** Sources listed in one trait sentence; more would read as a dump. */
const MAX_TRAIT_SOURCES = 3;

function key(e: Evidence): string {
	return `${e.rule}\u0000${e.field}\u0000${e.match}`;
}

const ENDS_SENTENCE = /[.!?…]$/;

function sentence(text: string): string {
	const t = text.trim();
	return ENDS_SENTENCE.test(t) ? t : `${t}.`;
}

function categorySentence(e: Evidence, previous: readonly Evidence[], subject: string, curated: boolean): string {
	if (e.effect.kind !== 'category') return '';
	const source = sourceLabel(e.field, e.match);
	// A second source giving the same reason only needs to be cited.
	if (previous.some((p) => p.why === e.why)) return `The ${sourceKind(e.field)} agrees (${source}).`;
	if (previous.length > 0) return `Also, ${e.why} (${source}).`;
	const lead = curated ? `By the rules alone, ${subject}` : subject;
	return `${lead} is ${withArticle(e.effect.category)} tool because ${e.why} (${source}).`;
}

function sourceKind(field: string): string {
	if (field === 'name' || field === 'description' || field === 'title') return field;
	if (field.startsWith('annotations.')) return 'annotation';
	return 'input schema';
}

function levelSentence(e: Evidence): string {
	if (e.effect.kind !== 'level') return '';
	const { level, direction } = e.effect;
	if (e.rule === 'base-level') return `${e.match} tools start at ${level}.`;
	const moves =
		direction === 'raise' ? `rises to ${level}` : direction === 'lower' ? `drops to ${level}` : `is ${level}`;
	return `The level ${moves} because ${e.why} (${sourceLabel(e.field, e.match)}).`;
}

/**
 * One sentence per trait claim not already explained by a category or level sentence, then the list
 * of traits. Records of one trait that make different claims (a `code` parameter and "runs arbitrary
 * code" in the description) get a sentence each, so no source is cited for a claim it did not make.
 */
function traitSentences(evidence: readonly Evidence[]): string[] {
	const explained = new Set(evidence.filter((e) => e.effect.kind !== 'trait').map(key));
	const byTrait = new Map<Trait, Evidence[]>();
	for (const e of evidence) {
		if (e.effect.kind !== 'trait') continue;
		const list = byTrait.get(e.effect.trait) ?? [];
		list.push(e);
		byTrait.set(e.effect.trait, list);
	}
	const out: string[] = [];
	for (const records of byTrait.values()) {
		const byClaim = new Map<string, Evidence[]>();
		for (const r of records) byClaim.set(r.why, [...(byClaim.get(r.why) ?? []), r]);
		for (const [claim, cited] of byClaim) {
			// A claim the category or level sentences already make, citing one of these records, is not
			// repeated; a different claim of the same trait (an amount parameter next to the money verb) is.
			if (cited.some((r) => explained.has(key(r)))) continue;
			const sources = cited.slice(0, MAX_TRAIT_SOURCES).map((r) => sourceLabel(r.field, r.match));
			const more = cited.length > MAX_TRAIT_SOURCES ? `; ${cited.length - MAX_TRAIT_SOURCES} more` : '';
			out.push(`${capitalize(claim)} (${sources.join('; ')}${more}).`);
		}
	}
	const all = [...byTrait.keys()].sort();
	if (all.length > 0) out.push(`Traits: ${all.map((t) => TRAIT_LABELS[t]).join(', ')}.`);
	return out;
}

/** Each hint's value in words, as the spec defaults are spelled out ("not read-only, possibly destructive"). */
const HINT_WORDS: Readonly<Record<(typeof HINT_NAMES)[number], readonly [whenTrue: string, whenFalse: string]>> = {
	readOnlyHint: ['read-only', 'not read-only'],
	destructiveHint: ['possibly destructive', 'not destructive'],
	idempotentHint: ['idempotent', 'not idempotent'],
	openWorldHint: ['open-world', 'closed-world'],
};

/** "a", "a and b", "a, b and c". */
function joinAnd(items: readonly string[]): string {
	return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function annotationSentences(d: Decision): string[] {
	const a = d.annotations;
	const readOnlyClaim = a.readOnlyHint.declared && a.readOnlyHint.value;
	// Under a read-only claim the spec makes destructiveHint and idempotentHint meaningless.
	const shown = readOnlyClaim ? (['readOnlyHint', 'openWorldHint'] as const) : HINT_NAMES;
	const declared = shown.filter((h) => a[h].declared);
	if (declared.length === 0 && !HINT_NAMES.some((h) => a[h].declared)) {
		return [
			'It declares no annotations, so the MCP spec defaults apply: not read-only, possibly destructive, not idempotent and open-world.',
		];
	}
	const list = declared.map((h) => `${h} ${a[h].value}`).join(', ');
	const caveat = readOnlyClaim ? ' (a read-only claim makes the destructive and idempotent hints meaningless)' : '';
	// Only the hints that matter and were left out take the spec defaults; name them and what they default to.
	const undeclared = shown.filter((h) => !a[h].declared);
	const defaults =
		undeclared.length === 0
			? ''
			: `; ${joinAnd(undeclared)} ${undeclared.length === 1 ? 'is' : 'are'} undeclared, so the spec ${undeclared.length === 1 ? 'default applies' : 'defaults apply'}: ${joinAnd(undeclared.map((h) => HINT_WORDS[h][a[h].value ? 0 : 1]))}`;
	const out = [`It declares ${list}${caveat}${defaults}.`];
	out.push("Annotations are the server's own unverified claims: they can raise the level but never lower it.");
	return out;
}

function integritySentences(d: Decision): string[] {
	const out = d.integrity.map((f) => `Integrity warning (${f.severity}): ${f.why} (${sourceLabel(f.field, f.match)}).`);
	const high = d.integrity.filter((f) => f.severity === 'high');
	if (high.length > 0 && high.every((f) => f.signal === 'schema-limit')) {
		out.push(
			'Because part of its definition lies too deep to be read, the tool should be hidden from the agent whatever its label.',
		);
	} else if (high.length > 0) {
		out.push(
			'Because its definition itself looks like an attack, the tool should be hidden from the agent whatever its label.',
		);
	}
	return out;
}

function curatedSentence(d: Decision): string[] {
	const c = d.curated;
	if (!c) return [];
	const what =
		c.category !== undefined && c.level !== undefined
			? `the label to ${c.category} / ${c.level}`
			: c.category !== undefined
				? `the category to ${c.category}`
				: `the level to ${c.level}`;
	return [`A curator set ${what}; the rules gave ${c.ruleCategory} / ${c.ruleLevel}.`, sentence(`Reason: ${c.reason}`)];
}

/**
 * The rationale for one decision, as sentences: the curated override (if any), why the category,
 * how the level moved, what the tool touches, notes, annotations, then integrity findings.
 * `toolName` is only used as the subject of the first sentence.
 */
export function rationale(decision: Decision, toolName: string): string[] {
	const subject = quote(toolName);
	const curated = decision.curated !== undefined;
	const out: string[] = [...curatedSentence(decision)];
	const rules = decision.evidence.filter((e) => e.rule !== 'curated');
	const categories: Evidence[] = [];
	for (const e of rules) {
		if (e.effect.kind === 'category') {
			out.push(categorySentence(e, categories, subject, curated));
			categories.push(e);
		} else if (e.effect.kind === 'level') {
			out.push(levelSentence(e));
		}
	}
	out.push(...traitSentences(rules));
	for (const e of rules)
		if (e.effect.kind === 'note') out.push(`${capitalize(e.why)} (${sourceLabel(e.field, e.match)}).`);
	out.push(...annotationSentences(decision), ...integritySentences(decision));
	return out.filter((s) => s.length > 0);
}

/**
 * Why the confidence is low, when a rule says so in words a reader needs beside the label (rule
 * unread-language: the description is in a language the classifier could not read). Undefined otherwise.
 */
export function confidenceReason(decision: Decision): string | undefined {
	const note = decision.evidence.find((e) => e.rule === 'unread-language');
	return note ? capitalize(note.why) : undefined;
}
