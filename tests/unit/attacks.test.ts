/**
 * The attack database without a build: every pattern file validates, the schema rejects what the
 * issue says must fail, each example snippet does what its page claims (through the reference
 * evaluator), links and the trifecta are derived correctly from traits, and the timeline merges
 * disclosures cited by several patterns.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareIncidentDates, incidentTimeline, timelineKey } from '../../src/attacks/incidents.ts';
import { selectorLabel, TRAIT_LABELS } from '../../src/attacks/labels.ts';
import { linkAttacks, selectorMatches } from '../../src/attacks/links.ts';
import { ATTACKS_DIR, loadAttackFiles } from '../../src/attacks/load.ts';
import { OWASP_AGENTIC_TOP10, OWASP_MCP_TOP10, owaspMapping } from '../../src/attacks/owasp.ts';
import { type AttackFrontmatter, attackFrontmatterSchema, sourceDateLabel, TRAITS } from '../../src/attacks/schema.ts';
import { attackSnippet, EXAMPLE_TOOL } from '../../src/attacks/snippet.ts';
import { legsOf, serverTrifecta } from '../../src/attacks/trifecta.ts';
import type { Decision, Trait } from '../../src/classify/types.ts';
import { APPROVAL_MESSAGE } from '../../src/policy/action.ts';
import { evaluateCall } from '../../src/policy/evaluate.ts';
import { policySchema } from '../../src/policy/schema.ts';

const attacks = loadAttackFiles();

/** The smallest valid front matter; tests override one field at a time. */
const minimal = (over: Record<string, unknown> = {}) => ({
	title: 'Example pattern',
	code: 'MCP-AP-99',
	category: 'tool-output',
	summary: 'A summary long enough for the schema to accept it.',
	exposedBy: [{ when: 'trait:egress', reason: 'sends data out' }],
	policy: { action: 'approve', effect: 'Stops the call.', runtime: 'Watches the session.' },
	sources: [{ title: 'A source', url: 'https://example.com/post', author: 'Someone', date: '2025-06' }],
	references: { owaspLlm: ['LLM01'] },
	sourcesChecked: '2026-12-07',
	...over,
});

/** Paths of the schema issues for some front matter (empty when it is valid). */
function issues(fm: unknown): string[] {
	const r = attackFrontmatterSchema.safeParse(fm);
	return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
}

function decision(traits: Trait[], over: Partial<Decision> = {}): Decision {
	const d = (value: boolean) => ({ value, declared: false });
	return {
		category: 'Read',
		level: 'Low',
		action: 'allow',
		confidence: 'high',
		evidence: [],
		traits,
		integrity: [],
		annotations: { readOnlyHint: d(false), destructiveHint: d(true), idempotentHint: d(false), openWorldHint: d(true) },
		contradictions: [],
		rulesetVersion: 'test',
		...over,
	};
}

describe('attack pattern files', () => {
	it('has at least 28 patterns, one per research code MCP-AP-01..28, with unique ids and codes', () => {
		expect(attacks.length).toBeGreaterThanOrEqual(28);
		const codes = attacks.map((a) => a.data.code);
		expect(new Set(codes).size).toBe(codes.length);
		for (let n = 1; n <= 28; n++) expect(codes).toContain(`MCP-AP-${String(n).padStart(2, '0')}`);
	});

	it('cites only absolute https sources, each with author and date, and every incident cites one of them', () => {
		for (const { id, data } of attacks) {
			expect(data.sources.length, id).toBeGreaterThan(0);
			for (const s of data.sources) {
				expect(new URL(s.url).protocol, `${id}: ${s.url}`).toBe('https:');
				expect(s.author.trim(), id).not.toBe('');
				expect(s.date, id).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
			}
			const urls = data.sources.map((s) => s.url);
			for (const i of data.incidents) expect(urls, `${id}: ${i.target}`).toContain(i.source);
		}
	});

	it('gives tool-scope patterns selectors and the others none, with a page-ready reason for each', () => {
		for (const { id, data } of attacks) {
			if (data.scope === 'tool') expect(data.exposedBy.length, id).toBeGreaterThan(0);
			else expect(data.exposedBy, id).toEqual([]);
			for (const e of data.exposedBy) {
				// Reasons complete "This tool …" on tool pages and "a tool that …" on pattern pages.
				expect(e.reason, id).toMatch(/^[a-z]/);
				expect(e.reason, id).not.toMatch(/[.!?]$/);
			}
		}
	});

	it('includes the patterns no tool trait exposes, each with a sourced write-up', () => {
		const untraceable = attacks
			.filter((a) => a.data.scope !== 'tool')
			.map((a) => a.data.code)
			.sort();
		expect(untraceable).toEqual([
			'MCP-AP-13',
			'MCP-AP-14',
			'MCP-AP-20',
			'MCP-AP-21',
			'MCP-AP-22',
			'MCP-AP-23',
			'MCP-AP-24',
			'MCP-AP-25',
			'MCP-AP-27',
			'MCP-AP-28',
		]);
	});
});

