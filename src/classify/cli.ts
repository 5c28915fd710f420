/**
 * The record `npm run classify` prints for each tool: a public, documented interface. Keys come in this
 * order and no others; adding or renaming one is a breaking change for whoever parses the output.
 */
import type { McpHints } from './hints.ts';
import type { Decision } from './types.ts';

/** The MCP spec's default hints, which assume the worst. */
const SPEC_DEFAULTS: McpHints = {
	readOnlyHint: false,
	destructiveHint: true,
	idempotentHint: false,
	openWorldHint: true,
};

/** The keys of one output line, in order. */
export const CLI_KEYS = [
	'name',
	'category',
	'level',
	'action',
	'confidence',
	'traits',
	'mcpHints',
	'integrity',
	'evidence',
] as const;

/** One output line of `npm run classify`, before JSON encoding. */
export type CliRecord = { name: string } & Required<Pick<Decision, Exclude<(typeof CLI_KEYS)[number], 'name'>>>;

/** The output record for one decision, with keys in `CLI_KEYS` order. */
export function cliRecord(name: string, d: Decision): CliRecord {
	return {
		name,
		category: d.category,
		level: d.level,
		action: d.action,
		confidence: d.confidence,
		traits: d.traits,
		// Always set by `classify`; a hand-built decision without it gets the spec's defaults.
		mcpHints: d.mcpHints ?? SPEC_DEFAULTS,
		integrity: d.integrity,
		evidence: d.evidence,
	};
}
