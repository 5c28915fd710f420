/**
 * The server-page builder's logic without a browser: URL state round trips and stays short, stale links
 * lose only their tool changes, presets never loosen, and the browser's format registry is the build's.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.ts';
import { CATEGORIES, LEVELS } from '../../src/catalogue/schema.ts';
import type { Action } from '../../src/classify/types.ts';
import { planAction, RATE_LIMITS } from '../../src/policy/action.ts';
import { FORMATS } from '../../src/policy/formats/index.ts';
import { FORMAT_WRITERS } from '../../src/policy/formats/writers.ts';
import { serverPolicyForPlans } from '../../src/policy/recommend.ts';
import { policyToJson } from '../../src/policy/schema.ts';
import {
	ACTION_ORDER,
	applyPreset,
	type BuilderData,
	type BuilderTool,
	builderData,
	builderJson,
	capFor,
	formatServer,
	planOf,
	setActions,
	tighten,
} from '../../src/site/builder/model.ts';
import {
	ACTION_KEYS,
	type BuilderDefaults,
	decodeIndices,
	decodeState,
	encodeIndices,
	encodeState,
	fingerprint,
} from '../../src/site/builder/state.ts';
import { buildSiteModel } from '../../src/site/model.ts';

/** Every category × level pair as a tool, with the table's recommendation. */
const tools: BuilderTool[] = CATEGORIES.flatMap((c) =>
	LEVELS.map((l) => {
		const plan = planAction(c, l, []);
		return { n: `${c}_${l}`.toLowerCase(), c, l, a: plan.action, ...(plan.limit ? { m: plan.limit } : {}) };
	}),
);
const data: BuilderData = { slug: 'demo', fingerprint: fingerprint(tools.map((t) => t.n)), tools, guards: [] };
const defaults: BuilderDefaults = {
	formats: ['policy-json', 'codex'],
	serverName: data.slug,
	recommended: tools.map((t) => t.a),
	fingerprint: data.fingerprint,
};
const recommended = () => [...defaults.recommended];
const recommendedOf = (d: BuilderData) => d.tools.map((t) => t.a);

describe('index runs', () => {
	it('writes consecutive indices as base-36 ranges and reads them back', () => {
		expect(encodeIndices([0, 1, 2, 5, 40, 41])).toBe('0-2.5.14-15');
		expect(decodeIndices('0-2.5.14-15', 100)).toEqual([0, 1, 2, 5, 40, 41]);
	});

	it('skips malformed runs and indices past the tool list', () => {
		expect(decodeIndices('3.x!.-1.8-z', 10)).toEqual([3, 8, 9]);
		expect(decodeIndices('', 10)).toEqual([]);
	});
});

describe('URL state', () => {
	it('is empty for the defaults, so an untouched page keeps a clean address', () => {
		expect(encodeState({ format: 'policy-json', serverName: 'demo', actions: recommended() }, defaults)).toBe('');
	});

	it('round-trips format, server name and changed tools', () => {
		const actions = setActions(recommended(), [0, 1, 2, 7], 'hide');
		const state = { format: 'codex', serverName: 'my server', actions };
		const fragment = encodeState(state, defaults);
		expect(decodeState(`#${fragment}`, defaults)).toEqual({ state, stale: false });
		// Only changed tools are written, so the fragment stays short.
		expect(fragment.length).toBeLessThan(60);
	});

	it('keeps a link short when a bulk action changes most tools', () => {
		const indices = tools.map((_, i) => i);
		const fragment = encodeState(
			{ ...defaults, format: 'policy-json', actions: setActions(recommended(), indices, 'deny') },
			defaults,
		);
		expect(fragment).toMatch(/d=[0-9a-z.-]+/);
		expect(fragment.length).toBeLessThan(80);
	});

	it('drops tool changes made against another tool list, but keeps format and name', () => {
		const fragment = encodeState(
			{ format: 'codex', serverName: 'x', actions: setActions(recommended(), [0], 'hide') },
			defaults,
		);
		const other = { ...defaults, fingerprint: fingerprint(['renamed']) };
		const { state, stale } = decodeState(fragment, other);
		expect(stale).toBe(true);
		expect(state).toEqual({ format: 'codex', serverName: 'x', actions: recommended() });
	});

	it('falls back to the defaults for an unknown format and an empty name', () => {
		const { state } = decodeState('#f=nope&s=', defaults);
		expect(state.format).toBe('policy-json');
		expect(state.serverName).toBe('demo');
	});

	it('gives every action its own key', () => {
		expect(new Set(Object.values(ACTION_KEYS)).size).toBe(ACTION_ORDER.length);
	});
});

