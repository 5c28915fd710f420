/**
 * Golden labels on real definitions: each case names a catalogue tool by server slug and tool name
 * (the definition is read from `content/servers/`, never copied here) and its expected label, with the
 * rule that must explain it.
 */
import { describe, expect, it } from 'vitest';
import { classify, rationale } from '../../src/classify/index.ts';
import { GOLDEN, SEED_GOLDEN } from '../golden/catalogue-golden.ts';
import { catalogueTool } from '../golden/load.ts';

describe('golden labels', () => {
	it('has at least 60 catalogue tools plus the five seed tools, each listed once', () => {
		expect(SEED_GOLDEN).toHaveLength(5);
		expect(GOLDEN.length - SEED_GOLDEN.length).toBeGreaterThanOrEqual(60);
		const keys = GOLDEN.map((g) => `${g.server}/${g.tool}`);
		expect(new Set(keys).size).toBe(keys.length);
	});

	for (const g of GOLDEN) {
		it(`${g.server}/${g.tool} → ${g.category}/${g.level} (${g.rule})`, () => {
			const { server, tool } = catalogueTool(g.server, g.tool);
			const d = classify(tool, { slug: server.slug, name: server.name });
			expect(`${d.category}/${d.level}`, g.reason).toBe(`${g.category}/${g.level}`);
			expect(
				d.evidence.map((e) => e.rule),
				g.reason,
			).toContain(g.rule);
			// Honest definitions: at most a medium finding (a file tool may mention .env).
			expect(d.integrity.filter((f) => f.severity === 'high')).toEqual([]);
			expect(rationale(d, tool.name).length).toBeGreaterThan(2);
		});
	}
});
