/**
 * The decision object: the single source every rendering (badge, rationale, FAQ, policy snippet,
 * server summary, search filters) is derived from, so they cannot disagree.
 */
import type { Category, Level } from '../catalogue/schema.ts';
import type { McpHints } from './hints.ts';

/** The server a tool belongs to; its slug words are dropped from tool names before matching. */
export interface ServerRef {
	readonly slug: string;
	readonly name: string;
}

/** What the recommended policy does with the tool. */
export type Action = 'allow' | 'rate-limit' | 'approve' | 'deny' | 'hide';

/** How much the signals agreed. */
export type Confidence = 'high' | 'medium' | 'low';

/**
 * What a tool touches; attack-pattern links are derived from these.
 * - untrusted-input: returns third-party content (web pages, issues, email) that may carry injected instructions
 * - private-data: reads data that belongs to a user or organisation
 * - secrets: reads or handles credentials, tokens, keys
 * - egress: sends data to a recipient or destination the agent chooses
 * - url-param / path-param / code-param: takes a URL, a filesystem path, or code/commands/queries
 * - access-change: grants, revokes or changes permissions, members, credentials
 * - money: moves money or changes billing
 * - destroys: removes or irreversibly changes something
 * - overwrites: changes or replaces existing state in place (the MCP destructiveHint sense) without
 *   being a deletion: updates, edits, moves, merges, running caller-chosen code
 * - cost: can run up compute or API spend
 * - bulk: acts on many objects in one call
 */
export type Trait =
	| 'untrusted-input'
	| 'private-data'
	| 'secrets'
	| 'egress'
	| 'url-param'
	| 'path-param'
	| 'code-param'
	| 'access-change'
	| 'money'
	| 'destroys'
	| 'overwrites'
	| 'cost'
	| 'bulk';

/** One fired rule. The rationale paragraph is generated from these records only. */
export interface Evidence {
	/** Rule id, e.g. `name-verb`; documented on the methodology page. */
	rule: string;
	/** What the rule read: `name`, `description`, `inputSchema.properties.url`, `annotations.readOnlyHint`, `curated`. */
	field: string;
	/** The exact text (or value) matched, quoted on the page. */
	match: string;
	/** What the rule did, in a machine-readable form. */
	effect:
		| { kind: 'category'; category: Category }
		| { kind: 'level'; level: Level; direction: 'raise' | 'lower' | 'set' }
		| { kind: 'trait'; trait: Trait }
		| { kind: 'note' };
	/** A short plain-English clause explaining why the match matters, used by the rationale. */
	why: string;
}

/** Severity of an integrity finding: `high` means the definition itself looks like an attack. */
export type IntegritySeverity = 'high' | 'medium';

/** A sign of tool poisoning found in a text field of the definition. */
export interface IntegrityFinding {
	/** Signal id, e.g. `hidden-unicode`, `pseudo-tag`, `model-instruction`. */
	signal: string;
	/** Field the signal was found in, e.g. `description` or `inputSchema.properties.note.description`. */
	field: string;
	/** The offending text, verbatim (rendered with hidden characters made visible). */
	match: string;
	severity: IntegritySeverity;
	/** Plain-English explanation. */
	why: string;
}

/** Effective annotation values with their origin (declared by the server or the spec default). */
export interface EffectiveAnnotations {
	readOnlyHint: { value: boolean; declared: boolean };
	destructiveHint: { value: boolean; declared: boolean };
	idempotentHint: { value: boolean; declared: boolean };
	openWorldHint: { value: boolean; declared: boolean };
}

/** The classifier's complete answer for one tool. */
export interface Decision {
	category: Category;
	level: Level;
	/** What the recommended policy does; a function of category, level and integrity. */
	action: Action;
	confidence: Confidence;
	evidence: Evidence[];
	/** Sorted, unique. */
	traits: Trait[];
	integrity: IntegrityFinding[];
	annotations: EffectiveAnnotations;
	/** Annotation claims the definition's text contradicts (shown on the page). */
	contradictions: string[];
	/** Set when a curated override in the catalogue replaced the rules' label. */
	curated?: { category?: Category; level?: Level; reason: string; ruleCategory: Category; ruleLevel: Level };
	/**
	 * The text's own answers to the questions the annotations answer: is the tool read-only (its
	 * category is Read), and may it perform destructive updates (anything but Read and a Write whose
	 * verb loses nothing: one that only adds, or flips a reversible switch, and does not overwrite).
	 * `npm run evaluate` compares these with the declared hints. Always set by `classify`; optional so hand-built decisions need not invent it.
	 */
	textHints?: { readOnly: boolean; destructive: boolean };
	/**
	 * The four MCP behaviour hints our reading implies (see `mcpHints` in hints.ts), for a server author
	 * to compare with, or paste into, their annotations. Always set by `classify`.
	 */
	mcpHints?: McpHints;
	/** Version of the rule set that produced this decision. */
	rulesetVersion: string;
}
