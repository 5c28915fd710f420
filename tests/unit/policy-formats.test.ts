/**
 * Every format's server file for every bundled server parses with a real parser of that format and, where
 * the client publishes one, validates against the client's own JSON Schema (read from
 * ../shared/reference/schemas/, never copied into the repository). A property test checks that each tool
 * lands in exactly one bucket of each format and that the bucket matches its action.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { parse as parseToml } from 'smol-toml';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadCatalogue } from '../../src/catalogue/load.ts';
import type { Action } from '../../src/classify/types.ts';
import { evaluateCall, holds } from '../../src/policy/evaluate.ts';
import { CLAUDE_BUCKET, type ClaudeSettings, claudeRule } from '../../src/policy/formats/claude-code.ts';
import { CODEX_BUCKET, type CodexConfig } from '../../src/policy/formats/codex.ts';
import { FORMAT_MAPPING, FORMATS, formatById } from '../../src/policy/formats/index.ts';
import { type InterceptPolicy, RULE_NAMES } from '../../src/policy/formats/intercept.ts';
import { interceptSchema } from '../../src/policy/formats/intercept.validate.ts';
import type { FormatServer, FormatTool } from '../../src/policy/formats/types.ts';
import { guardsFor } from '../../src/policy/guards.ts';
import { policySchema } from '../../src/policy/schema.ts';
import { buildSiteModel, formatServer, type SiteModel } from '../../src/site/model.ts';

/** Third-party client schemas beside the repo; $ATLAS_CLIENT_SCHEMAS overrides. */
const SCHEMA_DIR =
	process.env.ATLAS_CLIENT_SCHEMAS ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'reference', 'schemas');
const haveSchemas = existsSync(SCHEMA_DIR);
if (!haveSchemas) console.warn(`policy-formats: ${SCHEMA_DIR} is missing; client-schema checks are SKIPPED`);

function schemaValidator(file: string): ValidateFunction {
	const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
	return ajv.compile(JSON.parse(readFileSync(join(SCHEMA_DIR, file), 'utf8')) as object);
}

const plan = (action: Action): FormatTool['plan'] =>
	action === 'rate-limit'
		? { action, limit: { max: 10, window: 'minute' }, rule: 'test', because: 'test' }
		: { action, rule: 'test', because: 'test' };
const ACTIONS: readonly Action[] = ['allow', 'rate-limit', 'approve', 'deny', 'hide'];

/** Whole-catalogue tests run long on a loaded machine. */
const SLOW = 120_000;

let model: SiteModel;
let servers: FormatServer[];
beforeAll(() => {
	model = buildSiteModel(loadCatalogue(join(import.meta.dirname, '..', '..', 'content', 'servers')), []);
	servers = model.servers.map(formatServer);
}, 600_000);

