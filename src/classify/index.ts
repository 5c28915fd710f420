/**
 * The classifier: one deterministic decision per tool definition, from its name, description, input
 * schema and annotations. No network, no model, no randomness; schema keys are read in sorted order,
 * so the same definition always gives the same decision, byte for byte.
 *
 * Data flows one way, through five stages; each reads only what the stages before it produced:
 *
 * 1. facts (`facts.ts`, `gatherFacts`): reads the definition once into one record: name tokens and
 *    verb (`tokens.ts`), lead sentence, its opening verb and phrases with their negations
 *    (`description.ts`), parameters (`params.ts`), effective annotations (`annotations.ts`) and
 *    integrity findings (`integrity/`). Readings few tools need are memoised on the record.
 * 2. category (`category.ts`, `decideCategory`): every rule proposes a category from the facts; the
 *    most severe wins and the agreement between sources sets the confidence.
 * 3. level (`level.ts`, `decideLevel`): starts from the category's base level and moves it by rules
 *    that read the facts and the category outcome; records traits on the way.
 * 4. traits: read back from the evidence log (`evidence.ts`), then checked against the annotations'
 *    claims (contradictions, below).
 * 5. action (`planAction`): from the label (after any curated override) and the integrity findings.
 *
 * Rules read words through the lexicon (`lexicon.ts` tables, `lookup.ts` lookups), never by parsing the
 * text again. Every rule that fires writes an evidence record; the rationale (`rationale.ts`) is made
 * from those records only. To add a rule: read what it needs in the facts stage, decide in stage 2
 * or 3, document its id in `rules.ts`.
 */
import type { Category, Level, Tool } from '../catalogue/schema.ts';
import { planAction } from '../policy/action.ts';
import { type CategoryOutcome, decideCategory } from './category.ts';
import { EvidenceLog } from './evidence.ts';
import { gatherFacts } from './facts.ts';
import { mcpHints, OPEN_WORLD_TRAITS, textHints } from './hints.ts';
import { decideLevel } from './level.ts';
import { IDEMPOTENT_VERBS } from './lexicon.ts';
import { quote, withArticle } from './text.ts';
import type { Confidence, Decision, EffectiveAnnotations, ServerRef, Trait } from './types.ts';

export { INTEGRITY_SIGNALS, type IntegritySignal } from './integrity/index.ts';
export { confidenceReason, rationale } from './rationale.ts';
export { RULE_IDS, type RuleId } from './rules.ts';
export type * from './types.ts';

/**
 * Version of the rule set; shown on every tool page and bumped whenever a decision can change. What each
 * version changed is in CHANGELOG.md, whose newest entry must name this version.
 */
export const RULESET_VERSION = '2026.12.4';

const OPEN_WORLD_SAYS: Readonly<Record<(typeof OPEN_WORLD_TRAITS)[number], string>> = {
	'url-param': 'it takes a URL the agent chooses',
	'untrusted-input': 'it returns third-party content',
	egress: 'it sends to recipients the agent chooses',
};

/** The deciding name verb (or else the lead sentence's) sets a state: see `IDEMPOTENT_VERBS`. */
function settles(f: ReturnType<typeof gatherFacts>): boolean {
	const verb = f.verb?.info.base ?? (f.descVerb && !f.descVerb.negated ? f.descVerb.info.base : undefined);
	return verb !== undefined && IDEMPOTENT_VERBS.has(verb);
}

/**
 * Where the deciding evidence was read, for a contradiction message. Quoting costs more than checking,
 * so it is built only once a contradiction is found; a module-level function rather than a closure,
 * since under tsx (keepNames) every closure made costs a `__name` call.
 */
function decidingText(by: CategoryOutcome['decidedBy']): string {
	return by.field === 'name' || by.field === 'title' || by.field === 'description'
		? `its ${by.field} (${quote(by.match)})`
		: `its definition (${quote(by.match)})`;
}

/**
 * Annotation claims the text contradicts. Each becomes a message for the page and a note for the
 * rationale; none changes the label, since claims never lower a level.
 */
