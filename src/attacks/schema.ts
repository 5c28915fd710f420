/**
 * Front matter of attack-pattern pages (`content/attacks/<id>.mdx`). Validated at build time; a
 * pattern without a source fails the build. Plain zod (the same copy Astro re-exports as `astro/zod`).
 */
import { z } from 'zod';
import { CATEGORIES, httpUrlSchema } from '../catalogue/schema.ts';
import { conditionSchema } from '../policy/schema.ts';

/** Tool traits the classifier emits (kept in sync with `Trait` in classify/types.ts: `TRAIT_LABELS` is typed by it and a unit test compares the two). */
export const TRAITS = [
	'untrusted-input',
	'private-data',
	'secrets',
	'egress',
	'url-param',
	'path-param',
	'code-param',
	'access-change',
	'money',
	'destroys',
	'overwrites',
	'cost',
	'bulk',
] as const;

/** Where in the MCP stack an attack lives. */
export const ATTACK_CATEGORIES = [
	'tool-metadata',
	'tool-output',
	'server-implementation',
	'supply-chain',
	'protocol-and-client',
	'agency-and-cost',
] as const;

/**
 * Where a reader has to look to judge exposure. `tool`: a tool's definition shows it (the pattern
 * links tools through `exposedBy`). `server`: how a server is built or deployed (transport, network
 * binding). `client`: the MCP client or proxy. Only `tool` patterns must have selectors, because no
 * tool trait can show a flaw in a deployment or a client.
 */
export const ATTACK_SCOPES = ['tool', 'server', 'client'] as const;

/** What the pattern page's policy does; `none` when no tool policy can stop the attack (server or client scope). */
export const POLICY_ACTIONS = ['allow', 'rate-limit', 'approve', 'deny', 'hide', 'none'] as const;

/**
 * A concrete argument constraint shown in the pattern's example snippet, with calls that prove it:
 * unit tests run every `checks` entry through the reference evaluator against the generated snippet.
 */
export const policyExampleSchema = z.strictObject({
	/** Tool name used in the snippet, e.g. `fetch_url`. */
	tool: z.string().regex(/^[a-z][a-z0-9_]*$/, { error: 'must be a plain snake_case tool name' }),
	/** `deny_if` rules added before the action's own rule; each must have at least one condition. */
	denyIf: z.array(z.strictObject({ conditions: z.array(conditionSchema).min(1), message: z.string().min(10) })).min(1),
	/** Calls and the verdict the snippet must give them (the first call of a fresh grant). */
	checks: z.array(z.strictObject({ args: z.record(z.string(), z.unknown()), allowed: z.boolean() })).min(2),
});

/**
 * A selector saying which tools are exposed to a pattern:
 * `trait:<trait>`, `category:<category>`, `integrity` (any integrity finding) or `every-tool`.
 */
export const exposureSelectorSchema = z.union([
	z.templateLiteral(['trait:', z.enum(TRAITS)]),
	z.templateLiteral(['category:', z.enum(CATEGORIES)]),
	z.literal('integrity'),
	z.literal('every-tool'),
]);

/** What a source's `date` records: when it was published, or, for a living document, when we read the version cited. */
export const SOURCE_DATE_KINDS = ['published', 'retrieved'] as const;

/** A primary or secondary source. Every published fact cites one. */
export const sourceRefSchema = z.strictObject({
	/** Title of the cited page. */
	title: z.string().min(1),
	/** Absolute https URL. */
	url: httpUrlSchema.refine((u) => u.startsWith('https://'), { error: 'must be an https URL' }),
	/** Author or organisation. */
	author: z.string().min(1),
	/**
	 * YYYY-MM-DD or YYYY-MM. By default the publication date. A living document with no publication
	 * date of its own (a draft standard's site, a repository's documentation, a running database) sets
	 * `dateKind: retrieved`, and `date` is then the date of the version we read; pages print it as
	 * "retrieved <date>" so it is never mistaken for a publication date.
	 */
	date: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, { error: 'must be YYYY-MM or YYYY-MM-DD' }),
	/** What `date` means: `published` (the default) or `retrieved` (living documents only). */
	dateKind: z.enum(SOURCE_DATE_KINDS).default('published'),
});

/** A real incident where the pattern was exploited or disclosed. */
export const incidentSchema = z.strictObject({
	/** Date of disclosure, YYYY-MM-DD or YYYY-MM. */
	date: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, { error: 'must be YYYY-MM or YYYY-MM-DD' }),
	/** Product, server or package affected. */
	target: z.string().min(1),
	/**
	 * One or two sentences on what happened. Patterns that cite the same disclosure and tell it the same
	 * way should use the same words: the timeline merges incidents only when date, source and summary
	 * all match, so a different summary gets a row of its own rather than being dropped.
	 */
	summary: z.string().min(1),
	/** URL of the primary source for this incident (must also appear in `sources`). */
	source: httpUrlSchema,
});

