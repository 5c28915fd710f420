import { describe, expect, it } from 'vitest';
import { featuredTools, type ServerEntry, type ToolEntry } from '../../src/site/model.ts';
import { ruleAnchor, urls, withTrailingSlash } from '../../src/site/urls.ts';

describe('withTrailingSlash', () => {
	it('adds the slash pagination links lack, like every other internal link', () => {
		expect(withTrailingSlash('/risk/medium')).toBe('/risk/medium/');
		expect(withTrailingSlash('/risk/medium/3')).toBe('/risk/medium/3/');
		expect(withTrailingSlash('/attacks/ssrf/tools/3')).toBe('/attacks/ssrf/tools/3/');
		expect(withTrailingSlash('/risk/medium/3?x=1#top')).toBe('/risk/medium/3/?x=1#top');
	});
	it('leaves a path that has one alone', () => {
		expect(withTrailingSlash('/')).toBe('/');
		expect(withTrailingSlash(urls.level('Medium'))).toBe('/risk/medium/');
		expect(withTrailingSlash('/risk/medium/#tools')).toBe('/risk/medium/#tools');
	});
});

describe('urls', () => {
	it('numbers an attack tool list from page 2, as pagination does, so page links match the built pages', () => {
		expect(urls.attackTools('ssrf')).toBe('/attacks/ssrf/tools/');
		expect(urls.attackTools('ssrf', 1)).toBe('/attacks/ssrf/tools/');
		expect(urls.attackTools('ssrf', 3)).toBe(withTrailingSlash('/attacks/ssrf/tools/3'));
	});
	it('links a rule to the fragment the methodology page gives it', () => {
		expect(urls.rule('P-low')).toBe(`${urls.methodology}#${ruleAnchor('P-low')}`);
	});
});

describe('featuredTools', () => {
	type Spec = {
		server: string;
		name: string;
		category?: string;
		confidence?: string;
		attacks?: number;
		poisoned?: boolean;
	};
	const servers = new Map<string, ServerEntry>();
	const entry = (s: Spec): ToolEntry => {
		const server = servers.get(s.server) ?? ({ slug: s.server } as ServerEntry);
		servers.set(s.server, server);
		return {
			key: `${s.server}/${s.name}`,
			server,
			attacks: Array.from({ length: s.attacks ?? 0 }, (_, i) => ({ id: `a${i}` })),
			decision: {
				level: 'Critical',
				category: s.category ?? 'Destructive',
				confidence: s.confidence ?? 'high',
				integrity: s.poisoned ? [{ severity: 'high' }] : [],
			},
		} as unknown as ToolEntry;
	};
	// The first server by name has more critical tools than the list holds (as 0nmcp does).
	const tools = [
		...Array.from({ length: 12 }, (_, i) => entry({ server: 'aaa', name: `delete_${String(i).padStart(2, '0')}` })),
		entry({ server: 'bbb', name: 'drop_table' }),
		entry({ server: 'ccc', name: 'run_shell', category: 'Execute', attacks: 5 }),
		entry({ server: 'ddd', name: 'transfer', category: 'Financial' }),
		entry({ server: 'eee', name: 'poisoned', category: 'Execute', attacks: 9, poisoned: true }),
	];

	it('spreads the list over servers and categories instead of taking one server’s first ten', () => {
		const picked = featuredTools(tools, 10);
		expect(picked).toHaveLength(10);
		const firstFive = picked.slice(0, 5).map((t) => t.server.slug);
		expect(new Set(firstFive).size).toBe(5);
		expect(new Set(picked.map((t) => t.decision.category))).toEqual(new Set(['Execute', 'Destructive', 'Financial']));
		// Labelled for what it does before labelled for poisoning, however exposed.
		expect(picked.findIndex((t) => t.key === 'ccc/run_shell')).toBeLessThan(
			picked.findIndex((t) => t.key === 'eee/poisoned'),
		);
	});

	it('is deterministic whatever the input order, and fills up from the servers that have more', () => {
		const picked = featuredTools(tools, 10).map((t) => t.key);
		expect(featuredTools([...tools].reverse(), 10).map((t) => t.key)).toEqual(picked);
		expect(picked.filter((k) => k.startsWith('aaa/'))).toEqual([
			'aaa/delete_00',
			'aaa/delete_01',
			'aaa/delete_02',
			'aaa/delete_03',
			'aaa/delete_04',
			'aaa/delete_05',
		]);
		expect(featuredTools(tools.slice(0, 3), 10)).toHaveLength(3);
		expect(featuredTools([], 10)).toEqual([]);
	});
});
