/**
 * Post-build checks over `dist/` (bundled catalogue) and the hostile fixture build: one page per tool,
 * valid policies that match the page's copy button and download, resolving internal links, JSON-LD.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.ts';
import { toolSlugs } from '../../src/catalogue/slug.ts';
import { policySchema } from '../../src/policy/schema.ts';
import { visibleText } from '../../src/text/reveal.ts';
import { BUILDS, fileFor, listFiles, page, urlOf } from '../helpers/dist.ts';

for (const build of BUILDS) {
	describe(`${build.label} build (${build.dist})`, () => {
		const servers = loadCatalogue(build.catalogue).map((s) => s.server);
		const html = listFiles(build.dist, (f) => f.endsWith('.html') && !f.startsWith('pagefind/'));

		it('has exactly one page per catalogue tool, and no other tool pages', () => {
			const expected: string[] = [];
			for (const server of servers) {
				const slugs = toolSlugs(server.tools.map((t) => t.name));
				for (const tool of server.tools) {
					const rel = `servers/${server.slug}/tools/${slugs.get(tool.name)}/index.html`;
					expected.push(rel);
					const h1 = page(build.dist, rel).querySelector('h1');
					expect(h1?.text.trim(), rel).toBe(visibleText(tool.name));
				}
			}
			const actual = html.filter((f) => /^servers\/[^/]+\/tools\/[^/]+\/index\.html$/.test(f));
			expect(actual).toEqual([...expected].sort());
			expect(new Set(expected).size).toBe(expected.length);
		});

		it('has a page per server listing every one of its tools', () => {
			for (const server of servers) {
				const root = page(build.dist, `servers/${server.slug}/index.html`);
				const listed = root.querySelectorAll('#tools ~ .table-scroll tbody tr').length;
				expect(listed, server.slug).toBe(server.tools.length);
			}
		});

		it('publishes policies that validate, and copy/download give the same bytes', () => {
			const policyFiles = listFiles(build.dist, (f) => f.endsWith('policy.json') && f.startsWith('servers/'));
			expect(policyFiles.length).toBe(servers.length + servers.reduce((n, s) => n + s.tools.length, 0));
			for (const rel of policyFiles) {
				const text = readFileSync(join(build.dist, rel), 'utf8');
				const parsed = policySchema.safeParse(JSON.parse(text));
				expect(parsed.success, `${rel}: ${parsed.error?.message}`).toBe(true);
				const pageRel = rel.replace(/policy\.json$/, 'index.html');
				const button = page(build.dist, pageRel).querySelector('button.copy');
				expect(button?.getAttribute('data-copy'), pageRel).toBe(text);
				expect(page(build.dist, pageRel).querySelector('.snippet pre')?.text.trim()).toBe(text.trim());
			}
		});

		it('has tool pages whose FAQ JSON-LD parses and matches the visible FAQ', () => {
			const toolPages = html.filter((f) => /^servers\/[^/]+\/tools\//.test(f));
			for (const rel of toolPages) {
				const root = page(build.dist, rel);
				const ld = root.querySelector('script[type="application/ld+json"]');
				expect(ld, rel).toBeTruthy();
				// Script content is raw text: a browser decodes no entity in it, so neither may the test.
				const data = JSON.parse(ld?.rawText ?? '') as { '@type': string; mainEntity: { name: string }[] };
				expect(data['@type']).toBe('FAQPage');
				const visible = root.querySelectorAll('details.faq summary').map((s) => s.text);
				expect(data.mainEntity.map((q) => q.name)).toEqual(visible);
			}
		});

		it('has internal links that all resolve, including in-page anchors', () => {
			const broken: string[] = [];
			for (const rel of html) {
				const root = page(build.dist, rel);
				const base = new URL(urlOf(rel), 'http://site.invalid');
				for (const a of root.querySelectorAll('a[href]')) {
					const href = a.getAttribute('href') as string;
					if (/^(https?:|mailto:|data:)/.test(href)) continue;
					const target = new URL(href, base);
					const file = fileFor(build.dist, target.pathname);
					if (!file) {
						broken.push(`${rel} → ${href}`);
						continue;
					}
					if (target.hash && file.endsWith('.html')) {
						const id = decodeURIComponent(target.hash.slice(1));
						const targetRoot = page(build.dist, file.slice(build.dist.length + 1));
						if (!targetRoot.getElementById(id)) broken.push(`${rel} → ${href} (no #${id})`);
					}
				}
			}
			expect(broken).toEqual([]);
		});

		it('builds a Pagefind index covering tools, servers and attacks', () => {
			expect(existsSync(join(build.dist, 'pagefind', 'pagefind-entry.json'))).toBe(true);
			const filters = listFiles(join(build.dist, 'pagefind', 'filter'));
			expect(filters.length).toBeGreaterThan(0);
		});
	});
}