/** Front matter of one attack-pattern page. */
export const attackFrontmatterSchema = z
	.strictObject({
		/** Page title, e.g. "Tool poisoning". */
		title: z.string().min(1),
		/** Research id from our reference notes, e.g. MCP-AP-01. */
		code: z.string().regex(/^MCP-AP-\d{2}$/),
		category: z.enum(ATTACK_CATEGORIES),
		/** One or two sentences shown on the index and in search results. */
		summary: z.string().min(20),
		/** Where exposure can be judged: a tool definition, a server's deployment, or the client. */
		scope: z.enum(ATTACK_SCOPES).default('tool'),
		/**
		 * Which tools are exposed, each with the reason shown on the tool page: lowercase, no final
		 * stop, completing "This tool …" (the short lead-in, e.g. "takes a URL parameter", comes from
		 * the selector). Empty only for server- and client-scope patterns.
		 */
		exposedBy: z.array(z.strictObject({ when: exposureSelectorSchema, reason: z.string().min(5) })).default([]),
		/** What the recommended gateway policy does against this pattern. */
		policy: z.strictObject({
			action: z.enum(POLICY_ACTIONS),
			/** What the static policy achieves (or, for `none`, why a tool policy cannot help). */
			effect: z.string().min(10),
			/** What only a runtime control (not a static policy) can do. */
			runtime: z.string().min(10),
			/** An argument constraint for the example snippet (only with `allow` or `rate-limit`). */
			example: policyExampleSchema.optional(),
			/** Tool name the snippet uses when there is no `example` (default `example_tool`), e.g. `reviewed_tool`. */
			snippetTool: z
				.string()
				.regex(/^[a-z][a-z0-9_]*$/, { error: 'must be a plain snake_case tool name' })
				.optional(),
		}),
		incidents: z.array(incidentSchema).default([]),
		sources: z.array(sourceRefSchema).min(1, { error: 'a pattern needs at least one source' }),
		/**
		 * YYYY-MM-DD: the day every source of the page was last opened and its claims checked against
		 * the text. Pages print it so a reader can judge how current the write-up is.
		 */
		sourcesChecked: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be YYYY-MM-DD' }),
		/** Cross-references to public taxonomies, e.g. { owaspMcp: ['MCP03'], owaspLlm: ['LLM01'] }. */
		references: z
			.strictObject({
				owaspMcp: z.array(z.string()).default([]),
				owaspLlm: z.array(z.string()).default([]),
				owaspAgentic: z.array(z.string()).default([]),
			})
			.prefault({}),
	})
	.superRefine((fm, ctx) => {
		if (fm.scope === 'tool' && fm.exposedBy.length === 0) {
			ctx.addIssue({
				code: 'custom',
				path: ['exposedBy'],
				message: 'a tool-scope pattern needs at least one selector (or set scope: server or client)',
			});
		}
		if (fm.policy.action === 'none' && fm.scope === 'tool') {
			ctx.addIssue({
				code: 'custom',
				path: ['policy', 'action'],
				message: '"none" is only for server- or client-scope patterns',
			});
		}
		if (fm.policy.example && fm.policy.snippetTool) {
			ctx.addIssue({
				code: 'custom',
				path: ['policy', 'snippetTool'],
				message: "the example already names the snippet's tool",
			});
		}
		// A deny_if example on a tool that is hidden, denied or always gated would never be reached.
		if (fm.policy.example && fm.policy.action !== 'allow' && fm.policy.action !== 'rate-limit') {
			ctx.addIssue({
				code: 'custom',
				path: ['policy', 'example'],
				message: 'an argument constraint only makes sense with allow or rate-limit',
			});
		}
		const refs = fm.references;
		if (refs.owaspMcp.length + refs.owaspLlm.length + refs.owaspAgentic.length === 0) {
			ctx.addIssue({ code: 'custom', path: ['references'], message: 'a pattern needs at least one cross-reference' });
		}
		// A source dated after the check cannot have been checked on that day (both dates compare as text).
		fm.sources.forEach((source, i) => {
			if (source.date > fm.sourcesChecked) {
				ctx.addIssue({ code: 'custom', path: ['sources', i, 'date'], message: 'is later than sourcesChecked' });
			}
		});
		const urls = new Set(fm.sources.map((s) => s.url));
		fm.incidents.forEach((incident, i) => {
			if (!urls.has(incident.source)) {
				ctx.addIssue({ code: 'custom', path: ['incidents', i, 'source'], message: 'must also be listed in sources' });
			}
		});
	});

/** Validated front matter of one pattern. */
export type AttackFrontmatter = z.infer<typeof attackFrontmatterSchema>;
/** One exposure selector, e.g. `trait:url-param`. */
export type ExposureSelector = z.infer<typeof exposureSelectorSchema>;
/** Where exposure to a pattern can be judged. */
export type AttackScope = (typeof ATTACK_SCOPES)[number];
/** A pattern's argument-constraint example with the calls that prove it. */
export type PolicyExample = z.infer<typeof policyExampleSchema>;
/** One validated source of a pattern. */
export type SourceRef = z.infer<typeof sourceRefSchema>;

/** A source's date as pages print it: the bare date when published, "retrieved <date>" for a living document. */
export function sourceDateLabel(source: { date: string; dateKind?: (typeof SOURCE_DATE_KINDS)[number] }): string {
	return source.dateKind === 'retrieved' ? `retrieved ${source.date}` : source.date;
}
