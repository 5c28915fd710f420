/** The hostile fixture build: catalogue text that tries to become markup must stay inert text. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILDS, listFiles, readFacts } from '../helpers/dist.ts';
import type { HostileFacts } from './hostile.facts.ts';

const fixture = BUILDS[1];
const facts = readFacts<HostileFacts>(fixture, 'hostile');
/** The facts of a page the walk parsed; a page it never saw fails the check that asked. */
const page = (rel: string): HostileFacts => {
	const found = facts.get(rel);
	if (!found) throw new Error(`${rel}: no such page in ${fixture.dist}`);
	return found;
};
const toolDir = (name: string) => {
	const dirs = listFiles(join(fixture.dist, 'servers', 'hostile-demo', 'tools'), (f) => f.endsWith('/index.html')).map(
		(f) => f.split('/')[0] as string,
	);
	const found = dirs.find((d) => d === name);
	if (!found) throw new Error(`no page for ${name} among ${dirs.join(', ')}`);
	return `servers/hostile-demo/tools/${found}/index.html`;
};

describe('hostile descriptions render inert', () => {
	it('keeps <script>, <img onerror>, <iframe> and MDX as text', () => {
		const root = page(toolDir('render_note'));
		expect(root.mainMedia).toBe(0);
		for (const script of root.scripts ?? []) expect(script).not.toContain('pwned');
		const untrusted = root.mainUntrusted ?? '';
		expect(untrusted).toContain("<script>window.__pwned = 1; document.title = 'pwned'</script>");
		expect(untrusted).toContain('<img src=x onerror="window.__pwned=2">');
		expect(untrusted).toContain('{props.secret}');
		expect(untrusted).toContain('<Component client:load />');
		expect(root.mainHrefs?.some((href) => href.startsWith('javascript:'))).toBe(false);
		const raw = readFileSync(join(fixture.dist, toolDir('render_note')), 'utf8');
		expect(raw).not.toContain('<script>window.__pwned');
		expect(raw).not.toContain('<img src=x');
	});

	it('escapes a server name with markup everywhere it appears', () => {
		const root = page('servers/hostile-demo/index.html');
		expect(root.h1).toBe('Hostile Demo <b>Server</b>');
		expect(root.h1Bold).toBe(false);
		expect(root.title).toContain('Hostile Demo <b>Server</b>');
	});

	it('shows hidden characters as visible tokens and recommends hiding a poisoned tool', () => {
		const rel = toolDir('get_weather');
		const root = page(rel);
		const text = root.untrusted ?? '';
		expect(text).toContain('⟦U+200B⟧⟦U+200B⟧');
		expect(text).toContain('⟦U+202E⟧');
		expect(text).toContain('⟦U+E0041⟧⟦U+E0042⟧');
		expect(text).not.toMatch(/[\u200B\u202E]|\u{E0041}/u);
		const policy = JSON.parse(readFileSync(join(fixture.dist, rel.replace('index.html', 'policy.json')), 'utf8'));
		expect(policy.hide).toEqual(['get_weather']);
		// The poisoned text must not leak into the head or the JSON-LD.
		expect(root.description).not.toContain('Ignore previous');
		expect(root.ld).not.toContain('Ignore previous');
	});

	it('links every integrity finding to its rule on the methodology page', () => {
		const anchors = new Set(page('methodology/index.html').ruleIds);
		const findings = page(toolDir('get_weather')).findings ?? [];
		expect(findings.length).toBeGreaterThan(0);
		for (const li of findings) {
			const href = li.href;
			expect(href, li.text).toMatch(/^\/methodology\/#rule-[a-z-]+$/);
			expect(anchors.has(href.split('#')[1] ?? ''), href).toBe(true);
		}
	});

	it('gives names that collide by case distinct pages', () => {
		const dirs = listFiles(join(fixture.dist, 'servers', 'hostile-demo', 'tools'), (f) =>
			f.endsWith('/index.html'),
		).map((f) => f.split('/')[0]);
		expect(dirs).toContain('delete_item');
		expect(dirs.filter((d) => d?.startsWith('delete_item~'))).toHaveLength(1);
	});

	it('never emits a raw hidden character, even from tool names', () => {
		const files = listFiles(join(fixture.dist, 'servers', 'hostile-demo'), (f) => f.endsWith('.html'));
		expect(files.length).toBeGreaterThan(0);
		for (const rel of files) {
			const html = readFileSync(join(fixture.dist, 'servers', 'hostile-demo', rel), 'utf8');
			expect(html, rel).not.toMatch(/[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]|[\u{E0000}-\u{E007F}]/u);
		}
		expect(page('servers/hostile-demo/index.html').text).toContain('read⟦U+200B⟧notes');
	});
});
