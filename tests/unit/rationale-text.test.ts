/**
 * The rationale's wording: plain English with no template slips, and no claim the evidence does not
 * support. Each block pins one fix against a definition that printed the old slip; the last one runs
 * the generator over real catalogue servers and looks for every slip at once.
 */
import { describe, expect, it } from 'vitest';
import { TRAIT_LABELS } from '../../src/attacks/labels.ts';
import { linkAttacks } from '../../src/attacks/links.ts';
import type { Tool } from '../../src/catalogue/schema.ts';
import { classify, type Decision, rationale } from '../../src/classify/index.ts';
import { effectLabel } from '../../src/classify/rationale.ts';
import { buildFaq } from '../../src/faq/faq.ts';
import { planAction } from '../../src/policy/action.ts';
import { GOLDEN } from '../golden/catalogue-golden.ts';
import { catalogueTool } from '../golden/load.ts';

const SERVER = { slug: 'example', name: 'Example' };
const str = { type: 'string' };

function tool(
	name: string,
	description: string,
	properties: Record<string, unknown> = {},
	extra: Partial<Tool> = {},
): Tool {
	return { name, description, inputSchema: { type: 'object', properties }, ...extra };
}

function explain(t: Tool): { d: Decision; r: string[]; text: string } {
	const d = classify(t, SERVER);
	const r = rationale(d, t.name);
	return { d, r, text: r.join(' ') };
}

/** The sentence with quoted (third-party) text blanked, so a tool's own words cannot trip a check. */
function unquoted(sentence: string): string {
	return sentence.replace(/"[^"]*"/g, '""');
}

