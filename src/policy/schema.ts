/**
 * The gateway policy document (policy.json, format version "1"), as documented for PolicyLayer's
 * gateway. Every snippet the site publishes is validated against this schema at build time and in
 * the post-build tests; the JSON Schema published on the site is generated from it.
 */
import { z } from 'zod';
import { OPS } from './policy-text.ts';

export { policyToJson } from './policy-text.ts';

/** A test on one call argument. */
export const conditionSchema = z
	.strictObject({
		/** `args.<field>[.<field>…]`: the argument the condition reads. */
		path: z
			.string()
			.regex(/^args(\.[^.\s]+)+$/, { error: 'must be args.<field>[.<field>…]' })
			.describe('Argument path, args.<field>[.<field>…].'),
		/** Comparison operator. */
		op: z.enum(OPS).describe('Comparison operator.'),
		/** Value to compare with (a list for in/not_in, a boolean for exists). */
		value: z.unknown().describe('Value to compare with.'),
	})
	.superRefine((c, ctx) => {
		if ((c.op === 'in' || c.op === 'not_in') && !Array.isArray(c.value))
			ctx.addIssue({ code: 'custom', path: ['value'], message: `${c.op} takes a list` });
		if (c.op === 'exists' && typeof c.value !== 'boolean')
			ctx.addIssue({ code: 'custom', path: ['value'], message: 'exists takes a boolean' });
		if (c.op === 'regex' && typeof c.value !== 'string')
			ctx.addIssue({ code: 'custom', path: ['value'], message: 'regex takes a string' });
		if (['lt', 'lte', 'gt', 'gte'].includes(c.op) && typeof c.value !== 'number')
			ctx.addIssue({ code: 'custom', path: ['value'], message: `${c.op} takes a number` });
	})
	.describe('A condition on one call argument.');

/** A quota counted across calls. */
export const limitSchema = z
	.strictObject({
		/** Counter name, unique within its tool. */
		counter: z.string().min(1).describe('Counter name, unique within the tool.'),
		/** Calendar-aligned (UTC) window. */
		window: z.enum(['minute', 'hour', 'day']).describe('Calendar-aligned UTC window.'),
		/** Calls allowed per window. */
		max: z.int().positive().describe('Calls allowed per window.'),
		/** Only "grant" is documented. */
		scope: z.literal('grant').describe('What the counter is shared across (only "grant" is documented).'),
	})
	.describe('A call quota.');

/** Denies the call when every condition holds; no conditions means always denied (human approval). */
export const denyRuleSchema = z
	.strictObject({
		conditions: z.array(conditionSchema).describe('All must hold for the denial; empty = always denied.'),
		on_deny: z.string().min(1).describe('Message returned to the agent.'),
	})
	.describe('A denial rule.');

/** Rules for one tool. Under default "deny", `{}` allows the tool. */
export const toolRuleSchema = z
	.strictObject({
		require: z.array(conditionSchema).optional().describe('Conditions that must all hold, or the call is denied.'),
		deny_if: z.array(denyRuleSchema).optional().describe('Denial rules; the first that matches denies the call.'),
		limits: z.array(limitSchema).optional().describe('Quotas for this tool.'),
	})
	.superRefine((rule, ctx) => {
		const seen = new Set<string>();
		rule.limits?.forEach((l, i) => {
			if (seen.has(l.counter))
				ctx.addIssue({ code: 'custom', path: ['limits', i, 'counter'], message: `duplicate counter "${l.counter}"` });
			seen.add(l.counter);
		});
	})
	.describe('Rules for one tool.');

/** A whole policy document. */
export const policySchema = z
	.strictObject({
		version: z.literal('1').describe('Format version; only "1" exists.'),
		default: z.enum(['allow', 'deny']).describe('What happens to a tool not listed under tools.'),
		hide: z
			.array(z.string().min(1))
			.optional()
			.describe('Tools removed from tools/list and denied at call time; "*" hides every tool.'),
		all_tools: z
			.strictObject({ limits: z.array(limitSchema).optional() })
			.optional()
			.describe('Quotas counted across every call of the grant.'),
		tools: z.record(z.string().min(1), toolRuleSchema).optional().describe('Rules per tool name.'),
	})
	.describe('Policy Atlas / PolicyLayer gateway policy document, format version 1.');

export type Condition = z.infer<typeof conditionSchema>;
export type Limit = z.infer<typeof limitSchema>;
export type ToolRule = z.infer<typeof toolRuleSchema>;
export type Policy = z.infer<typeof policySchema>;
