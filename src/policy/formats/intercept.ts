/**
 * Intercept (PolicyLayer's open-source MCP proxy): its YAML policy file. Intercept has real rate limits,
 * hiding and argument conditions, but its rule actions are only `evaluate` and `deny`, and an `evaluate`
 * rule allows the call when all its conditions hold (conditions are requirements, not deny triggers). So an
 * argument guard goes in as the conditions that must hold for the call to proceed, and a guard that RE2
 * cannot write that way is named in a comment instead of being written wrongly.
 */
import { Document, parse, Scalar, visit } from 'yaml';
import { z } from 'zod';
import { APPROVAL_MESSAGE, DENY_MESSAGE } from '../action.ts';
import { escapeHidden, OPS } from '../schema.ts';
import { FORMAT_MAPPING } from './mapping.ts';
import { downloadName, issueLines, tryParse } from './shared.ts';
import type { FormatDocument, FormatTool, PolicyFormat } from './types.ts';

/** Where a tool lands in Intercept. */
export type InterceptBucket = 'hide' | 'deny' | 'approval-deny' | 'rate-limit' | 'allow';

/** Rule names for the plan-derived rules, so a reader (and the tests) can tell them apart. */
export const RULE_NAMES = { deny: 'deny', approve: 'requires human approval', rateLimit: 'rate limit' } as const;

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

/** An Intercept policy file, as far as this site writes one. */
export const interceptSchema = z.strictObject({
	version: z.literal('1'),
	description: z.string().optional(),
	default: z.enum(['allow', 'deny']),
	hide: z.array(z.string().min(1)).optional(),
	tools: z.record(z.string().min(1), z.strictObject({ rules: z.array(ruleSchema) })).optional(),
});

/** The document this format writes. */
export type InterceptPolicy = z.infer<typeof interceptSchema>;
type InterceptRule = z.infer<typeof ruleSchema>;

/** Which bucket each of our actions lands in (the mapping table says why). */
export function interceptBucket(tool: Pick<FormatTool, 'plan'>): InterceptBucket {
	switch (tool.plan.action) {
		case 'hide':
			return 'hide';
		case 'deny':
			return 'deny';
		case 'approve':
			return 'approval-deny';
		case 'rate-limit':
			return 'rate-limit';
		case 'allow':
			return 'allow';
	}
}

/** The rules for one listed tool: the plan's rule, then one evaluate rule per guard check Intercept can hold. */
function toolRules(tool: FormatTool, warnings: string[]): InterceptRule[] {
	const { plan } = tool;
	if (plan.action === 'deny') return [{ name: RULE_NAMES.deny, action: 'deny', on_deny: DENY_MESSAGE }];
	if (plan.action === 'approve') return [{ name: RULE_NAMES.approve, action: 'deny', on_deny: APPROVAL_MESSAGE }];
	const rules: InterceptRule[] = [];
	if (plan.action === 'rate-limit' && plan.limit)
		rules.push({ name: RULE_NAMES.rateLimit, rate_limit: `${plan.limit.max}/${plan.limit.window}` });
	for (const guard of tool.guards) {
		for (const [i, check] of guard.checks.entries()) {
			if (!check.allowWhen) {
				warnings.push(
					`${tool.name}: the ${guard.kind} guard's check ${i + 1} on args.${guard.param} is not written here: Intercept allows only when conditions hold, and RE2 cannot write its complement (use policy.json for it).`,
				);
				continue;
			}
			rules.push({
				name: `${guard.kind} guard on ${guard.param} (${i + 1})`,
				conditions: check.allowWhen.map((c) => ({ path: c.path, op: c.op, value: c.value })),
				on_deny: check.onDeny,
			});
		}
	}
	if (rules.some((r) => r.conditions))
		warnings.push(
			`${tool.name}: a guarded argument that is missing fails its condition, so Intercept denies calls that omit it.`,
		);
	return rules;
}

function build(serverName: string, tools: readonly FormatTool[]): FormatDocument<InterceptPolicy> {
	const warnings: string[] = [];
	const hide: string[] = [];
	const listed: NonNullable<InterceptPolicy['tools']> = {};
	for (const tool of tools) {
		if (tool.name === '*') {
			warnings.push(
				'A tool named "*" is left out: Intercept reads "*" as every tool. Under default: deny it is denied.',
			);
			continue;
		}
		if (tool.plan.action === 'hide') hide.push(tool.name);
		else listed[tool.name] = { rules: toolRules(tool, warnings) };
	}
	if (tools.some((t) => t.plan.action === 'approve'))
		warnings.push(`Tools that require approval: ${FORMAT_MAPPING.intercept.approve.note}`);
	const value: InterceptPolicy = {
		version: '1',
		description: `Policy Atlas recommendation for ${serverName}`,
		default: 'deny',
	};
	if (hide.length > 0) value.hide = hide;
	if (Object.keys(listed).length > 0) value.tools = listed;
	return { value, warnings };
}

/** The Intercept format. */
export const interceptFormat: PolicyFormat<InterceptPolicy> = {
	id: 'intercept',
	label: 'Intercept',
	fileName: downloadName('intercept.yaml'),
	mediaType: 'application/yaml',
	shikiLang: 'yaml',
	forTool: (tool, serverName) => build(serverName, [tool]),
	forServer: (server) => build(server.name, server.tools),
	serialise(doc) {
		const yaml = new Document(doc.value);
		// Names with anything beyond printable ASCII are double-quoted so the escapes below stay valid YAML.
		visit(yaml, {
			Scalar(_, node: Scalar) {
				if (typeof node.value === 'string' && /[^\x20-\x7e]/.test(node.value)) node.type = Scalar.QUOTE_DOUBLE;
			},
		});
		const comments = doc.warnings.map((w) => `# ${w}`).join('\n');
		const body = yaml.toString({ lineWidth: 0 });
		return escapeHidden(comments ? `${comments}\n${body}` : body);
	},
	validate(text) {
		const parsed = tryParse(() => parse(text) as unknown);
		if ('error' in parsed) return [`not YAML: ${parsed.error}`];
		const result = interceptSchema.safeParse(parsed.value);
		return result.success ? [] : issueLines(result.error.issues);
	},
};
