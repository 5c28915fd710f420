/** The hostile fixture build: catalogue text that tries to become markup must stay inert text. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILDS, listFiles, page } from '../helpers/dist.ts';

const fixture = BUILDS[1];
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
		const root = page(fixture.dist, toolDir('render_note'));
		const main = root.querySelector('main');
		expect(main?.querySelectorAll('img, iframe').length).toBe(0);
		for (const script of root.querySelectorAll('script')) expect(script.textContent).not.toContain('pwned');
		const untrusted = main?.querySelector('.untrusted .text')?.text ?? '';
		expect(untrusted).toContain("<script>window.__pwned = 1; document.title = 'pwned'</script>");
		expect(untrusted).toContain('<img src=x onerror="window.__pwned=2">');
		expect(untrusted).toContain('{props.secret}');
		expect(untrusted).toContain('<Component client:load />');
		expect(main?.querySelectorAll('a').some((a) => (a.getAttribute('href') ?? '').startsWith('javascript:'))).toBe(
			false,
		);
		const raw = readFileSync(join(fixture.dist, toolDir('render_note')), 'utf8');
		expect(raw).not.toContain('<script>window.__pwned');
		expect(raw).not.toContain('<img src=x');
	});

	it('escapes a server name with markup everywhere it appears', () => {
		const root = page(fixture.dist, 'servers/hostile-demo/index.html');
		expect(root.querySelector('h1')?.text).toBe('Hostile Demo <b>Server</b>');
		expect(root.querySelector('h1 b')).toBeNull();
		expect(root.querySelector('title')?.text).toContain('Hostile Demo <b>Server</b>');
	});

	it('shows hidden characters as visible tokens and recommends hiding a poisoned tool', () => {
		const rel = toolDir('get_weather');
		const root = page(fixture.dist, rel);
		const text = root.querySelector('.untrusted .text')?.text ?? '';
		expect(text).toContain('⟦U+200B⟧⟦U+200B⟧');
		expect(text).toContain('⟦U+202E⟧');
		expect(text).toContain('⟦U+E0041⟧⟦U+E0042⟧');
		expect(text).not.toMatch(/[\u200B\u202E]|\u{E0041}/u);
		const policy = JSON.parse(root.querySelector('#policy-policy-json .snippet pre')?.text ?? '');
		expect(policy.hide).toEqual(['get_weather']);
		// The poisoned text must not leak into the head or the JSON-LD.
		expect(root.querySelector('meta[name="description"]')?.getAttribute('content')).not.toContain('Ignore previous');
		expect(root.querySelector('script[type="application/ld+json"]')?.textContent).not.toContain('Ignore previous');
	});

	it('links every integrity finding to its rule on the methodology page', () => {
		const anchors = new Set(
			page(fixture.dist, 'methodology/index.html')
				.querySelectorAll('[id^="rule-"]')
				.map((e) => e.getAttribute('id')),
		);
		const root = page(fixture.dist, toolDir('get_weather'));
		const findings = root.querySelectorAll('#integrity + ul.evidence li');
		expect(findings.length).toBeGreaterThan(0);
		for (const li of findings) {
			const href = li.querySelector('a.rule-id')?.getAttribute('href') ?? '';
			expect(href, li.text).toMatch(/^\/methodology\/#rule-[a-z-]+$/);
			expect(anchors.has(href.split('#')[1] ?? ''), href).toBe(true);
		}
	});

	it('gives names that collide by case distinct pages', () => {
		const dirs = listFiles(join(fixture.dist, 'servers', 'hostile-demo', 'tools'), (f) =>
			f.endsWith('/index.html'),
		).map((f) => f.split('/')[0]);
		expect(dirs.filter((d) => d?.startsWith('delete_item-'))).toHaveLength(2);
	});

	it('never emits a raw hidden character, even from tool names', () => {
		const files = listFiles(join(fixture.dist, 'servers', 'hostile-demo'), (f) => f.endsWith('.html'));
		expect(files.length).toBeGreaterThan(0);
		for (const rel of files) {
			const html = readFileSync(join(fixture.dist, 'servers', 'hostile-demo', rel), 'utf8');
			expect(html, rel).not.toMatch(/[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]|[\u{E0000}-\u{E007F}]/u);
		}
		expect(page(fixture.dist, 'servers/hostile-demo/index.html').text).toContain('read⟦U+200B⟧notes');
	});
});
