/**
 * Post-build checks over `dist/` (bundled catalogue) and the hostile fixture build: one page per tool,
 * valid policies that match the page's copy button and download, every format on every tool page,
 * resolving internal links, JSON-LD.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.ts';
import { toolSlugs } from '../../src/catalogue/slug.ts';
import { measureAgreement } from '../../src/evaluation/agreement.ts';
import {
	BUNDLED_CALIBRATION,
	type Estimate,
	loadCalibration,
	measureCalibration,
} from '../../src/evaluation/calibration.ts';
import { BUNDLED_HAND_LABELS, loadHandLabels, measureHandLabels } from '../../src/evaluation/hand-labels.ts';
import { FORMATS } from '../../src/policy/formats/index.ts';
import { policySchema } from '../../src/policy/schema.ts';
import { visibleName } from '../../src/text/reveal.ts';
import { figure, percent } from '../../src/text/words.ts';
import { BUILDS, fileFor, htmlPages, listFiles, readFacts, urlOf } from '../helpers/dist.ts';
import { digest, type SiteFacts } from './site.facts.ts';

for (const build of BUILDS) {
	describe(`${build.label} build (${build.dist})`, () => {
		const servers = loadCatalogue(build.catalogue).map((s) => s.server);
		const html = htmlPages(build.dist);
		const facts = readFacts<SiteFacts>(build, 'site');
		/** The facts of a page the walk parsed; a page it never saw fails the check that asked. */
		const page = (rel: string): SiteFacts => {
			const found = facts.get(rel);
			if (!found) throw new Error(`${rel}: no such page in ${build.dist}`);
			return found;
		};

		it('has exactly one page per catalogue tool, and no other tool pages', () => {
			const expected: string[] = [];
			for (const server of servers) {
				const slugs = toolSlugs(server.tools.map((t) => t.name));
				for (const tool of server.tools) {
					const rel = `servers/${server.slug}/tools/${slugs.get(tool.name)}/index.html`;
					expected.push(rel);
					expect(facts.get(rel)?.h1, rel).toBe(visibleName(tool.name));
				}
			}
			const actual = html.filter((f) => /^servers\/[^/]+\/tools\/[^/]+\/index\.html$/.test(f));
			expect(actual).toEqual([...expected].sort());
			expect(new Set(expected).size).toBe(expected.length);
		});

		it('has a page per server listing every one of its tools', () => {
			for (const server of servers) {
				const listed = page(`servers/${server.slug}/index.html`).toolRows;
				expect(listed, server.slug).toBe(server.tools.length);
			}
		});

		it('publishes server policies that validate, and copy/download give the same bytes', () => {
			const policyFiles = listFiles(build.dist, (f) => f.endsWith('policy.json') && f.startsWith('servers/'));
			// Only server-level files: a tool's downloads are made in the browser from its page.
			expect(policyFiles).toEqual(servers.map((s) => `servers/${s.slug}/policy.json`).sort());
			for (const rel of policyFiles) {
				const text = readFileSync(join(build.dist, rel), 'utf8');
				const parsed = policySchema.safeParse(JSON.parse(text));
				expect(parsed.success, `${rel}: ${parsed.error?.message}`).toBe(true);
				const pageRel = rel.replace(/policy\.json$/, 'index.html');
				// Compared by digest: the page is walked once, its texts are not kept. The builder's script copies
				// and downloads what its output shows, so the output must be the file's bytes.
				expect(page(pageRel).output, `${pageRel}: builder output`).toBe(digest(text));
				expect(page(pageRel).snippet, `${pageRel}: snippet`).toBe(digest(text.trim()));
			}
		});

		it('shows every format on every tool page, each valid, once, with its download name', () => {
			for (const server of servers) {
				const slugs = toolSlugs(server.tools.map((t) => t.name));
				for (const tool of server.tools) {
					const slug = slugs.get(tool.name) as string;
					const rel = `servers/${server.slug}/tools/${slug}/index.html`;
					const root = page(rel);
					expect(root.tabs, rel).toEqual(FORMATS.map((f) => f.id));
					for (const format of FORMATS) {
						const panel = root.panels?.[format.id];
						expect(panel?.texts.length, `${rel} ${format.id}`).toBe(1);
						// Copy and Download read this text: it is the file, final newline included.
						const text = panel?.texts[0] ?? '';
						expect(text.endsWith('\n'), `${rel} ${format.id}`).toBe(true);
						expect(format.validate(text), `${rel} ${format.id}`).toEqual([]);
						expect(panel?.file).toBe(format.fileName(server.slug, slug));
						expect(panel?.type).toBe(format.mediaType);
						// No second copy of the text in an attribute: the page carries each snippet once.
						expect(panel?.dataCopy).toBe(false);
					}
				}
			}
		});

		it('has tool pages whose FAQ JSON-LD parses and matches the visible FAQ', () => {
			const toolPages = html.filter((f) => /^servers\/[^/]+\/tools\//.test(f));
			const runOn: string[] = [];
			for (const rel of toolPages) {
				const { ld, faq } = page(rel);
				expect(ld, rel).toBeTruthy();
				if (!ld || 'error' in ld) throw new Error(`${rel}: JSON-LD does not parse: ${ld?.error}`);
				expect(ld.type).toBe('FAQPage');
				expect(ld.names).toEqual(faq);
				// The quoted description ends its sentence before the next one starts.
				const first = ld.firstAnswer;
				const before = first.slice(0, first.indexOf(' It is classified as '));
				if (!/(?:[.!?。]['’”]*"?|"\.)$/.test(before)) runOn.push(`${rel}: ${before.slice(-60)}`);
			}
			expect(runOn).toEqual([]);
		});

		it('lists no evidence line twice on a tool page', () => {
			const repeated: string[] = [];
			for (const rel of html.filter((f) => /^servers\/[^/]+\/tools\//.test(f))) {
				const lines = page(rel).evidence ?? [];
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
			// Most links are the same few targets (navigation, breadcrumbs): resolve each path once.
			const files = new Map<string, string | undefined>();
			const ids = new Map<string, Set<string>>();
			for (const rel of html) {
				const base = new URL(urlOf(rel), 'http://site.invalid');
				for (const href of page(rel).hrefs) {
					if (/^(https?:|mailto:|data:)/.test(href)) continue;
					const target = new URL(href, base);
					// The site's convention: a page's URL ends in a slash; only files (policy.json, styles) have an extension.
					if (!target.pathname.endsWith('/') && !/\.[a-z0-9]+$/i.test(target.pathname))
						unslashed.push(`${rel} → ${href}`);
					if (!files.has(target.pathname)) files.set(target.pathname, fileFor(build.dist, target.pathname));
					const file = files.get(target.pathname);
					if (!file) {
						broken.push(`${rel} → ${href}`);
						continue;
					}
					if (target.hash && file.endsWith('.html')) {
						const id = decodeURIComponent(target.hash.slice(1));
						const targetRel = file.slice(build.dist.length + 1);
						let targetIds = ids.get(targetRel);
						if (!targetIds) ids.set(targetRel, (targetIds = new Set(page(targetRel).ids)));
						if (!targetIds.has(id)) broken.push(`${rel} → ${href} (no #${id})`);
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
				for (const text of page(rel).counts ?? []) {
					for (const m of text.matchAll(/(?<![\w,.\-/+])\d{4,}(?![\w,]|\.\d)/g))
						bare.push(`${rel}: "${text.trim().slice(0, 80)}" (${m[0]})`);
					separated += text.match(/\d{1,3}(?:,\d{3})+/g)?.length ?? 0;
				}
			}
			expect(bare).toEqual([]);
			if (servers.reduce((n, s) => n + s.tools.length, 0) >= 1000) expect(separated).toBeGreaterThan(0);
		});

		it('shows critical tools from several servers on the home page when there are several', () => {
			const serversOf = (rel: string) => page(rel).rowServers ?? [];
			const critical = new Set(html.filter((f) => /^risk\/critical\//.test(f)).flatMap(serversOf));
			const home = serversOf('index.html');
			if (home.length === 0) return;
			expect(new Set(home).size).toBe(Math.min(home.length, critical.size));
		});

		it('says a placeholder input schema is one (transcribed tools, invalid schemas), and shows claimed tool counts as claims', () => {
			const list = page('servers/index.html').serverRows ?? [];
			for (const server of servers) {
				const slugs = toolSlugs(server.tools.map((t) => t.name));
				for (const tool of server.tools) {
					const placeholder =
						Boolean(tool.invalidSchema) ||
						(server.catalogued.method === 'seed-page' && Object.keys(tool.inputSchema.properties ?? {}).length === 0);
					if (!placeholder) continue;
					const rel = `servers/${server.slug}/tools/${slugs.get(tool.name)}/index.html`;
					const text = page(rel).parameters ?? '';
					expect(text, rel).toContain('placeholder');
					expect(text, rel).not.toContain('No parameters declared');
				}
				const claimed = server.catalogued.claimedToolCount;
				if (claimed === undefined) continue;
				const row = list.find((r) => r.href === `/servers/${server.slug}/`);
				expect(row?.tools, server.slug).toBe(
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
				const notice = page(rel).notice ?? '';
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
			const text = page('methodology/index.html').agreement ?? '';
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

		it('publishes on the methodology page the held-out calibration figures and the labellers agreement', () => {
			const file = build.label === 'bundled' ? loadCalibration(BUNDLED_CALIBRATION) : undefined;
			if (!file) return;
			const tools = servers.flatMap((server) =>
				server.tools.map((tool) => ({ server: { slug: server.slug, name: server.name }, tool })),
			);
			const c = measureCalibration(file.labels, tools);
			const text = page('methodology/index.html').agreement ?? '';
			const shown = (e: Estimate) =>
				`${percent(e.rate)} (${figure(e.agreed)} of ${figure(e.measured)}; 95% interval ${percent(e.low)}–${percent(e.high)})`;
			const h = c.heldOut;
			expect(text).toContain(`${figure(h.tools)} in a held-out half`);
			for (const e of [
				h.category,
				h.levelExact,
				h.levelWithinOne,
				h.readOnly,
				h.destructiveRecall,
				h.destructivePrecision,
			])
				expect(text).toContain(shown(e));
			for (const e of Object.values(c.labellers)) expect(text).toContain(shown(e));
		});

		it('builds a Pagefind index covering tools, servers and attacks', () => {
			expect(existsSync(join(build.dist, 'pagefind', 'pagefind-entry.json'))).toBe(true);
			const filters = listFiles(join(build.dist, 'pagefind', 'filter'));
			expect(filters.length).toBeGreaterThan(0);
		});
	});
}
