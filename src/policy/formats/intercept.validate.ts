/**
 * Checks Intercept policy text: a YAML parse (the `yaml` package, too big for the browser builder), then
 * the rules Intercept's own config validation applies.
 */
import { parse } from 'yaml';
import { z } from 'zod';
import { OPS } from '../policy-text.ts';
import { issueLines, tryParse } from './shared.ts';

const conditionSchema = z.strictObject({
	path: z.string().regex(/^args(\.[^.\s]+)+$/),
	op: z.enum(OPS),
	value: z.unknown(),
});

/** One rule, as Intercept's config validation accepts it. */
const ruleSchema = z
	.strictObject({
		name: z.string().min(1).optional(),
		action: z.enum(['evaluate', 'deny']).optional(),
		rate_limit: z
			.string()
			.regex(/^[1-9][0-9]*\/(minute|hour|day)$/)
			.optional(),
		conditions: z.array(conditionSchema).optional(),
		on_deny: z.string().optional(),
	})
	.superRefine((rule, ctx) => {
		const issue = (message: string) => ctx.addIssue({ code: 'custom', message });
		if (rule.rate_limit !== undefined) {
			if (rule.conditions || rule.action === 'deny') issue('rate_limit cannot be combined with conditions or deny');
			return;
		}
		if (!rule.name) issue('every rule needs a name');
		if (rule.action === 'deny' && rule.conditions?.length) issue('deny rules must not have conditions');
		if (rule.action !== 'deny' && !rule.conditions?.length) issue('evaluate rules need at least one condition');
		for (const c of rule.conditions ?? []) {
			if (c.op !== 'regex') continue;
			// Intercept compiles patterns with Go's RE2: no lookaround, no backreferences.
			if (typeof c.value !== 'string' || /\(\?[=!<]|\\[1-9]/.test(c.value)) issue(`${c.path}: not an RE2 pattern`);
		}
	});

/** An Intercept policy file, as Intercept's config validation accepts it. */
export const interceptSchema = z.strictObject({
	version: z.literal('1'),
	description: z.string().optional(),
	default: z.enum(['allow', 'deny']),
	hide: z.array(z.string().min(1)).optional(),
	tools: z.record(z.string().min(1), z.strictObject({ rules: z.array(ruleSchema) })).optional(),
});

/** The problems in an Intercept policy text; none when it parses and Intercept would accept it. */
export function validateIntercept(text: string): string[] {
	const parsed = tryParse(() => parse(text) as unknown);
	if ('error' in parsed) return [`not YAML: ${parsed.error}`];
	const result = interceptSchema.safeParse(parsed.value);
	return result.success ? [] : issueLines(result.error.issues);
}