function checkContradictions(
	outcome: CategoryOutcome,
	annotations: EffectiveAnnotations,
	traits: readonly Trait[],
	log: EvidenceLog,
): string[] {
	const out: string[] = [];
	const category = outcome.category;
	const by = outcome.decidedBy;
	if (annotations.readOnlyHint.declared && annotations.readOnlyHint.value && category !== 'Read' && !outcome.fallback) {
		out.push(`readOnlyHint is declared true, but ${decidingText(by)} makes it ${withArticle(category)} tool.`);
		log.note(
			'annotation-contradiction',
			'annotations.readOnlyHint',
			'true',
			`the server claims it is read-only, but its text makes it ${withArticle(category)} tool; the claim was not used to lower anything`,
		);
	}
	if (annotations.destructiveHint.declared && !annotations.destructiveHint.value && category === 'Destructive') {
		// An interruption is Destructive for its level, but it removes nothing: say what the text does say.
		const does = outcome.availability
			? 'stops or switches off something that runs'
			: 'removes or irreversibly changes something';
		out.push(`destructiveHint is declared false, but ${decidingText(by)} says it ${does}.`);
		log.note(
			'annotation-contradiction',
			'annotations.destructiveHint',
			'false',
			'the server claims it is not destructive, but its text says otherwise; the claim was not used to lower anything',
		);
	}
	if (
		annotations.destructiveHint.declared &&
		annotations.destructiveHint.value &&
		!annotations.readOnlyHint.value &&
		category === 'Read'
	) {
		out.push(`destructiveHint is declared true, but ${decidingText(by)} makes it a Read tool.`);
		log.note(
			'annotation-contradiction',
			'annotations.destructiveHint',
			'true',
			'the server claims it may perform destructive updates, but its text only reads; the claim raised the level',
		);
	}
	if (annotations.openWorldHint.declared && !annotations.openWorldHint.value) {
		const open = OPEN_WORLD_TRAITS.filter((t) => traits.includes(t));
		if (open.length > 0) {
			const says = open.map((t) => OPEN_WORLD_SAYS[t]).join(' and ');
			out.push(`openWorldHint is declared false, but ${says}.`);
			log.note(
				'annotation-contradiction',
				'annotations.openWorldHint',
				'false',
				`the server claims a closed world, but ${says}`,
			);
		}
	}
	return out;
}

function applyCurated(
	tool: Tool,
	ruleCategory: Category,
	ruleLevel: Level,
	log: EvidenceLog,
): Pick<Decision, 'category' | 'level' | 'curated'> {
	const c = tool.curated;
	if (!c) return { category: ruleCategory, level: ruleLevel };
	const category = c.category ?? ruleCategory;
	const level = c.level ?? ruleLevel;
	if (c.category !== undefined)
		log.category('curated', 'curated', c.reason, c.category, 'a curator reviewed this tool and set its category');
	if (c.level !== undefined)
		log.level('curated', 'curated', c.reason, c.level, 'set', 'a curator reviewed this tool and set its level');
	return {
		category,
		level,
		curated: {
			...(c.category !== undefined ? { category: c.category } : {}),
			...(c.level !== undefined ? { level: c.level } : {}),
			reason: c.reason,
			ruleCategory,
			ruleLevel,
		},
	};
}

/**
 * Classifies one tool. The rules decide a category and level from the definition's own text; the
 * annotations are shown and may raise the level but never lower it; integrity findings (signs of tool
 * poisoning) can turn the action into `hide` whatever the label; a curated override in the catalogue
 * replaces the rules' category and/or level (a field it leaves out keeps the rules' value) and is
 * recorded with both labels; traits, evidence and confidence-relevant records stay the rules' own.
 * The action comes from `planAction`.
 */
export function classify(tool: Tool, server: ServerRef): Decision {
	const log = new EvidenceLog();
	const facts = gatherFacts(tool, server);
	const outcome = decideCategory(facts, log);
	const ruleLevel = decideLevel(outcome, facts, log);
	const traits = log.traits();
	const contradictions = checkContradictions(outcome, facts.annotations, traits, log);
	const label = applyCurated(tool, outcome.category, ruleLevel, log);
	const text = textHints({ category: label.category, outcome, overwrites: log.fired('overwrite') });
	const confidence: Confidence = tool.curated
		? 'high'
		: contradictions.length > 0 && outcome.confidence === 'high'
			? 'medium'
			: outcome.confidence;
	return {
		category: label.category,
		level: label.level,
		action: planAction(label.category, label.level, facts.integrity).action,
		confidence,
		evidence: log.records(),
		traits,
		integrity: facts.integrity,
		annotations: facts.annotations,
		contradictions,
		...(label.curated ? { curated: label.curated } : {}),
		textHints: text,
		mcpHints: mcpHints(text, label.category, outcome.interruption, settles(facts), traits),
		rulesetVersion: RULESET_VERSION,
	};
}
