/**
 * The record `npm run classify` prints for each tool: a public, documented interface. Keys come in this
 * order and no others; adding or renaming one is a breaking change for whoever parses the output.
 */
import type { Decision } from './types.ts';

/** The keys of one output line, in order. */
export const CLI_KEYS = [
	'name',
	'category',
	'level',
	'action',
	'confidence',
	'traits',
	'integrity',
	'evidence',
] as const;

/** One output line of `npm run classify`, before JSON encoding. */
export type CliRecord = { name: string } & Pick<Decision, Exclude<(typeof CLI_KEYS)[number], 'name'>>;

/** The output record for one decision, with keys in `CLI_KEYS` order. */
export function cliRecord(name: string, d: Decision): CliRecord {
	return {
		name,
		category: d.category,
		level: d.level,
		action: d.action,
		confidence: d.confidence,
		traits: d.traits,
		integrity: d.integrity,
		evidence: d.evidence,
	};
}
