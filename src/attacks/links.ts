/** Derives which attack patterns a tool is exposed to, from the classifier's decision alone. */
import type { Decision } from '../classify/types.ts';
import { selectorLabel } from './labels.ts';
import type { AttackFrontmatter, ExposureSelector } from './schema.ts';

/** The parts of an attack pattern that linking needs. */
export interface AttackRef {
	id: string;
	title: string;
	exposedBy: AttackFrontmatter['exposedBy'];
}

/** A link from a tool to a pattern, with the one-line reason shown on the tool page. */
export interface AttackLink {
	id: string;
	title: string;
	/** The selector that matched first. */
	when: ExposureSelector;
	/** Its short label, e.g. "takes a URL parameter": the lead-in of the tool page's line. */
	label: string;
	/** The pattern's own sentence for that selector, completing "This tool …". */
	reason: string;
}

/** True when the selector applies to the decision. */
export function selectorMatches(selector: ExposureSelector, decision: Decision): boolean {
	if (selector === 'every-tool') return true;
	if (selector === 'integrity') return decision.integrity.length > 0;
	if (selector.startsWith('trait:')) return (decision.traits as string[]).includes(selector.slice(6));
	return decision.category === selector.slice(9);
}

/**
 * The patterns a tool is exposed to, in the order of `attacks`, each with the reason of the first
 * selector that matched. Patterns that apply to every tool come last so specific ones lead.
 */
export function linkAttacks(decision: Decision, attacks: readonly AttackRef[]): AttackLink[] {
	const specific: AttackLink[] = [];
	const general: AttackLink[] = [];
	for (const attack of attacks) {
		const hit = attack.exposedBy.find((e) => selectorMatches(e.when, decision));
		if (!hit) continue;
		const link = {
			id: attack.id,
			title: attack.title,
			when: hit.when,
			label: selectorLabel(hit.when),
			reason: hit.reason,
		};
		(hit.when === 'every-tool' ? general : specific).push(link);
	}
	return [...specific, ...general];
}