describe('attack front matter schema', () => {
	it('accepts the minimal record and defaults scope to tool', () => {
		const r = attackFrontmatterSchema.parse(minimal());
		expect(r.scope).toBe('tool');
		expect(r.incidents).toEqual([]);
	});

	it('fails a pattern without a source', () => {
		expect(issues(minimal({ sources: [] }))).toEqual(['sources']);
	});

	it('fails a pattern without a "sources last checked" date, or with a source dated after it', () => {
		const { sourcesChecked: _, ...withoutCheck } = minimal();
		expect(issues(withoutCheck)).toEqual(['sourcesChecked']);
		expect(issues(minimal({ sourcesChecked: '2026-12' }))).toEqual(['sourcesChecked']);
		expect(issues(minimal({ sourcesChecked: '2025-05-31' }))).toEqual(['sources.0.date']);
	});

	it('fails an incident without a source link or without a date', () => {
		const full = { date: '2025-06-01', target: 'x', summary: 'y', source: 'https://example.com/post' };
		expect(issues(minimal({ incidents: [full] }))).toEqual([]);
		const { source: _s, ...noSource } = full;
		const { date: _d, ...noDate } = full;
		expect(issues(minimal({ incidents: [noSource] }))).toEqual(['incidents.0.source']);
		expect(issues(minimal({ incidents: [noDate] }))).toEqual(['incidents.0.date']);
		expect(issues(minimal({ incidents: [{ ...full, source: 'not a url' }] }))).toContain('incidents.0.source');
	});

	it('fails a source that is not https', () => {
		expect(
			issues(minimal({ sources: [{ title: 't', url: 'http://example.com/', author: 'a', date: '2025-01' }] })),
		).toEqual(['sources.0.url']);
	});

	it('fails an incident whose source is not in sources', () => {
		const incidents = [{ date: '2025-06-01', target: 'x', summary: 'y', source: 'https://elsewhere.example/' }];
		expect(issues(minimal({ incidents }))).toEqual(['incidents.0.source']);
	});

	it('fails a tool-scope pattern with no selector, and accepts a server- or client-scope one', () => {
		expect(issues(minimal({ exposedBy: [] }))).toEqual(['exposedBy']);
		expect(
			issues(
				minimal({
					exposedBy: [],
					scope: 'server',
					policy: { action: 'none', effect: 'No tool policy helps.', runtime: 'Fix the server.' },
				}),
			),
		).toEqual([]);
		expect(issues(minimal({ exposedBy: [], scope: 'client' }))).toEqual([]);
	});

	it('keeps "none" for patterns outside tools, and argument constraints for allow or rate-limit', () => {
		expect(
			issues(minimal({ policy: { action: 'none', effect: 'No tool policy helps.', runtime: 'Fix the server.' } })),
		).toEqual(['policy.action']);
		const example = {
			tool: 'fetch_url',
			denyIf: [{ conditions: [{ path: 'args.url', op: 'contains', value: 'x' }], message: 'Denied: bad url.' }],
			checks: [
				{ args: {}, allowed: true },
				{ args: { url: 'x' }, allowed: false },
			],
		};
		expect(
			issues(minimal({ policy: { action: 'approve', effect: 'Stops the call.', runtime: 'Watches it.', example } })),
		).toEqual(['policy.example']);
		expect(
			issues(minimal({ policy: { action: 'rate-limit', effect: 'Caps the call.', runtime: 'Watches it.', example } })),
		).toEqual([]);
	});

	it('fails a pattern without any cross-reference, an unknown selector and an unknown key', () => {
		expect(issues(minimal({ references: {} }))).toEqual(['references']);
		expect(issues(minimal({ exposedBy: [{ when: 'trait:telepathy', reason: 'reads minds' }] }))).toEqual([
			'exposedBy.0.when',
		]);
		expect(issues(minimal({ severity: 'high' }))).toEqual(['']);
	});
});

