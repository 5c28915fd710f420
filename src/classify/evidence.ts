/**
 * Collects evidence records in the order rules fire. Records are the only input of the rationale, so
 * every rule that changes the decision writes one here, and traits are read back from the records
 * rather than kept separately: a trait cannot appear without the record that explains it.
 */
import type { Category, Level } from '../catalogue/schema.ts';
import type { RuleId } from './rules.ts';
import type { Evidence, Trait } from './types.ts';

export class EvidenceLog {
	readonly #records: Evidence[] = [];

	category(rule: RuleId, field: string, match: string, category: Category, why: string): void {
		this.#records.push({ rule, field, match, effect: { kind: 'category', category }, why });
	}

	level(
		rule: RuleId,
		field: string,
		match: string,
		level: Level,
		direction: 'raise' | 'lower' | 'set',
		why: string,
	): void {
		this.#records.push({ rule, field, match, effect: { kind: 'level', level, direction }, why });
	}

	/** Records a trait once per rule, field and trait (three url parameters give three records). */
	trait(rule: RuleId, field: string, match: string, trait: Trait, why: string): void {
		const dup = this.#records.some(
			(r) => r.effect.kind === 'trait' && r.effect.trait === trait && r.rule === rule && r.field === field,
		);
		if (!dup) this.#records.push({ rule, field, match, effect: { kind: 'trait', trait }, why });
	}

	/** Records a note once per rule, field and match. */
	note(rule: RuleId, field: string, match: string, why: string): void {
		const dup = this.#records.some(
			(r) => r.effect.kind === 'note' && r.rule === rule && r.field === field && r.match === match,
		);
		if (!dup) this.#records.push({ rule, field, match, effect: { kind: 'note' }, why });
	}

	/** True when some record cites this rule. */
	fired(rule: RuleId): boolean {
		return this.#records.some((r) => r.rule === rule);
	}

	/** True when some record carries this trait. */
	hasTrait(trait: Trait): boolean {
		return this.#records.some((r) => r.effect.kind === 'trait' && r.effect.trait === trait);
	}

	/** Traits named by the records, sorted and unique. */
	traits(): Trait[] {
		const set = new Set<Trait>();
		for (const r of this.#records) if (r.effect.kind === 'trait') set.add(r.effect.trait);
		return [...set].sort();
	}

	/**
	 * The records, in firing order. The array itself is handed over, not copied: a log belongs to one
	 * classification and is never written to once its records are taken.
	 */
	records(): Evidence[] {
		return this.#records;
	}
}