/** Every slip the audit found, as a pattern over unquoted text. */
const SLIPS: readonly { name: string; pattern: RegExp }[] = [
	{ name: 'trait name used as an adjective', pattern: /\bIt is marked\b/ },
	{ name: 'verb among the trait nouns', pattern: /^Traits:.*\bdestroys\b/ },
	{ name: 'blanket undeclared-hints clause', pattern: /undeclared hints take the spec defaults/ },
	// "a URL" is said "a you-are-ell"; every other vowel after "a" is a slip.
	{ name: '"a" before a vowel', pattern: /\ba (?!URL\b)[AEIOUaeiou]/ },
	{ name: '"an" before a consonant', pattern: /\ban [^AEIOUaeiou\s"]/ },
	{ name: 'doubled word', pattern: /\b(\w+) \1\b/i },
	{ name: 'singular count with a plural noun', pattern: /(?<![\d.])1 [a-z]+s\b/ },
	{ name: 'space before punctuation', pattern: / [,.;:]/ },
	{ name: 'doubled punctuation', pattern: /[.,;]{2}/ },
];

function slipsIn(sentence: string): string[] {
	const u = unquoted(sentence);
	const out = SLIPS.filter((s) => s.pattern.test(u)).map((s) => s.name);
	if (!/^[A-Z"]/.test(sentence)) out.push('no capital at the start');
	if (!/[.…]$/.test(sentence)) out.push('no full stop');
	return out;
}

describe('trait sentences', () => {
	it('say what the tool does instead of "It is marked <trait>"', () => {
		const { text } = explain(tool('write_file', 'Write a file.', { path: str, content: str }));
		expect(text).toContain('It takes a filesystem path (parameter "path").');
		expect(text).not.toContain('It is marked');
		const bulk = explain(
			tool('crm_bulk_update_contacts', 'Update many contacts at once.', { ids: { type: 'array', items: str } }),
		).text;
		expect(bulk).toContain('One call can act on many objects (');
		expect(bulk).not.toContain('marked bulk');
	});

	it('give records of one trait that make different claims a sentence each', () => {
		// An amount parameter and a billing noun add the same trait for two different reasons.
		const { r } = explain(tool('create_invoice', 'Create an invoice.', { customer: str, currency: str }));
		expect(r).toContain('It takes an amount, price, currency or payment account (parameter "currency").');
		expect(r).toContain('It acts on billing or pricing (name: "invoice").');
	});
});

describe('trait list', () => {
	it('names every trait with a noun phrase', () => {
		const { r } = explain(tool('delete_files', 'Delete several files.', { paths: { type: 'array', items: str } }));
		expect(r).toContain('Traits: bulk action, destruction, path parameter.');
		expect(r.join(' ')).not.toMatch(/Traits:.*\bdestroys\b/);
	});

	it('labels an evidence record with the same nouns', () => {
		expect(effectLabel({ kind: 'trait', trait: 'destroys' })).toBe('trait destruction');
		expect(effectLabel({ kind: 'trait', trait: 'bulk' })).toBe('trait bulk action');
	});
});

describe('annotation sentence', () => {
	const hints = (annotations: Tool['annotations']) =>
		explain(tool('write_file', 'Write a file.', { path: str }, { annotations })).r;

	it('says nothing about defaults when all four hints are declared', () => {
		const r = hints({ readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false });
		expect(r).toContain(
			'It declares readOnlyHint false, destructiveHint false, idempotentHint false, openWorldHint false.',
		);
		expect(r.join(' ')).not.toContain('undeclared');
	});

	it('names the undeclared hints and what they default to', () => {
		expect(hints({ readOnlyHint: false, destructiveHint: true })).toContain(
			'It declares readOnlyHint false, destructiveHint true; idempotentHint and openWorldHint are undeclared, so the spec defaults apply: not idempotent and open-world.',
		);
		expect(hints({ destructiveHint: true, idempotentHint: true, openWorldHint: false })).toContain(
			'It declares destructiveHint true, idempotentHint true, openWorldHint false; readOnlyHint is undeclared, so the spec default applies: not read-only.',
		);
	});

	it('under a read-only claim counts only the hints that still mean something', () => {
		expect(hints({ readOnlyHint: true })).toContain(
			'It declares readOnlyHint true (a read-only claim makes the destructive and idempotent hints meaningless); openWorldHint is undeclared, so the spec default applies: open-world.',
		);
		const both = hints({ readOnlyHint: true, openWorldHint: false });
		expect(both).toContain(
			'It declares readOnlyHint true, openWorldHint false (a read-only claim makes the destructive and idempotent hints meaningless).',
		);
	});
});

describe('money', () => {
	it('says "moves money" only for a Financial tool', () => {
		const price = explain(
			tool('update_plan_price', 'Update the price of a plan.', { plan: str, price: { type: 'number' } }),
		);
		expect(price.d.category).not.toBe('Financial');
		expect(price.d.traits).toContain('money');
		expect(price.r).toContain('It takes an amount, price, currency or payment account (parameter "price").');
		expect(unquoted(price.text)).not.toContain('moves money');
	});

	it('keeps "moves money" for a Financial tool, says what an amount parameter is, and hedges it when a curator took the tool out of Financial', () => {
		const charge = {
			name: 'crm_marketplace_charge',
			description: 'Charge a location for an add-on.',
			inputSchema: { type: 'object', properties: { amount: { type: 'number' } } },
		} satisfies Tool;
		const financial = explain(charge);
		expect(financial.d.category).toBe('Financial');
		expect(financial.r.some((s) => s.includes('is a Financial tool because it moves money'))).toBe(true);
		expect(financial.r).toContain('It takes an amount, price, currency or payment account (parameter "amount").');
		// The money verb's trait is the category sentence's claim: not said twice.
		expect(financial.r.filter((s) => unquoted(s).includes('moves money'))).toHaveLength(1);
		const curated = explain({
			...charge,
			curated: { category: 'Read', level: 'Low', reason: 'It only reads a quote' },
		});
		const claims = curated.r.filter((s) => unquoted(s).includes('moves money'));
		expect(claims.length).toBeGreaterThan(0);
		for (const s of claims) expect(s).toMatch(/^By the rules alone, /);
	});

	it('labels the money trait link with what the trait covers', () => {
		expect(TRAIT_LABELS.money).not.toBe('moves money');
		expect(TRAIT_LABELS.money).toMatch(/billing/);
	});
});

describe('interruption tools', () => {
	const EXCESSIVE_AGENCY = {
		id: 'excessive-agency',
		title: 'Excessive agency',
		exposedBy: [
			{
				when: 'trait:destroys',
				reason: 'deletes or irreversibly changes something, so a single mistaken call cannot be taken back',
			},
			{
				when: 'category:Destructive',
				reason: 'is classed as destructive: its purpose is to remove or disrupt something',
			},
		],
	} as const;
	const kill = tool('kill_process', 'Terminate a running process by PID.', { pid: { type: 'number' } });

	it('do not get the destroys trait, so nothing says they cannot be taken back', () => {
		const { d, text } = explain(kill);
		expect(`${d.category}/${d.level}`).toBe('Destructive/High');
		expect(d.evidence.map((e) => e.rule)).toContain('availability-only');
		expect(d.traits).not.toContain('destroys');
		expect(text).not.toMatch(/\bdestruction\b/);
		// Still linked to excessive agency, by the category and its "remove or disrupt" reason.
		const [link] = linkAttacks(d, [{ ...EXCESSIVE_AGENCY, exposedBy: [...EXCESSIVE_AGENCY.exposedBy] }]);
		expect(link?.when).toBe('category:Destructive');
		expect(link?.reason).not.toContain('cannot be taken back');
	});

	it('keep the destroys trait on real deletions', () => {
		const { d } = explain(tool('delete_file', 'Delete a file.', { path: str }));
		expect(d.traits).toContain('destroys');
		const [link] = linkAttacks(d, [{ ...EXCESSIVE_AGENCY, exposedBy: [...EXCESSIVE_AGENCY.exposedBy] }]);
		expect(link?.when).toBe('trait:destroys');
	});

	it('are not said to delete in the FAQ', () => {
		const faq = (t: Tool) => {
			const d = classify(t, SERVER);
			return (
				buildFaq({
					toolName: t.name,
					serverName: 'Example',
					serverSource: 'npm package example',
					description: t.description,
					decision: d,
					plan: planAction(d.category, d.level, d.integrity),
					rationale: rationale(d, t.name),
				})[0]?.answer ?? ''
			);
		};
		expect(faq(kill)).toContain(
			'It is classified as a Destructive tool because it stops or switches off something that can be started again, rather than deleting it.',
		);
		expect(faq(tool('delete_file', 'Delete a file.', { path: str }))).toContain(
			'because it deletes or irreversibly changes something.',
		);
	});
});

describe('catalogue survey', () => {
	// Every tool of the servers the golden cases name, plus the servers the audit quoted.
	const picks = new Map<string, string>(GOLDEN.map((g) => [g.server, g.tool]));
	for (const [slug, name] of [
		['browser-tools-mcp', 'takeScreenshot'],
		['agent-browser-mcp', 'browser_scroll'],
		['airtable-mcp-server', 'list_records'],
	] as const)
		picks.set(slug, name);
	const decisions = [...picks].flatMap(([slug, name]) => {
		const { server } = catalogueTool(slug, name);
		return server.tools.map((t) => {
			const d = classify(t, { slug: server.slug, name: server.name });
			return { key: `${slug}/${t.name}`, d, r: rationale(d, t.name) };
		});
	});

	it('covers enough tools and every fixed template', () => {
		expect(decisions.length).toBeGreaterThan(2000);
		const all = decisions.flatMap((x) => x.r.map(unquoted));
		for (const start of [
			'It takes a filesystem path (',
			'One call can act on many objects (',
			'It takes an amount, price',
			'It acts on billing or pricing (',
			'Traits: ',
		]) {
			expect(
				all.some((s) => s.startsWith(start)),
				start,
			).toBe(true);
		}
		expect(all.some((s) => /^It declares .*openWorldHint (true|false)\.$/.test(s))).toBe(true);
	});

	it('prints none of the slips', () => {
		const found = decisions.flatMap(({ key, r }) => r.flatMap((s) => slipsIn(s).map((why) => `${key}: ${why}: ${s}`)));
		expect(found.slice(0, 10)).toEqual([]);
	});

	it('says "moves money" only where the rules or the label make the tool Financial', () => {
		const wrong = decisions.filter(
			({ d, r }) =>
				(d.curated?.ruleCategory ?? d.category) !== 'Financial' && r.some((s) => unquoted(s).includes('moves money')),
		);
		expect(wrong.map((x) => x.key)).toEqual([]);
	});

	it('mentions undeclared hints only when some are, naming them', () => {
		for (const { key, d, r } of decisions) {
			const line = r.find((s) => s.startsWith('It declares ') && !s.startsWith('It declares no annotations'));
			if (!line) continue;
			const readOnly = d.annotations.readOnlyHint.declared && d.annotations.readOnlyHint.value;
			const counted = readOnly
				? (['readOnlyHint', 'openWorldHint'] as const)
				: (['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint'] as const);
			const missing = counted.filter((h) => !d.annotations[h].declared);
			expect(line.includes('undeclared'), `${key}: ${line}`).toBe(missing.length > 0);
			for (const h of missing) expect(line.split(';')[1] ?? '', `${key}: ${line}`).toContain(h);
		}
	});

	it('gives no interruption tool the destroys trait', () => {
		const wrong = decisions.filter(
			({ d }) => d.evidence.some((e) => e.rule === 'availability-only') && d.traits.includes('destroys'),
		);
		expect(wrong.map((x) => x.key)).toEqual([]);
	});
});