describe('example snippets', () => {
	it('validate against the policy schema for every pattern with a tool policy', () => {
		for (const { id, data } of attacks) {
			const snippet = attackSnippet(data.policy);
			if (data.policy.action === 'none') {
				expect(snippet, id).toBeUndefined();
				continue;
			}
			expect(policySchema.safeParse(JSON.parse(snippet?.json ?? '')).success, id).toBe(true);
			expect(snippet?.tool, id).toBe(data.policy.example?.tool ?? data.policy.snippetTool ?? EXAMPLE_TOOL);
		}
	});

	it('give every listed call the verdict the pattern promises', () => {
		const withExamples = attacks.filter((a) => a.data.policy.example);
		expect(withExamples.length).toBeGreaterThanOrEqual(4);
		for (const { id, data } of withExamples) {
			const snippet = attackSnippet(data.policy);
			const example = data.policy.example as NonNullable<AttackFrontmatter['policy']['example']>;
			for (const check of example.checks) {
				const verdict = evaluateCall(snippet?.policy as never, { tool: example.tool, args: check.args });
				expect(verdict.allowed, `${id}: ${JSON.stringify(check.args)}`).toBe(check.allowed);
				if (!check.allowed) expect(verdict, id).toMatchObject({ reason: 'deny_if' });
			}
		}
	});

	it('lets refused calls leave the rate limit untouched, so probing does not lock out real use', () => {
		const ssrf = attacks.find((a) => a.id === 'ssrf');
		const snippet = attackSnippet(ssrf?.data.policy as AttackFrontmatter['policy']);
		const state = new Map<string, number>();
		const now = new Date('2026-01-01T00:00:10Z');
		for (let i = 0; i < 100; i++)
			evaluateCall(snippet?.policy as never, { tool: 'fetch_url', args: { url: 'http://127.0.0.1/' } }, state, now);
		expect(
			evaluateCall(snippet?.policy as never, { tool: 'fetch_url', args: { url: 'https://example.com/' } }, state, now)
				.allowed,
		).toBe(true);
	});

	it('describe each constraint and the action, in the order they apply', () => {
		const dow = attacks.find((a) => a.id === 'denial-of-wallet');
		const snippet = attackSnippet(dow?.data.policy as AttackFrontmatter['policy']);
		expect(snippet?.effects).toEqual([
			'A call is refused with "Denied by policy: max_pages is capped at 50." when args.max_pages is above 50.',
			'A call is refused with "Denied by policy: depth is capped at 3." when args.depth is above 3.',
			'crawl_site stays usable, capped at 30 calls a minute per grant (calendar-aligned, UTC); further calls in the same minute are denied.',
		]);
	});

	it('writes an approval gate for an approve pattern without an example', () => {
		const snippet = attackSnippet({ action: 'approve', effect: 'x'.repeat(10), runtime: 'y'.repeat(10) });
		expect(JSON.parse(snippet?.json ?? '')).toEqual({
			version: '1',
			default: 'deny',
			tools: { example_tool: { deny_if: [{ conditions: [], on_deny: APPROVAL_MESSAGE }] } },
		});
	});
});

