import { describe, expect, it } from 'vitest';
import type { Category, Level } from '../../src/catalogue/schema.ts';
import { CATEGORIES, LEVELS } from '../../src/catalogue/schema.ts';
import type { Decision, IntegrityFinding } from '../../src/classify/types.ts';
import {
	ACTIONS,
	APPROVAL_MESSAGE,
	actionLabel,
	DENY_MESSAGE,
	describeToolEffect,
	POLICY_RULES,
	planAction,
} from '../../src/policy/action.ts';
import { evaluateCall, holds, visibleTools } from '../../src/policy/evaluate.ts';
import { policyJsonSchema } from '../../src/policy/json-schema.ts';
import { counterName, recommendPolicy, serverPolicy } from '../../src/policy/recommend.ts';
import { type Policy, policySchema, policyToJson } from '../../src/policy/schema.ts';

const finding = (severity: 'high' | 'medium'): IntegrityFinding => ({
	signal: 'test',
	field: 'description',
	match: 'x',
	severity,
	why: 'test',
});

/** A decision with only the fields the policy generator reads filled in meaningfully. */
function decision(category: Category, level: Level, integrity: IntegrityFinding[] = []): Decision {
	const d = (value: boolean) => ({ value, declared: false });
	return {
		category,
		level,
		action: planAction(category, level, integrity).action,
		confidence: 'high',
		evidence: [],
		traits: [],
		integrity,
		annotations: { readOnlyHint: d(false), destructiveHint: d(true), idempotentHint: d(false), openWorldHint: d(true) },
		contradictions: [],
		rulesetVersion: 'test',
	};
}

describe('recommendPolicy matches the anchor for the seed labels', () => {
	it('Execute/High is rate-limited to 10 a minute', () => {
		expect(
			JSON.parse(policyToJson(recommendPolicy(decision('Execute', 'High'), 'ip_control_drop_connections'))),
		).toEqual({
			version: '1',
			default: 'deny',
			tools: {
				ip_control_drop_connections: {
					limits: [{ counter: 'ip_control_drop_connections_rate', window: 'minute', max: 10, scope: 'grant' }],
				},
			},
		});
	});
	it('Write/Medium is rate-limited to 30 a minute', () => {
		const p = recommendPolicy(decision('Write', 'Medium'), 'add_firewall_rule');
		expect(p.tools?.add_firewall_rule?.limits?.[0]).toMatchObject({ max: 30, window: 'minute' });
	});
	it('Destructive/Critical is hidden', () => {
		expect(recommendPolicy(decision('Destructive', 'Critical'), 'destroy_connection')).toEqual({
			version: '1',
			default: 'deny',
			hide: ['destroy_connection'],
		});
	});
	it('Financial/Critical requires approval', () => {
		expect(recommendPolicy(decision('Financial', 'Critical'), 'create_charge').tools?.create_charge).toEqual({
			deny_if: [{ conditions: [], on_deny: APPROVAL_MESSAGE }],
		});
	});
});

