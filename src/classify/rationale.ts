/**
 * Plain-English rationale, generated only from the decision's evidence records, integrity findings,
 * annotations and curated override, so the paragraph cannot say anything the badge does not. Every
 * sentence quotes what it rests on; quotes are cut to 80 characters and show hidden characters as
 * ⟦U+XXXX⟧. The strings are plain text: the page escapes them.
 */
import type { Evidence, Decision, Trait } from './types.ts';
import { capitalize, quote, sourceLabel, withArticle } from './text.ts';

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
	destroys: 'destroys',
	cost: 'cost',
	bulk: 'bulk',
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
			return effect.direction === 'set' ? `level ${effect.level}` : `level ${effect.direction === 'raise' ? 'raised' : 'lowered'} to ${effect.level}`;
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
	const moves = direction === 'raise' ? `rises to ${level}` : direction === 'lower' ? `drops to ${level}` : `is ${level}`;
	return `The level ${moves} because ${e.why} (${sourceLabel(e.field, e.match)}).`;
}

/** One sentence per trait not already explained by a category or level sentence. */
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
	for (const [trait, records] of byTrait) {
		if (records.some((r) => explained.has(key(r)))) continue;
		const first = records[0] as Evidence;
		const sources = records.slice(0, MAX_TRAIT_SOURCES).map((r) => sourceLabel(r.field, r.match));
		const more = records.length > MAX_TRAIT_SOURCES ? `; ${records.length - MAX_TRAIT_SOURCES} more` : '';
		out.push(`It is marked ${TRAIT_LABELS[trait]} because ${first.why} (${sources.join('; ')}${more}).`);
	}
	const all = [...byTrait.keys()].sort();
	if (all.length > 0) out.push(`Traits: ${all.map((t) => TRAIT_LABELS[t]).join(', ')}.`);
	return out;
}

function annotationSentences(d: Decision): string[] {
	const a = d.annotations;
	const readOnlyClaim = a.readOnlyHint.declared && a.readOnlyHint.value;
	// Under a read-only claim the spec makes destructiveHint and idempotentHint meaningless.
	const shown = readOnlyClaim ? (['readOnlyHint', 'openWorldHint'] as const) : HINT_NAMES;
	const declared = shown.filter((h) => a[h].declared);
	if (declared.length === 0 && !HINT_NAMES.some((h) => a[h].declared)) {
		return ['It declares no annotations, so the MCP spec defaults apply: not read-only, possibly destructive, not idempotent and open-world.'];
	}
	const list = declared.map((h) => `${h} ${a[h].value}`).join(', ');
	const out = [`It declares ${list || 'annotations'}${readOnlyClaim ? ' (a read-only claim makes the destructive and idempotent hints meaningless)' : ''}; undeclared hints take the spec defaults.`];
	out.push("Annotations are the server's own unverified claims: they can raise the level but never lower it.");
	return out;
}

function integritySentences(d: Decision): string[] {
	const out = d.integrity.map((f) => `Integrity warning (${f.severity}): ${f.why} (${sourceLabel(f.field, f.match)}).`);
	if (d.integrity.some((f) => f.severity === 'high')) {
		out.push('Because its definition itself looks like an attack, the tool should be hidden from the agent whatever its label.');
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
	for (const e of rules) if (e.effect.kind === 'note') out.push(`${capitalize(e.why)} (${sourceLabel(e.field, e.match)}).`);
	out.push(...annotationSentences(decision), ...integritySentences(decision));
	return out.filter((s) => s.length > 0);
}
