/**
 * The ids of every rule the classifier's evidence records can cite, in the order the methodology page
 * lists them. What each rule reads and does is prose, kept in `content/rules/<id>.md` and loaded by
 * `loadRuleDocs` (rule-docs.ts); evidence records link to `/methodology/#rule-<id>`.
 */
export const RULE_IDS = [
	'name-verb',
	'verb-context',
	'description-verb',
	'foreign-verb',
	'unread-language',
	'negation-guard',
	'code-param',
	'action-enum',
	'dissociation',
	'session-termination',
	'read-only-mode',
	'interface-action',
	'output-path',
	'own-connection',
	'money',
	'unknown-verb',
	'computed-value',
	'base-level',
	'minor-object',
	'content-object',
	'high-value-object',
	'availability-only',
	'irreversible',
	'bulk',
	'overwrite',
	'public-exposure',
	'egress',
	'access-change',
	'secrets',
	'untrusted-input',
	'private-data',
	'sensitive-data',
	'url-param',
	'path-param',
	'cost',
	'annotation-read-only',
	'annotation-destructive',
	'annotation-contradiction',
	'curated',
] as const;

/** Ids of the rules evidence records may cite. */
export type RuleId = (typeof RULE_IDS)[number];
