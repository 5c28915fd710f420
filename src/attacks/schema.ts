/**
 * Front matter of attack-pattern pages (`content/attacks/<id>.mdx`). Validated at build time; a
 * pattern without a source fails the build. Plain zod (the same copy Astro re-exports as `astro/zod`).
 */
import { z } from 'zod';
import { CATEGORIES } from '../catalogue/schema.ts';
import { httpUrlSchema } from '../catalogue/schema.ts';

/** Tool traits the classifier emits (kept in sync with `Trait` in classify/types.ts by a unit test). */
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
 * A selector saying which tools are exposed to a pattern:
 * `trait:<trait>`, `category:<category>`, `integrity` (any integrity finding) or `every-tool`.
 */
export const exposureSelectorSchema = z.union([
	z.templateLiteral(['trait:', z.enum(TRAITS)]),
	z.templateLiteral(['category:', z.enum(CATEGORIES)]),
	z.literal('integrity'),
	z.literal('every-tool'),
]);

/** A primary or secondary source. Every published fact cites one. */
export const sourceRefSchema = z.strictObject({
	/** Title of the cited page. */
	title: z.string().min(1),
	/** Absolute https URL. */
	url: httpUrlSchema.refine((u) => u.startsWith('https://'), { error: 'must be an https URL' }),
	/** Author or organisation. */
	author: z.string().min(1),
	/** Publication date, YYYY-MM-DD or YYYY-MM. */
	date: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, { error: 'must be YYYY-MM or YYYY-MM-DD' }),
});

/** A real incident where the pattern was exploited or disclosed. */
export const incidentSchema = z.strictObject({
	/** Date of disclosure, YYYY-MM-DD or YYYY-MM. */
	date: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, { error: 'must be YYYY-MM or YYYY-MM-DD' }),
	/** Product, server or package affected. */
	target: z.string().min(1),
	/** One or two sentences on what happened. */
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
		/** Which tools are exposed, each with the one-line reason shown on the tool page. */
		exposedBy: z
			.array(z.strictObject({ when: exposureSelectorSchema, reason: z.string().min(5) }))
			.min(1),
		/** What the recommended gateway policy does against this pattern. */
		policy: z.strictObject({
			action: z.enum(['allow', 'rate-limit', 'approve', 'deny', 'hide']),
			/** What the static policy achieves. */
			effect: z.string().min(10),
			/** What only a runtime control (not a static policy) can do. */
			runtime: z.string().min(10),
		}),
		incidents: z.array(incidentSchema).default([]),
		sources: z.array(sourceRefSchema).min(1, { error: 'a pattern needs at least one source' }),
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
		const urls = new Set(fm.sources.map((s) => s.url));
		fm.incidents.forEach((incident, i) => {
			if (!urls.has(incident.source)) {
				ctx.addIssue({ code: 'custom', path: ['incidents', i, 'source'], message: 'must also be listed in sources' });
			}
		});
	});

export type AttackFrontmatter = z.infer<typeof attackFrontmatterSchema>;
export type ExposureSelector = z.infer<typeof exposureSelectorSchema>;