describe('server files of every bundled server', { timeout: SLOW }, () => {
	it('parse, and pass each format’s own validation', () => {
		for (const server of servers)
			for (const format of FORMATS) {
				const text = format.serialise(format.forServer(server));
				expect(format.validate(text), `${format.id} ${server.name}`).toEqual([]);
			}
	});

	it('policy.json is the file the site has always published', () => {
		for (const entry of model.servers) {
			const text = entry.formatFiles['policy-json'].text;
			expect(text).toBe(entry.policyJson);
			expect(policySchema.safeParse(JSON.parse(text)).success).toBe(true);
		}
	});

	it.skipIf(!haveSchemas)('Claude Code files validate against SchemaStore’s settings.json schema', () => {
		const validate = schemaValidator('claude-code-settings.schema.json');
		for (const entry of model.servers) {
			const value = JSON.parse(entry.formatFiles['claude-code'].text) as unknown;
			expect(validate(value), `${entry.slug}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
		}
	});

	it.skipIf(!haveSchemas)('Codex files validate against Codex’s config.toml schema', () => {
		const validate = schemaValidator('codex-config.schema.json');
		for (const entry of model.servers) {
			const value = parseToml(entry.formatFiles.codex.text);
			expect(validate(value), `${entry.slug}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
		}
	});

	it('Intercept files parse as YAML into Intercept’s config shape', () => {
		for (const entry of model.servers) {
			const result = interceptSchema.safeParse(parseYaml(entry.formatFiles.intercept.text));
			expect(result.success, entry.slug).toBe(true);
		}
	});

	it('the client-schema checks reject a wrong key (so they can fail)', () => {
		if (!haveSchemas) return;
		expect(
			schemaValidator('codex-config.schema.json')({ mcp_servers: { s: { tools: { t: { approval_mode: 'ask' } } } } }),
		).toBe(false);
		expect(schemaValidator('claude-code-settings.schema.json')({ permissions: { prompt: ['mcp__s__t'] } })).toBe(false);
	});
});

/** Parses each format's server file once; returns where one tool landed in each. */
function bucketsOf(server: FormatServer): (tool: FormatTool) => Record<string, string[]> {
	const text = (id: 'claude-code' | 'codex' | 'intercept') =>
		formatById(id).serialise(formatById(id).forServer(server));
	const claude = JSON.parse(text('claude-code')) as ClaudeSettings;
	const table = (parseToml(text('codex')) as unknown as CodexConfig).mcp_servers[server.name] ?? {};
	const intercept = parseYaml(text('intercept')) as InterceptPolicy;
	return (tool) => {
		const found: Record<string, string[]> = {};
		const rule = claudeRule(server.name, tool.name);
		found['claude-code'] = (['allow', 'ask', 'deny'] as const).filter((b) => claude.permissions[b]?.includes(rule));
		found.codex = [
			...(table.disabled_tools?.includes(tool.name) ? ['disabled'] : []),
			...(table.tools?.[tool.name] ? [table.tools[tool.name]?.approval_mode as string] : []),
		];
		if (table.tools?.[tool.name]) expect(table.enabled_tools).toContain(tool.name);
		const rules = intercept.tools?.[tool.name]?.rules;
		const planRule = rules?.find((r) => r.action === 'deny' || r.rate_limit);
		found.intercept = [
			...(intercept.hide?.includes(tool.name) ? ['hide'] : []),
			...(rules
				? [
						planRule?.rate_limit
							? 'rate-limit'
							: planRule?.name === RULE_NAMES.approve
								? 'approval-deny'
								: planRule
									? 'deny'
									: 'allow',
					]
				: []),
		];
		return found;
	};
}

describe('buckets', { timeout: SLOW }, () => {
	const INTERCEPT_BUCKET: Record<Action, string> = {
		allow: 'allow',
		'rate-limit': 'rate-limit',
		approve: 'approval-deny',
		deny: 'deny',
		hide: 'hide',
	};
	it('every tool of every bundled server lands in exactly one bucket per format, matching its action', () => {
		for (const server of servers) {
			const buckets = bucketsOf(server);
			const rules = new Map<string, number>();
			for (const t of server.tools)
				rules.set(claudeRule(server.name, t.name), (rules.get(claudeRule(server.name, t.name)) ?? 0) + 1);
			for (const tool of server.tools) {
				const b = buckets(tool);
				if (rules.get(claudeRule(server.name, tool.name)) === 1)
					expect(b['claude-code'], tool.name).toEqual([CLAUDE_BUCKET[tool.plan.action]]);
				expect(b.codex, tool.name).toEqual([CODEX_BUCKET[tool.plan.action]]);
				if (tool.name !== '*') expect(b.intercept, tool.name).toEqual([INTERCEPT_BUCKET[tool.plan.action]]);
			}
		}
	});

	it('follows a change of one action in every format (as the builder does)', () => {
		for (const action of ACTIONS) {
			const tools = ACTIONS.map((a, i) => ({ name: `tool_${i}`, plan: plan(a), guards: [] }));
			const changed = { ...tools[0], plan: plan(action) } as FormatTool;
			const server: FormatServer = { name: 'srv', tools: [changed, ...tools.slice(1)] };
			const buckets = bucketsOf(server);
			for (const tool of server.tools) {
				const b = buckets(tool);
				expect(b['claude-code']).toEqual([CLAUDE_BUCKET[tool.plan.action]]);
				expect(b.codex).toEqual([CODEX_BUCKET[tool.plan.action]]);
				expect(b.intercept).toEqual([INTERCEPT_BUCKET[tool.plan.action]]);
			}
		}
	});

	it('policy.json does what each action says', () => {
		for (const action of ACTIONS) {
			const policy = JSON.parse(
				formatById('policy-json').serialise(
					formatById('policy-json').forTool({ name: 't', plan: plan(action), guards: [] }, 's'),
				),
			);
			const verdict = evaluateCall(policy, { tool: 't', args: {} });
			expect(verdict.allowed, action).toBe(action === 'allow' || action === 'rate-limit');
		}
	});
});

describe('names a client would reject or rewrite', () => {
	const tool: FormatTool = { name: 'get.thing', plan: plan('allow'), guards: [] };
	it('Claude Code rules use Claude Code’s own spelling and say so', () => {
		const doc = formatById('claude-code').forServer({ name: 'my.server', tools: [tool] });
		expect((doc.value as ClaudeSettings).permissions.allow).toEqual(['mcp__my_server__get_thing']);
		expect(doc.warnings.join(' ')).toContain('my_server');
	});
	it('Codex warns in a comment about a server name it refuses, and keeps the raw tool name', () => {
		const format = formatById('codex');
		const text = format.serialise(format.forServer({ name: 'my.server', tools: [tool] }));
		expect(text).toMatch(/^# .*Codex refuses to start a server named "my\.server"/m);
		expect(text).toContain('"get.thing"');
		expect(format.validate(text)).not.toEqual([]);
	});
	it('Intercept never writes a tool named "*"', () => {
		const format = formatById('intercept');
		const text = format.serialise(
			format.forServer({ name: 's', tools: [{ name: '*', plan: plan('allow'), guards: [] }] }),
		);
		expect((parseYaml(text) as InterceptPolicy).tools).toBeUndefined();
		expect(text).toMatch(/^# A tool named "\*" is left out/m);
	});
	it('rate limits in clients without one become approval, and say the cap is not enforced', () => {
		const capped: FormatTool = { name: 't', plan: plan('rate-limit'), guards: [] };
		for (const id of ['claude-code', 'codex'] as const) {
			expect(
				formatById(id)
					.forServer({ name: 's', tools: [capped] })
					.warnings.join(' '),
			).toMatch(/not enforced/);
			expect(FORMAT_MAPPING[id]['rate-limit'].fidelity).toBe('closest-safe');
		}
		expect(formatById('codex').serialise(formatById('codex').forTool(capped, 's'))).toMatch(/^# .*not enforced/m);
	});
});

describe('argument guards in Intercept', () => {
	const fetch: FormatTool = {
		name: 'fetch',
		plan: plan('allow'),
		guards: guardsFor({
			name: 'fetch',
			inputSchema: { type: 'object', properties: { url: { type: 'string' }, path: { type: 'string' } } },
		}),
	};
	const doc = formatById('intercept').forTool(fetch, 's');
	const value = doc.value as InterceptPolicy;
	it('are written as the conditions that must hold, and a check RE2 cannot invert is named instead', () => {
		const rules = value.tools?.fetch?.rules ?? [];
		expect(rules.length).toBeGreaterThan(0);
		expect(rules.every((r) => r.conditions?.length)).toBe(true);
		expect(doc.warnings.join(' ')).toMatch(/url guard's check 2 .* not written here/);
	});
	it('never let through a value that policy.json denies', () => {
		const policy = JSON.parse(formatById('policy-json').serialise(formatById('policy-json').forTool(fetch, 's')));
		const rules = value.tools?.fetch?.rules ?? [];
		const samples = [
			'https://a.example/x',
			'file:///etc/passwd',
			'HTTP://A.example',
			'/ALLOWED/ROOT/a',
			'/ALLOWED/ROOT/../x',
			'/ALLOWED/ROOT/%2e%2e/x',
			'/tmp/x',
			'a..b',
		];
		for (const url of samples)
			for (const path of samples) {
				const args = { url, path };
				const interceptAllows = rules.every((r) => (r.conditions ?? []).every((c) => holds(c as never, args)));
				if (interceptAllows)
					expect(evaluateCall(policy, { tool: 'fetch', args }).allowed, JSON.stringify(args)).toBe(true);
			}
	});
});