describe('linking tools to patterns', () => {
	const refs = attacks.map((a) => ({ id: a.id, title: a.data.title, exposedBy: a.data.exposedBy }));

	it('has a short label for every trait the classifier emits', () => {
		expect(Object.keys(TRAIT_LABELS).sort()).toEqual([...TRAITS].sort());
		for (const t of TRAITS) expect(selectorLabel(`trait:${t}`)).toBe(TRAIT_LABELS[t]);
	});

	it('leads with the short reason the issue asks for', () => {
		const links = linkAttacks(decision(['url-param']), refs);
		expect(links.find((l) => l.id === 'ssrf')).toMatchObject({
			label: 'takes a URL parameter',
			title: 'Server-side request forgery',
			when: 'trait:url-param',
		});
	});

	it('links every-tool patterns last and no server- or client-scope pattern at all', () => {
		const links = linkAttacks(decision(['egress', 'path-param'], { category: 'Execute' }), refs);
		expect(links.at(-1)?.id).toBe('rug-pull');
		const untraceable = new Set(attacks.filter((a) => a.data.scope !== 'tool').map((a) => a.id));
		expect(links.some((l) => untraceable.has(l.id))).toBe(false);
	});

	it('matches category and integrity selectors from the decision alone', () => {
		expect(selectorMatches('category:Execute', decision([], { category: 'Execute' }))).toBe(true);
		expect(selectorMatches('category:Execute', decision([]))).toBe(false);
		const finding = {
			signal: 'pseudo-tag',
			field: 'description',
			match: '<IMPORTANT>',
			severity: 'high' as const,
			why: 'x',
		};
		expect(selectorMatches('integrity', decision([], { integrity: [finding] }))).toBe(true);
		expect(selectorMatches('integrity', decision([]))).toBe(false);
	});
});

describe('lethal trifecta per server', () => {
	const tool = (name: string, traits: Trait[]) => ({ name, traits });
	const of = (t: { traits: Trait[] }) => t.traits;

	it('maps traits to legs: credentials are private data, a URL parameter is a way out', () => {
		expect(legsOf(['private-data'])).toEqual(['private-data']);
		expect(legsOf(['secrets'])).toEqual(['private-data']);
		expect(legsOf(['untrusted-input'])).toEqual(['untrusted-input']);
		expect(legsOf(['egress'])).toEqual(['way-out']);
		expect(legsOf(['url-param', 'untrusted-input'])).toEqual(['untrusted-input', 'way-out']);
		expect(legsOf(['destroys', 'bulk', 'path-param'])).toEqual([]);
	});

	it('is complete only when the server alone covers all three legs, and lists the tools per leg', () => {
		const inbox = tool('read_inbox', ['private-data', 'untrusted-input']);
		const send = tool('send_email', ['egress']);
		const fetch = tool('fetch', ['url-param', 'untrusted-input']);
		const del = tool('delete_message', ['destroys']);
		const t = serverTrifecta([inbox, send, fetch, del], of);
		expect(t.complete).toBe(true);
		expect(t.legs['private-data']).toEqual([inbox]);
		expect(t.legs['untrusted-input']).toEqual([inbox, fetch]);
		expect(t.legs['way-out']).toEqual([send, fetch]);
		expect(serverTrifecta([inbox, del], of).complete).toBe(false);
		expect(serverTrifecta([fetch, send], of).complete).toBe(false);
	});

	it('lets a single tool supply every leg, and an empty server none', () => {
		expect(serverTrifecta([tool('agent', ['private-data', 'untrusted-input', 'egress'])], of).complete).toBe(true);
		expect(serverTrifecta([], of)).toEqual({
			legs: { 'private-data': [], 'untrusted-input': [], 'way-out': [] },
			complete: false,
		});
	});
});