describe('choices', () => {
	it('keeps our cap when we recommended one, else caps by level', () => {
		const capped = tools.find((t) => t.m);
		expect(capped && capFor(capped)).toEqual(capped?.m);
		expect(capFor({ n: 'x', c: 'Write', l: 'Critical', a: 'approve' })).toEqual(RATE_LIMITS.High);
		expect(capFor({ n: 'x', c: 'Read', l: 'Low', a: 'allow' })).toEqual(RATE_LIMITS.ReadMedium);
		expect(planOf({ n: 'x', c: 'Write', l: 'Medium', a: 'approve' }, 'rate-limit').limit).toEqual(RATE_LIMITS.Medium);
	});

	it('tightens without ever loosening', () => {
		const start: Action[] = ['allow', 'hide', 'rate-limit', 'deny'];
		expect(tighten(start, [0, 1, 2, 3], 'approve')).toEqual(['approve', 'hide', 'approve', 'deny']);
	});

	it('denies every Destructive tool and approves High and above, leaving the rest', () => {
		const denied = applyPreset(data, recommended(), 'deny-destructive');
		tools.forEach((t, i) => {
			if (t.c === 'Destructive') expect(ACTION_ORDER.indexOf(denied[i] as Action)).toBeGreaterThanOrEqual(3);
			else expect(denied[i]).toBe(t.a);
		});
		const approved = applyPreset(data, recommended(), 'approve-high');
		tools.forEach((t, i) => {
			const high = t.l === 'High' || t.l === 'Critical';
			if (high) expect(ACTION_ORDER.indexOf(approved[i] as Action)).toBeGreaterThanOrEqual(2);
			else expect(approved[i]).toBe(t.a);
		});
	});
});

describe('formats in the browser', () => {
	it('uses the very writers the build registers, in the same order', () => {
		expect(FORMAT_WRITERS.map((w) => w.id)).toEqual(FORMATS.map((f) => f.id));
		FORMAT_WRITERS.forEach((writer, i) => {
			expect(FORMATS[i]?.serialise).toBe(writer.serialise);
			expect(FORMATS[i]?.forServer).toBe(writer.forServer);
		});
	});

	it('writes the recommended server policy byte for byte as the build does, and it validates', () => {
		const server = formatServer(data, data.slug, recommended());
		for (const format of FORMATS) expect(format.validate(format.serialise(format.forServer(server)))).toEqual([]);
		const policyJson = FORMATS.find((f) => f.id === 'policy-json');
		const expected = policyToJson(
			serverPolicyForPlans(tools.map((t) => ({ name: t.n, plan: planAction(t.c, t.l, []) }))),
		);
		expect(policyJson?.serialise(policyJson.forServer(server))).toBe(expected);
	});

	it('embeds JSON that no tool name can break out of', () => {
		const hostile = {
			...data,
			tools: [{ ...tools[0], n: '</script><script>alert(1)</script>\u200b\u202e' } as BuilderTool],
		};
		const json = builderJson(hostile);
		expect(json).not.toContain('<');
		expect(json).not.toMatch(/[\u200B\u202E]/u);
		expect((JSON.parse(json) as BuilderData).tools[0]?.n).toBe(hostile.tools[0]?.n);
	});

	it('gives every bundled server, guards included, the bytes of its published file in every format', () => {
		const model = buildSiteModel(loadCatalogue(join(import.meta.dirname, '..', '..', 'content', 'servers')), []);
		let shared = 0;
		for (const entry of model.servers) {
			const embedded = JSON.parse(builderJson(builderData(entry))) as BuilderData;
			const server = formatServer(embedded, embedded.slug, recommendedOf(embedded));
			expect(
				server.tools.map((t) => t.guards),
				entry.slug,
			).toEqual(entry.tools.map((t) => t.guards));
			for (const format of FORMATS)
				expect(format.serialise(format.forServer(server)), `${entry.slug} ${format.id}`).toBe(
					entry.formatFiles[format.id].text,
				);
			shared += entry.tools.reduce((n, t) => n + t.guards.length, 0) - embedded.guards.length;
		}
		// Shared guards are stored once: the bundled catalogue has tools that share a guard.
		expect(shared).toBeGreaterThan(0);
	}, 600_000);
});
