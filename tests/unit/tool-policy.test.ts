import { describe, expect, it } from 'vitest';
import type { ActionPlan } from '../../src/policy/action.ts';
import { FORMATS } from '../../src/policy/formats/index.ts';
import type { ToolEntry } from '../../src/site/model.ts';
import { toolPolicyTabs } from '../../src/site/tool-policy.ts';
import { PLANS } from '../helpers/definitions.ts';

/** A tool entry with only what the tabs read. */
const entry = (plan: ActionPlan): ToolEntry =>
	({
		slug: 'get_me-2',
		plan,
		server: { slug: 'github' },
		formatTool: { name: 'get_me', plan, guards: [] },
	}) as unknown as ToolEntry;

describe('toolPolicyTabs', () => {
	it('gives one valid tab per registered format, in registry order, named for the server and tool slug', () => {
		for (const plan of PLANS) {
			const tabs = toolPolicyTabs(entry(plan));
			expect(tabs.map((t) => t.format.id)).toEqual(FORMATS.map((f) => f.id));
			for (const tab of tabs) {
				expect(tab.format.validate(tab.text), `${tab.format.id} ${plan.action}`).toEqual([]);
				expect(tab.fileName).toBe(tab.format.fileName('github', 'get_me-2'));
				expect(tab.text.endsWith('\n')).toBe(true);
			}
		}
	});

	it('says each note once: no warning the text carries as a comment, no mapping note a warning repeats', () => {
		for (const plan of PLANS)
			for (const tab of toolPolicyTabs(entry(plan))) {
				for (const w of tab.warnings) expect(tab.text).not.toContain(w);
				if (tab.mappingNote) expect(tab.warnings.some((w) => w.includes(tab.mappingNote))).toBe(false);
				else if (tab.mapping.note) {
					const doc = tab.format.forTool(entry(plan).formatTool, 'github');
					expect(doc.warnings.some((w) => w.includes(tab.mapping.note))).toBe(true);
				}
			}
	});
});