describe('incident timeline', () => {
	const timeline = incidentTimeline(attacks);

	it('holds every incident of every pattern, sorted by date, with unique anchors', () => {
		for (const { id, data } of attacks) {
			for (const i of data.incidents) {
				const row = timeline.find((r) => r.key === timelineKey(i));
				expect(row, `${id}: ${i.target}`).toBeTruthy();
				expect(row?.patterns.map((p) => p.id)).toContain(id);
				expect(row?.summary, `${id}: ${i.target}`).toBe(i.summary);
			}
		}
		expect(timeline.map((r) => r.date)).toEqual([...timeline.map((r) => r.date)].sort(compareIncidentDates));
		expect(new Set(timeline.map((r) => r.anchor)).size).toBe(timeline.length);
		for (const r of timeline) expect(r.anchor).toMatch(/^incident-\d{4}-\d{2}(-\d{2})?-[a-z0-9-]+$/);
	});

	it('shows only incidents with a dated primary source that the pattern lists', () => {
		expect(timeline.length).toBeGreaterThan(0);
		for (const row of timeline) {
			expect(row.date, row.anchor).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
			expect(new URL(row.source.url).protocol, row.anchor).toBe('https:');
			expect(row.source.date, row.anchor).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
		}
	});

	it('shows the bundled WhatsApp disclosure once, with every pattern that cites it', () => {
		const rows = timeline.filter((r) => r.source.url === 'https://invariantlabs.ai/blog/whatsapp-mcp-exploited');
		expect(rows).toHaveLength(1);
		expect(rows[0]?.patterns.map((p) => p.id).sort()).toEqual(['lethal-trifecta', 'rug-pull', 'tool-shadowing']);
	});

	const src = { title: 'Post', url: 'https://example.com/post', author: 'Lab', date: '2025-04-01' };
	const incident = { date: '2025-04-01', target: 'Clients', summary: 'Same wording.', source: src.url };

	it('merges one disclosure told in the same words by several patterns into one row listing them in code order', () => {
		const rows = incidentTimeline([
			{ id: 'b', data: { title: 'B', code: 'MCP-AP-02', incidents: [incident], sources: [src] } },
			{ id: 'a', data: { title: 'A', code: 'MCP-AP-01', incidents: [incident], sources: [src] } },
		]);
		expect(rows).toHaveLength(1);
		expect(rows[0]?.summary).toBe('Same wording.');
		expect(rows[0]?.patterns.map((p) => p.id)).toEqual(['a', 'b']);
		expect(rows[0]?.source.author).toBe('Lab');
	});

	it('keeps a row per summary when patterns describe the same write-up differently, so no account is dropped', () => {
		const rows = incidentTimeline([
			{
				id: 'b',
				data: {
					title: 'B',
					code: 'MCP-AP-02',
					incidents: [{ ...incident, summary: 'Second account.' }],
					sources: [src],
				},
			},
			{
				id: 'a',
				data: {
					title: 'A',
					code: 'MCP-AP-01',
					incidents: [{ ...incident, summary: 'First account.' }],
					sources: [src],
				},
			},
		]);
		expect(rows.map((r) => [r.summary, r.patterns.map((p) => p.id)])).toEqual([
			['First account.', ['a']],
			['Second account.', ['b']],
		]);
		expect(rows.map((r) => r.anchor)).toEqual(['incident-2025-04-01-clients', 'incident-2025-04-01-clients-2']);
	});

	it('sorts a month-only date after every day of its month and before the next month, oldest first', () => {
		const s = { title: 'S', url: 'https://example.com/s', author: 'Lab', date: '2025-07' };
		const at = (date: string) => ({ date, target: `T ${date}`, summary: `On ${date}.`, source: s.url });
		const rows = incidentTimeline([
			{
				id: 'a',
				data: {
					title: 'A',
					code: 'MCP-AP-01',
					incidents: [
						at('2025-08-01'),
						at('2025-07'),
						at('2025-07-31'),
						at('2025-06'),
						at('2025-07-01'),
						at('2025-06-30'),
					],
					sources: [s],
				},
			},
		]);
		expect(rows.map((r) => r.date)).toEqual([
			'2025-06-30',
			'2025-06',
			'2025-07-01',
			'2025-07-31',
			'2025-07',
			'2025-08-01',
		]);
		expect(rows.map((r) => r.monthOnly)).toEqual([false, true, false, false, true, false]);
		expect(compareIncidentDates('2025-07', '2025-07-01')).toBeGreaterThan(0);
		expect(compareIncidentDates('2025-07', '2025-08-01')).toBeLessThan(0);
		expect(compareIncidentDates('2025-07', '2025-07')).toBe(0);
	});

	it('keeps anchors unique when two rows share a date and target', () => {
		const s1 = { title: 'One', url: 'https://example.com/1', author: 'Lab', date: '2025-04' };
		const s2 = { title: 'Two', url: 'https://example.com/2', author: 'Lab', date: '2025-04' };
		const rows = incidentTimeline([
			{
				id: 'a',
				data: {
					title: 'A',
					code: 'MCP-AP-01',
					incidents: [
						{ date: '2025-04', target: 'Same', summary: 'x', source: s1.url },
						{ date: '2025-04', target: 'Same', summary: 'y', source: s2.url },
					],
					sources: [s1, s2],
				},
			},
		]);
		expect(rows.map((r) => r.anchor)).toEqual(['incident-2025-04-same', 'incident-2025-04-same-2']);
	});
});

