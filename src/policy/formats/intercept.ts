/**
 * Intercept (PolicyLayer's open-source MCP proxy): its YAML policy file. Intercept has real rate limits,
 * hiding and argument conditions, but its rule actions are only `evaluate` and `deny`, and an `evaluate`
 * rule allows the call when all its conditions hold (conditions are requirements, not deny triggers). So an
 * argument guard goes in as the conditions that must hold for the call to proceed, and a guard that RE2
 * cannot write that way is named in a comment instead of being written wrongly.
 */
import { APPROVAL_MESSAGE, DENY_MESSAGE } from '../action.ts';
import { escapeHidden } from '../policy-text.ts';
import type { Condition } from '../schema.ts';
import { FORMAT_MAPPING } from './mapping.ts';
import { downloadName } from './shared.ts';
import type { FormatDocument, FormatTool, FormatWriter } from './types.ts';
import { yamlText } from './yaml-text.ts';

/** Rule names for the plan-derived rules, so a reader (and the tests) can tell them apart. */
export const RULE_NAMES = { deny: 'deny', approve: 'requires human approval', rateLimit: 'rate limit' } as const;

/** One rule of an Intercept tool; `intercept.validate.ts` holds the config checks Intercept applies. */
export interface InterceptRule {
	name?: string;
	action?: 'evaluate' | 'deny';
	/** `<n>/minute|hour|day`. */
	rate_limit?: string;
	conditions?: Condition[];
	on_deny?: string;
}

/** An Intercept policy file, as far as this site writes one. */
export interface InterceptPolicy {
	version: '1';
	description?: string;
	default: 'allow' | 'deny';
	hide?: string[];
	tools?: Record<string, { rules: InterceptRule[] }>;
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

/** The Intercept writer; `intercept.validate.ts` checks its text. */
export const interceptWriter: FormatWriter<InterceptPolicy> = {
	id: 'intercept',
	label: 'Intercept',
	fileName: downloadName('intercept.yaml'),
	mediaType: 'application/yaml',
	shikiLang: 'yaml',
	forTool: (tool, serverName) => build(serverName, [tool]),
	forServer: (server) => build(server.name, server.tools),
	serialise(doc) {
		// yamlText quotes every string beyond printable ASCII, so the escapes below stay valid YAML.
		const comments = doc.warnings.map((w) => `# ${w}\n`).join('');
		return escapeHidden(comments + yamlText(doc.value));
	},
};
