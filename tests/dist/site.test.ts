/**
 * Post-build checks over `dist/` (bundled catalogue) and the hostile fixture build: one page per tool,
 * valid policies that match the page's copy button and download, resolving internal links, JSON-LD.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.ts';
import { toolSlugs } from '../../src/catalogue/slug.ts';
import { measureAgreement } from '../../src/evaluation/agreement.ts';
import { BUNDLED_HAND_LABELS, loadHandLabels, measureHandLabels } from '../../src/evaluation/hand-labels.ts';
import { policySchema } from '../../src/policy/schema.ts';
import { visibleText } from '../../src/text/reveal.ts';
import { figure, percent } from '../../src/text/words.ts';
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
				const listed = root.querySelectorAll('#tools ~ [data-builder] tbody tr').length;
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
				const root = page(build.dist, pageRel);
				// Server pages show it as the builder's output (the script copies what is shown); tool pages carry it on the button.
				if (/^servers\/[^/]+\/policy\.json$/.test(rel))
					expect(root.querySelector('[data-builder] [data-output]')?.text, pageRel).toBe(text);
				else expect(root.querySelector('button.copy')?.getAttribute('data-copy'), pageRel).toBe(text);
				expect(root.querySelector('.snippet pre')?.text.trim()).toBe(text.trim());
			}
		});

		it('has tool pages whose FAQ JSON-LD parses and matches the visible FAQ', () => {
			const toolPages = html.filter((f) => /^servers\/[^/]+\/tools\//.test(f));
			const runOn: string[] = [];
			for (const rel of toolPages) {
				const root = page(build.dist, rel);
				const ld = root.querySelector('script[type="application/ld+json"]');
				expect(ld, rel).toBeTruthy();
				// Script content is raw text: a browser decodes no entity in it, so neither may the test.
				const data = JSON.parse(ld?.rawText ?? '') as {
					'@type': string;
					mainEntity: { name: string; acceptedAnswer: { text: string } }[];
				};
				expect(data['@type']).toBe('FAQPage');
				const visible = root.querySelectorAll('details.faq summary').map((s) => s.text);
				expect(data.mainEntity.map((q) => q.name)).toEqual(visible);
				// The quoted description ends its sentence before the next one starts.
				const first = data.mainEntity[0]?.acceptedAnswer.text ?? '';
				const before = first.slice(0, first.indexOf(' It is classified as '));
				if (!/(?:[.!?。]['’”]*"?|"\.)$/.test(before)) runOn.push(`${rel}: ${before.slice(-60)}`);
			}
			expect(runOn).toEqual([]);
		});

		it('lists no evidence line twice on a tool page', () => {
			const repeated: string[] = [];
			for (const rel of html.filter((f) => /^servers\/[^/]+\/tools\//.test(f))) {
				const lines =
					page(build.dist, rel)
						.querySelectorAll('#why ~ ul.evidence')[0]
						?.querySelectorAll('li')
						.map((li) => li.text.trim()) ?? [];
				const seen = new Set<string>();
				for (const line of lines) {
					if (seen.has(line)) repeated.push(`${rel}: ${line}`);
					seen.add(line);
				}
			}
			expect(repeated.slice(0, 5)).toEqual([]);
		});

		it('has internal links that all resolve, including in-page anchors', () => {
			const broken: string[] = [];
			const unslashed: string[] = [];
			for (const rel of html) {
				const root = page(build.dist, rel);
				const base = new URL(urlOf(rel), 'http://site.invalid');
				for (const a of root.querySelectorAll('a[href]')) {
					const href = a.getAttribute('href') as string;
					if (/^(https?:|mailto:|data:)/.test(href)) continue;
					const target = new URL(href, base);
					// The site's convention: a page's URL ends in a slash; only files (policy.json, styles) have an extension.
					if (!target.pathname.endsWith('/') && !/\.[a-z0-9]+$/i.test(target.pathname))
						unslashed.push(`${rel} → ${href}`);
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
			expect(unslashed).toEqual([]);
		});

		it('prints every count of 1,000 or more with thousands separators (home, servers list, browse pages)', () => {
			const pages = html.filter(
				(f) => f === 'index.html' || f === 'servers/index.html' || /^(risk|category)\//.test(f),
			);
			const bare: string[] = [];
			let separated = 0;
			for (const rel of pages) {
				const root = page(build.dist, rel);
				for (const el of root.querySelectorAll(
					'main nav p, main p.muted, main .pagination, main td, main .counts .n',
				)) {
					const text = el.text;
					for (const m of text.matchAll(/(?<![\w,.\-/])\d{4,}(?![\w,]|\.\d)/g))
						bare.push(`${rel}: "${text.trim().slice(0, 80)}" (${m[0]})`);
					separated += text.match(/\d{1,3}(?:,\d{3})+/g)?.length ?? 0;
				}
			}
			expect(bare).toEqual([]);
			if (servers.reduce((n, s) => n + s.tools.length, 0) >= 1000) expect(separated).toBeGreaterThan(0);
		});

		it('shows critical tools from several servers on the home page when there are several', () => {
			const serversOf = (rel: string) =>
				page(build.dist, rel)
					.querySelectorAll('main table tbody tr')
					.map((tr) => tr.querySelectorAll('td')[1]?.text.trim() ?? '');
			const critical = new Set(html.filter((f) => /^risk\/critical\//.test(f)).flatMap(serversOf));
			const home = serversOf('index.html');
			if (home.length === 0) return;
			expect(new Set(home).size).toBe(Math.min(home.length, critical.size));
		});

		it('says a placeholder input schema is one (transcribed tools, invalid schemas), and shows claimed tool counts as claims', () => {
			const list = page(build.dist, 'servers/index.html');
			for (const server of servers) {
				const slugs = toolSlugs(server.tools.map((t) => t.name));
				for (const tool of server.tools) {
					const placeholder =
						Boolean(tool.invalidSchema) ||
						(server.catalogued.method === 'seed-page' && Object.keys(tool.inputSchema.properties ?? {}).length === 0);
					if (!placeholder) continue;
					const rel = `servers/${server.slug}/tools/${slugs.get(tool.name)}/index.html`;
					const text = page(build.dist, rel).querySelector('#parameters')?.nextElementSibling?.text ?? '';
					expect(text, rel).toContain('placeholder');
					expect(text, rel).not.toContain('No parameters declared');
				}
				const claimed = server.catalogued.claimedToolCount;
				if (claimed === undefined) continue;
				const row = list
					.querySelectorAll('tbody tr')
					.find((tr) => tr.querySelector('a')?.getAttribute('href') === `/servers/${server.slug}/`);
				expect(row?.querySelectorAll('td')[1]?.text.replace(/\s+/g, ' ').trim(), server.slug).toBe(
					`${server.tools.length.toLocaleString('en-US')} (${claimed.toLocaleString('en-US')} claimed)`,
				);
			}
		});

		it('shows a curated override as such: both labels and the reason, and the curated label in the policy', () => {
			const curated = servers.flatMap((server) => {
				const slugs = toolSlugs(server.tools.map((t) => t.name));
				return server.tools
					.filter((t) => t.curated)
					.map((tool) => ({ server, tool, rel: `servers/${server.slug}/tools/${slugs.get(tool.name)}/index.html` }));
			});
			if (build.label === 'bundled') expect(curated.length).toBeGreaterThan(0);
			for (const { tool, rel } of curated) {
				const notice = page(build.dist, rel).querySelector('#why + .notice')?.text.replace(/\s+/g, ' ') ?? '';
				expect(notice, rel).toContain('Curated label: the rules say');
				expect(notice, rel).toContain(tool.curated?.reason ?? '');
				if (tool.curated?.category) expect(notice, rel).toContain(`our editors set ${tool.curated.category} /`);
			}
		});

		it('publishes on the methodology page the agreement figures `npm run evaluate` measures on its catalogue', () => {
			const report = measureAgreement(
				servers.flatMap((server) =>
					server.tools.map((tool) => ({ server: { slug: server.slug, name: server.name }, tool })),
				),
			);
			const text =
				page(build.dist, 'methodology/index.html').querySelector('#agreement')?.parentNode?.text.replace(/\s+/g, ' ') ??
				'';
			expect(text).toContain(`${figure(report.tools)} tools, of which ${figure(report.labelled)} declare`);
			for (const m of [report.read, report.destructive, report.strictDestructive]) {
				if (m.measured > 0)
					expect(text).toContain(`${percent(m.rate)} agreement (${figure(m.agreed)} of ${figure(m.measured)} tools`);
			}
			const v = report.destructiveByVerb;
			if (v.ceiling.measured > 0) {
				expect(text).toContain(
					`${percent(v.ceiling.rate)} (${figure(v.ceiling.agreed)} of ${figure(v.ceiling.measured)})`,
				);
				expect(text).toContain(
					`${percent(v.crossServer.byServers.rate)} (${figure(v.crossServer.byServers.agreed)}) with one vote per server`,
				);
				expect(text).toContain(
					`${percent(v.crossServer.byTools.rate)} (${figure(v.crossServer.byTools.agreed)}) with one vote per tool`,
				);
			}
			const labels = loadHandLabels(BUNDLED_HAND_LABELS);
			const tools = servers.flatMap((server) =>
				server.tools.map((tool) => ({ server: { slug: server.slug, name: server.name }, tool })),
			);
			const hand = labels ? measureHandLabels(labels.labels, tools) : undefined;
			if (build.label === 'bundled') expect(hand?.measured).toBeGreaterThan(0);
			if (hand && hand.measured > 0) {
				expect(text).toContain(
					`agree with the hand labels on ${percent(hand.rules.rate)} (${figure(hand.rules.agreed)} of ${figure(hand.rules.measured)})`,
				);
				expect(text).toContain(
					`agrees on ${percent(hand.authors.rate)} (${figure(hand.authors.agreed)} of ${figure(hand.authors.measured)})`,
				);
			}
		});

		it('builds a Pagefind index covering tools, servers and attacks', () => {
			expect(existsSync(join(build.dist, 'pagefind', 'pagefind-entry.json'))).toBe(true);
			const filters = listFiles(join(build.dist, 'pagefind', 'filter'));
			expect(filters.length).toBeGreaterThan(0);
		});
	});
}