describe('page text', () => {
	it('shows readers no drafting notes or to-do items', () => {
		const draft = /not yet linked|we will (list|add)|once we have (linked|checked)|\btodo\b|\bto-do\b|\btbd\b/i;
		for (const file of readdirSync(ATTACKS_DIR).filter((f) => f.endsWith('.mdx'))) {
			expect(readFileSync(join(ATTACKS_DIR, file), 'utf8'), file).not.toMatch(draft);
		}
	});
});

describe('source dates', () => {
	it("prints a living document's date as a retrieval date and a publication date bare", () => {
		expect(sourceDateLabel({ date: '2026-04-14', dateKind: 'retrieved' })).toBe('retrieved 2026-04-14');
		expect(sourceDateLabel({ date: '2025-04-01', dateKind: 'published' })).toBe('2025-04-01');
		expect(sourceDateLabel({ date: '2025-04-01' })).toBe('2025-04-01');
	});

	it('defaults to a publication date and rejects an unknown date kind', () => {
		const parsed = attackFrontmatterSchema.parse(minimal());
		expect(parsed.sources[0]?.dateKind).toBe('published');
		const bad = minimal({
			sources: [
				{
					title: 'A source',
					url: 'https://example.com/post',
					author: 'Someone',
					date: '2025-06',
					dateKind: 'accessed',
				},
			],
		});
		expect(issues(bad)).toContain('sources.0.dateKind');
	});

	it('marks the living documents in the bundled patterns as retrieved: standards drafts, repositories and running databases', () => {
		const living = [
			'https://owasp.org/www-project-mcp-top-10/',
			'https://github.com/snyk/agent-scan',
			'https://vulnerablemcp.info',
			'https://modelcontextprotocol.io/docs/tutorials/security/security_best_practices',
		];
		for (const { id, data } of attacks) {
			for (const s of data.sources) {
				if (living.includes(s.url)) expect(s.dateKind, `${id}: ${s.url}`).toBe('retrieved');
				expect(s.url, `${id}: link the specification page, not the repository root`).not.toBe(
					'https://github.com/modelcontextprotocol/modelcontextprotocol',
				);
			}
		}
	});
});

describe('sources last checked', () => {
	it('dates the check of every bundled pattern, no earlier than its newest source', () => {
		for (const { id, data } of attacks) {
			expect(data.sourcesChecked, id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
			for (const src of data.sources) expect(src.date <= data.sourcesChecked, `${id}: ${src.url}`).toBe(true);
		}
	});
});

describe('OWASP mapping', () => {
	it('cites only items that exist in the OWASP MCP and agentic lists', () => {
		for (const { id, data } of attacks) {
			for (const ref of data.references.owaspMcp) expect(Object.keys(OWASP_MCP_TOP10), id).toContain(ref);
			for (const ref of data.references.owaspAgentic) expect(Object.keys(OWASP_AGENTIC_TOP10), id).toContain(ref);
		}
	});

	it('maps at least one pattern to every item of the OWASP MCP Top 10', () => {
		const rows = owaspMapping(attacks, OWASP_MCP_TOP10, 'owaspMcp');
		expect(rows.map((r) => r.id)).toEqual(Object.keys(OWASP_MCP_TOP10));
		for (const row of rows) expect(row.patterns.length, row.id).toBeGreaterThan(0);
	});

	it('lists the citing patterns in research-code order and keeps an uncited item as an empty row', () => {
		const pattern = (id: string, code: string, owaspAgentic: string[]) => ({
			id,
			data: { title: id, code, references: { owaspMcp: [], owaspLlm: [], owaspAgentic } },
		});
		const rows = owaspMapping(
			[pattern('b', 'MCP-AP-02', ['ASI01']), pattern('a', 'MCP-AP-01', ['ASI01', 'ASI02'])],
			{ ASI01: 'One', ASI02: 'Two', ASI03: 'Three' },
			'owaspAgentic',
		);
		expect(rows.map((r) => [r.id, r.patterns.map((p) => p.id)])).toEqual([
			['ASI01', ['a', 'b']],
			['ASI02', ['a']],
			['ASI03', []],
		]);
	});

	it('no longer maps denial of wallet to cascading failures or tool shadowing to inter-agent communication', () => {
		const refs = (id: string) => attacks.find((a) => a.id === id)?.data.references.owaspAgentic;
		expect(refs('denial-of-wallet')).not.toContain('ASI08');
		expect(refs('tool-shadowing')).not.toContain('ASI07');
	});
});
