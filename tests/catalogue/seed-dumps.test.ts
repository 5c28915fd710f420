/**
 * The classifier over third-party tools/list dumps kept beside the repository (../shared/seed-servers): every
 * tool gets evidence and a rationale, schema key order changes nothing, and the seed tools keep their labels.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Tool } from '../../src/catalogue/schema.ts';
import { classify, type Decision, rationale } from '../../src/classify/index.ts';
import { RULE_IDS } from '../../src/classify/rules.ts';

const label = (d: Decision): string => `${d.category}/${d.level}`;

/** Third-party tools/list dumps beside the repo (never copied into it); $ATLAS_SEED_SERVERS overrides. */
const SEED_DIR =
	process.env.ATLAS_SEED_SERVERS ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'seed-servers');

describe('seed server dumps', () => {
	interface Dump {
		server: { slug: string; name: string };
		tools: (Omit<Tool, 'annotations'> & { annotations?: Tool['annotations'] | null })[];
	}
	const load = (): Dump[] =>
		readdirSync(SEED_DIR)
			.filter((f) => f.endsWith('.json'))
			.sort()
			.map((f) => JSON.parse(readFileSync(join(SEED_DIR, f), 'utf8')) as Dump);
	const ruleIds = new Set<string>(RULE_IDS);

	it.skipIf(!existsSync(SEED_DIR))('classifies every dumped tool with evidence and a rationale', () => {
		let count = 0;
		for (const dump of load()) {
			for (const raw of dump.tools) {
				const { annotations, ...rest } = raw;
				const t: Tool = { ...rest, ...(annotations ? { annotations } : {}) };
				const d = classify(t, dump.server);
				expect(d.evidence.length).toBeGreaterThan(0);
				for (const e of d.evidence) expect(ruleIds.has(e.rule)).toBe(true);
				expect(rationale(d, t.name).length).toBeGreaterThan(0);
				count++;
			}
		}
		expect(count).toBeGreaterThan(0);
	});

	it.skipIf(!existsSync(SEED_DIR))("gives identical decisions with every schema's keys in reverse order", () => {
		const reversed = (v: unknown): unknown => {
			if (Array.isArray(v)) return v.map(reversed);
			if (typeof v !== 'object' || v === null) return v;
			return Object.fromEntries(
				Object.keys(v)
					.reverse()
					.map((k) => [k, reversed((v as Record<string, unknown>)[k])]),
			);
		};
		for (const dump of load()) {
			for (const raw of dump.tools) {
				const { annotations, ...rest } = raw;
				const t: Tool = { ...rest, ...(annotations ? { annotations } : {}) };
				const flipped: Tool = { ...t, inputSchema: reversed(t.inputSchema) as Tool['inputSchema'] };
				expect(JSON.stringify(classify(flipped, dump.server))).toBe(JSON.stringify(classify(t, dump.server)));
			}
		}
	});

	it.skipIf(!existsSync(SEED_DIR))('labels the seed tools the same with their real schemas', () => {
		const expected: Record<string, string> = {
			ip_control_drop_connections: 'Execute/High',
			openvpn_disconnect_client: 'Execute/High',
			// One configured connection: High since 2026.12.1 (see the golden case).
			destroy_connection: 'Destructive/Medium',
			terminate_user_connections: 'Execute/High',
		};
		for (const dump of load()) {
			for (const raw of dump.tools) {
				const want = expected[raw.name];
				if (!want) continue;
				const { annotations, ...rest } = raw;
				expect(label(classify({ ...rest, ...(annotations ? { annotations } : {}) }, dump.server))).toBe(want);
			}
		}
	});
});