describe('every label yields a valid policy whose described effect holds under evaluation', () => {
	const cases = CATEGORIES.flatMap((c) => LEVELS.map((l) => [c, l] as const));
	it.each(cases)('%s / %s', (category, level) => {
		const name = 'Tool_X';
		const dec = decision(category, level);
		const policy = recommendPolicy(dec, name);
		expect(policySchema.safeParse(JSON.parse(policyToJson(policy))).success).toBe(true);
		const plan = planAction(category, level, []);
		const effect = describeToolEffect(name, plan);
		const now = new Date('2026-11-22T10:15:30Z');
		const state = new Map<string, number>();
		// Default deny: another tool of the server is always refused.
		expect(evaluateCall(policy, { tool: 'other_tool' }, state, now)).toMatchObject({
			allowed: false,
			reason: 'not-listed',
		});
		switch (plan.action) {
			case 'hide':
				expect(effect).toMatch(/disappears from the agent's tool list/);
				expect(visibleTools(policy, [name, 'other_tool'])).toEqual(['other_tool']);
				expect(evaluateCall(policy, { tool: name }, state, now)).toMatchObject({ allowed: false, reason: 'hidden' });
				break;
			case 'deny':
				expect(effect).toContain(DENY_MESSAGE);
				expect(visibleTools(policy, [name])).toEqual([name]);
				expect(evaluateCall(policy, { tool: name }, state, now)).toEqual({
					allowed: false,
					reason: 'deny_if',
					message: DENY_MESSAGE,
				});
				break;
			case 'approve':
				expect(effect).toContain(APPROVAL_MESSAGE);
				expect(evaluateCall(policy, { tool: name }, state, now)).toEqual({
					allowed: false,
					reason: 'deny_if',
					message: APPROVAL_MESSAGE,
				});
				break;
			case 'rate-limit': {
				const max = plan.limit?.max as number;
				expect(effect).toContain(`capped at ${max} calls a minute`);
				for (let i = 0; i < max; i++) expect(evaluateCall(policy, { tool: name }, state, now).allowed).toBe(true);
				expect(evaluateCall(policy, { tool: name }, state, now)).toMatchObject({ allowed: false, reason: 'limit' });
				// Calendar-aligned: the next minute starts a fresh window.
				expect(evaluateCall(policy, { tool: name }, state, new Date('2026-11-22T10:16:00Z')).allowed).toBe(true);
				break;
			}
			case 'allow':
				expect(effect).toMatch(/allowed without limits/);
				for (let i = 0; i < 500; i++) expect(evaluateCall(policy, { tool: name }, state, now).allowed).toBe(true);
				break;
		}
	});
});

describe('planAction', () => {
	it('hides any tool with a high-severity integrity finding, whatever its label', () => {
		for (const c of CATEGORIES) for (const l of LEVELS) expect(planAction(c, l, [finding('high')]).action).toBe('hide');
	});
	it('never leaves a tool with a medium finding uncapped', () => {
		expect(planAction('Read', 'Low', [finding('medium')]).action).toBe('rate-limit');
	});
	it.each([
		['Read', 'Low', 'high', 'P-integrity', 'Hide'],
		['Destructive', 'Critical', undefined, 'P-critical-destructive', 'Hide'],
		['Execute', 'Critical', undefined, 'P-critical-execute', 'Deny'],
		['Financial', 'Critical', undefined, 'P-critical-approve', 'Require approval'],
		['Execute', 'High', undefined, 'P-high-execute', 'Rate-limit 10/minute'],
		['Write', 'High', undefined, 'P-high-approve', 'Require approval'],
		['Financial', 'Medium', undefined, 'P-financial', 'Require approval'],
		['Read', 'Medium', undefined, 'P-medium-read', 'Rate-limit 60/minute'],
		['Write', 'Medium', undefined, 'P-medium', 'Rate-limit 30/minute'],
		['Read', 'Low', 'medium', 'P-integrity-review', 'Rate-limit 60/minute'],
		['Read', 'Low', undefined, 'P-low', 'Allow'],
	] as const)('%s / %s (finding: %s) → %s, %s', (category, level, severity, rule, label) => {
		const plan = planAction(category, level, severity ? [finding(severity)] : []);
		expect(plan.rule).toBe(rule);
		expect(actionLabel(plan)).toBe(label);
	});
	it('reaches every row of the table the methodology page prints (none is shadowed by an earlier one)', () => {
		const reached = new Set<string>();
		for (const c of CATEGORIES)
			for (const l of LEVELS)
				for (const integrity of [[], [finding('medium')], [finding('high')]])
					reached.add(planAction(c, l, integrity).rule);
		expect([...reached].sort()).toEqual(POLICY_RULES.map((r) => r.id).sort());
	});
	it('gives a rate limit to exactly the rate-limit rows', () => {
		for (const r of POLICY_RULES) expect(r.limit !== undefined, r.id).toBe(r.action === 'rate-limit');
	});
	it('names every action distinctly', () => {
		const labels = Object.values(ACTIONS).map((a) => a.label(undefined));
		expect(new Set(labels).size).toBe(labels.length);
	});
});

describe('serverPolicy', () => {
	it('combines every tool, using exactly each tool page rule', () => {
		const tools = [
			{ name: 'list_things', decision: decision('Read', 'Low') },
			{ name: 'drop_db', decision: decision('Destructive', 'Critical') },
			{ name: 'run_job', decision: decision('Execute', 'High') },
			{ name: 'pay', decision: decision('Financial', 'Critical') },
		];
		const server = serverPolicy(tools);
		expect(server.hide).toEqual(['drop_db']);
		expect(Object.keys(server.tools ?? {})).toEqual(['list_things', 'run_job', 'pay']);
		for (const t of tools) {
			const single = recommendPolicy(t.decision, t.name);
			if (single.hide) expect(server.hide).toContain(t.name);
			else expect(server.tools?.[t.name]).toEqual(single.tools?.[t.name]);
		}
	});
	it('lowercases counter names', () => {
		expect(counterName('Run_Job')).toBe('run_job_rate');
	});
});

describe('policy schema', () => {
	const base: Policy = { version: '1', default: 'deny' };
	it.each([
		['wrong version', { ...base, version: '2' }, 'version'],
		['unknown top-level key', { ...base, rate_limit: 1 }, ''],
		[
			'bad window',
			{ ...base, tools: { x: { limits: [{ counter: 'c', window: 60, max: 1, scope: 'grant' }] } } },
			'tools.x.limits.0.window',
		],
		[
			'zero max',
			{ ...base, tools: { x: { limits: [{ counter: 'c', window: 'minute', max: 0, scope: 'grant' }] } } },
			'tools.x.limits.0.max',
		],
		[
			'duplicate counters',
			{
				...base,
				tools: {
					x: {
						limits: [
							{ counter: 'c', window: 'minute', max: 1, scope: 'grant' },
							{ counter: 'c', window: 'hour', max: 1, scope: 'grant' },
						],
					},
				},
			},
			'tools.x.limits.1.counter',
		],
		['legacy action syntax', { ...base, tools: { x: { action: 'deny', reason: 'no' } } }, 'tools.x'],
		[
			'bad condition path',
			{ ...base, tools: { x: { deny_if: [{ conditions: [{ path: 'amount', op: 'gt', value: 1 }], on_deny: 'no' }] } } },
			'tools.x.deny_if.0.conditions.0.path',
		],
		[
			'in without a list',
			{ ...base, tools: { x: { require: [{ path: 'args.a', op: 'in', value: 'x' }] } } },
			'tools.x.require.0.value',
		],
	])('rejects %s', (_label, data, path) => {
		const result = policySchema.safeParse(data);
		expect(result.success).toBe(false);
		expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(path);
	});

	it('publishes a JSON Schema with the documented top-level fields', () => {
		const schema = policyJsonSchema() as { properties: Record<string, unknown>; required: string[] };
		expect(Object.keys(schema.properties).sort()).toEqual(['all_tools', 'default', 'hide', 'tools', 'version']);
		expect(schema.required.sort()).toEqual(['default', 'version']);
	});

	it('writes hidden characters in names as escapes that parse back to the same name', () => {
		for (const name of ['read\u200Bnotes', 'tag\u{E0041}x', 'rtl\u202Eevil']) {
			const json = policyToJson({ version: '1', default: 'deny', hide: [name] });
			expect(json).not.toMatch(/[\u200B\u202E]|\u{E0041}/u);
			expect(json).toMatch(/\\u(200b|db40\\udc41|202e)/);
			expect(JSON.parse(json).hide).toEqual([name]);
		}
	});

	it('serialises with a fixed key order', () => {
		const a = policyToJson({ tools: { t: {} }, default: 'deny', version: '1' } as Policy);
		expect(a.indexOf('"version"')).toBeLessThan(a.indexOf('"default"'));
		expect(a.indexOf('"default"')).toBeLessThan(a.indexOf('"tools"'));
	});
});

describe('condition semantics', () => {
	const args = { amount: 50, currency: 'usd', tags: ['a', 'b'], nested: { to: 'x@y.z' } };
	it.each([
		[{ path: 'args.amount', op: 'gt', value: 10 }, true],
		[{ path: 'args.amount', op: 'lte', value: 10 }, false],
		[{ path: 'args.amount', op: 'eq', value: '50' }, true],
		[{ path: 'args.currency', op: 'in', value: ['usd', 'eur'] }, true],
		[{ path: 'args.currency', op: 'not_in', value: ['usd'] }, false],
		[{ path: 'args.tags', op: 'contains', value: 'b' }, true],
		[{ path: 'args.nested.to', op: 'regex', value: '@y\\.z$' }, true],
		[{ path: 'args.missing', op: 'exists', value: false }, true],
		[{ path: 'args.missing', op: 'eq', value: 'x' }, false],
		[{ path: 'args.currency', op: 'gt', value: 1 }, false],
	] as const)('%j → %s', (condition, expected) => {
		expect(holds(condition as never, args)).toBe(expected);
	});

	it('denies when every deny_if condition holds, and enforces require', () => {
		const policy: Policy = {
			version: '1',
			default: 'deny',
			tools: {
				pay: {
					deny_if: [{ conditions: [{ path: 'args.amount', op: 'gt', value: 100 }], on_deny: 'too much' }],
					require: [{ path: 'args.currency', op: 'eq', value: 'usd' }],
				},
			},
		};
		expect(evaluateCall(policy, { tool: 'pay', args: { amount: 500, currency: 'usd' } })).toMatchObject({
			allowed: false,
			message: 'too much',
		});
		expect(evaluateCall(policy, { tool: 'pay', args: { amount: 5, currency: 'eur' } })).toMatchObject({
			allowed: false,
			reason: 'require',
		});
		expect(evaluateCall(policy, { tool: 'pay', args: { amount: 5, currency: 'usd' } })).toEqual({ allowed: true });
	});
});
