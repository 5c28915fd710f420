/**
 * Post-build checks of the attack database, on both builds: every pattern is reachable from the index;
 * every link between a tool and a pattern exists in both directions (tool page ⇄ the pattern's
 * paginated tool list); sources are absolute https URLs with author and date; server pages show the
 * patterns and the lethal-trifecta legs their tools supply; the incident timeline holds every incident;
 * and search finds attacks and incidents through their filters (Pagefind's own client, in Node).
 */
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentTimeline } from '../../src/attacks/incidents.ts';
import { ATTACK_CATEGORY_LABELS } from '../../src/attacks/labels.ts';
import { loadAttackFiles } from '../../src/attacks/load.ts';
import { OWASP_MCP_TOP10, owaspMapping } from '../../src/attacks/owasp.ts';
import { sourceDateLabel } from '../../src/attacks/schema.ts';
import { serverTrifecta, TRIFECTA_LEGS } from '../../src/attacks/trifecta.ts';
import { loadCatalogue } from '../../src/catalogue/load.ts';
import { toolSlugs } from '../../src/catalogue/slug.ts';
import { classify } from '../../src/classify/index.ts';
import { PREVIEW_TOOLS, TOOLS_PAGE_SIZE } from '../../src/site/browse.ts';
import { urls } from '../../src/site/urls.ts';
import { BUILDS, fileFor, listFiles, readFacts } from '../helpers/dist.ts';
import { serve } from '../helpers/serve.ts';
import type { AttackFacts } from './attacks.facts.ts';

const attacks = loadAttackFiles();
const toolScoped = attacks.filter((a) => a.data.scope === 'tool');
const timeline = incidentTimeline(attacks);

/** `/attacks/<id>/` → `<id>`, for links to pattern pages only (not their tool lists or the timeline). */
const patternId = (href: string): string | undefined => /^\/attacks\/([^/#]+)\/$/.exec(href)?.[1];

for (const build of BUILDS) {
	describe(`attack database, ${build.label} build (${build.dist})`, () => {
		const servers = loadCatalogue(build.catalogue).map((s) => s.server);
		const toolPages = listFiles(build.dist, (f) => /^servers\/[^/]+\/tools\/[^/]+\/index\.html$/.test(f));
		const toolUrl = (rel: string) => `/${rel.replace(/index\.html$/, '')}`;
		const facts = readFacts<AttackFacts>(build, 'attacks');
		/** The facts of a page the walk parsed; a page it never saw fails the check that asked. */
		const page = (rel: string): AttackFacts => {
			const found = facts.get(rel);
			if (!found) throw new Error(`${rel}: no such page in ${build.dist}`);
			return found;
		};

		/** Every (tool URL, pattern id) pair a tool page's #attacks section links. */
		const fromTools = new Set<string>();
		for (const rel of toolPages) {
			for (const href of page(rel).links ?? []) {
				const id = patternId(href);
				if (id) fromTools.add(`${toolUrl(rel)} ${id}`);
			}
		}

		/** Every page of a pattern's exposed-tool list, following the Next links from page 1. */
		function listPages(id: string): string[] {
			const out: string[] = [];
			let href: string | undefined = urls.attackTools(id);
			while (href) {
				const file = fileFor(build.dist, href);
				expect(file, `${id}: ${href}`).toBeTruthy();
				const rel = (file as string).slice(build.dist.length + 1);
				out.push(rel);
				href = page(rel).next;
			}
			return out;
		}

		it('publishes a page per pattern (at least 20), each reachable from the index under its category', () => {
			expect(attacks.length).toBeGreaterThanOrEqual(20);
			const index = page('attacks/index.html');
			const linked = new Set((index.cards ?? []).map(patternId));
			for (const { id, data } of attacks) {
				expect(fileFor(build.dist, urls.attack(id)), id).toBeTruthy();
				expect(linked.has(id), `${id} is not linked from the index`).toBe(true);
				const section = index.sections?.[data.category];
				expect(section?.hrefs.includes(urls.attack(id)), `${id} under ${data.category}`).toBe(true);
				expect(section?.text).toBe(ATTACK_CATEGORY_LABELS[data.category]);
			}
			expect(index.hrefs).toContain(urls.incidents);
			const pages = listFiles(join(build.dist, 'attacks'), (f) => /^[^/]+\/index\.html$/.test(f)).map(
				(f) => f.split('/')[0],
			);
			expect(pages.filter((p) => p !== 'incidents').sort()).toEqual(attacks.map((a) => a.id).sort());
		});

		it('states on every pattern page the date its sources were last checked', () => {
			for (const { id, data } of attacks) {
				expect(page(`attacks/${id}/index.html`).sourcesChecked, id).toBe(
					`Sources last checked ${data.sourcesChecked}.`,
				);
			}
		});

		it('publishes the mapping to the OWASP MCP Top 10 on the index, one row per item with its patterns linked', () => {
			const rows = page('attacks/index.html').owaspMcp ?? [];
			const expected = owaspMapping(attacks, OWASP_MCP_TOP10, 'owaspMcp');
			expect(rows.map((r) => r.heading)).toEqual(expected.map((e) => `${e.id} ${e.title}`));
			rows.forEach((row, i) => {
				expect(row.hrefs).toEqual(expected[i]?.patterns.map((p) => urls.attack(p.id)));
			});
		});

		it("links every tool and pattern both ways: tool page ⇄ the pattern's exposed-tool list", () => {
			const fromLists = new Set<string>();
			for (const { id } of toolScoped) {
				for (const rel of listPages(id)) {
					const rows = page(rel).rows ?? [];
					expect(rows.length, rel).toBeLessThanOrEqual(TOOLS_PAGE_SIZE);
					for (const row of rows) fromLists.add(`${row} ${id}`);
				}
			}
			const missingOnLists = [...fromTools].filter((k) => !fromLists.has(k));
			const missingOnTools = [...fromLists].filter((k) => !fromTools.has(k));
			expect(missingOnLists).toEqual([]);
			expect(missingOnTools).toEqual([]);
			// Patterns no tool trait exposes are never linked from a tool and have no list.
			for (const { id } of attacks.filter((a) => a.data.scope !== 'tool')) {
				expect(
					[...fromTools].some((k) => k.endsWith(` ${id}`)),
					id,
				).toBe(false);
				expect(fileFor(build.dist, urls.attackTools(id)), id).toBeUndefined();
			}
			// Every tool is exposed to at least the rug pull, so every tool page links a pattern.
			expect(new Set([...fromTools].map((k) => k.split(' ')[0])).size).toBe(toolPages.length);
		});

		it('states the exposed-tool count on each pattern page, previews the first tools and links page 1', () => {
			for (const { id } of toolScoped) {
				const root = page(`attacks/${id}/index.html`);
				const total = [...fromTools].filter((k) => k.endsWith(` ${id}`)).length;
				expect(root.exposed, id).toMatch(new RegExp(`^${total.toLocaleString('en-US')} catalogue tools? exposed$`));
				expect(root.preview, id).toBe(Math.min(total, PREVIEW_TOOLS));
				expect(root.hrefs, id).toContain(urls.attackTools(id));
			}
		});

		it('leads each tool page link with the short reason, and tags the page for the attack filter', () => {
			const labels = new Set(attacks.flatMap((a) => a.data.exposedBy.map((e) => e.when)));
			expect(labels.size).toBeGreaterThan(0);
			// Every tool page: the walk already read them all, so no sample is needed.
			for (const rel of toolPages) {
				const { items = [], filters } = page(rel);
				for (const li of items) {
					expect(li.why, rel).toMatch(/^[a-z]/);
					expect(li.text, rel).toMatch(/^[^:]+: \S/);
				}
				expect(filters, rel).toEqual(items.map((li) => li.name));
			}
		});

		it('cites only absolute https sources with author and date, and incident sources among them', () => {
			for (const { id, data } of attacks) {
				const root = page(`attacks/${id}/index.html`);
				const items = root.sources ?? [];
				expect(items.length, id).toBe(data.sources.length);
				const hrefs = items.map((li) => li.href);
				for (const [i, url] of hrefs.entries()) {
					expect(new URL(url).protocol, `${id}: ${url}`).toBe('https:');
					const s = data.sources[i];
					expect(items[i]?.text, id).toContain(`${s?.author}, ${s ? sourceDateLabel(s) : ''}`);
				}
				for (const href of root.incidentSources ?? []) expect(hrefs, id).toContain(href);
			}
		});

		it('shows on each server page the patterns its tools link, with matching counts', () => {
			for (const server of servers) {
				const root = page(`servers/${server.slug}/index.html`);
				const expected = new Map<string, number>();
				for (const key of fromTools) {
					const [url, id] = key.split(' ') as [string, string];
					if (url.startsWith(`/servers/${server.slug}/tools/`)) expected.set(id, (expected.get(id) ?? 0) + 1);
				}
				const shown = new Map<string, number>();
				for (const row of root.exposure ?? []) {
					const id = patternId(row.href) as string;
					shown.set(id, Number(/^([\d,]+)/.exec(row.n)?.[1]?.replaceAll(',', '')));
				}
				expect(Object.fromEntries(shown), server.slug).toEqual(Object.fromEntries(expected));
			}
		});

		it("flags exactly the servers that supply all three trifecta legs, listing each leg's tools", () => {
			let complete = 0;
			for (const server of servers) {
				const slugs = toolSlugs(server.tools.map((t) => t.name));
				const tools = server.tools.map((t) => ({
					url: `/servers/${server.slug}/tools/${slugs.get(t.name)}/`,
					traits: classify(t, { slug: server.slug, name: server.name }).traits,
				}));
				const expected = serverTrifecta(tools, (t) => t.traits);
				const panel = page(`servers/${server.slug}/index.html`).trifecta;
				expect(panel, server.slug).toBeTruthy();
				expect(panel?.complete, server.slug).toBe(expected.complete);
				expect(panel?.warn, server.slug).toBe(expected.complete);
				const legs = panel?.legs ?? [];
				const present = TRIFECTA_LEGS.filter((leg) => expected.legs[leg].length > 0);
				expect(legs.length, server.slug).toBe(present.length);
				present.forEach((leg, i) => {
					const shown = legs[i] ?? [];
					expect(shown, `${server.slug} ${leg}`).toEqual(expected.legs[leg].slice(0, shown.length).map((t) => t.url));
				});
				if (expected.complete) complete++;
			}
			expect(page('attacks/lethal-trifecta/index.html').trifectaServers).toBe(complete);
		});

		it('lists every incident on the timeline in date order, linked to and from its patterns', () => {
			const root = page('attacks/incidents/index.html');
			const rows = root.timeline ?? [];
			const ids = new Set(root.ids);
			expect(rows.map((r) => r.id)).toEqual(timeline.map((t) => t.anchor));
			for (const [i, row] of rows.entries()) {
				const t = timeline[i];
				expect(row.date).toBe(t?.date);
				expect(row.target).toBe(t?.target);
				expect(row.patterns.map(patternId)).toEqual(t?.patterns.map((p) => p.id));
				expect(new URL(row.source).protocol).toBe('https:');
			}
			for (const { id, data } of attacks) {
				const dates = page(`attacks/${id}/index.html`).incidentDates ?? [];
				expect(dates.length, id).toBe(data.incidents.length);
				for (const href of dates) {
					const anchor = href.split('#')[1] ?? '';
					expect(ids.has(anchor), `${id} → #${anchor}`).toBe(true);
				}
			}
		});

		describe('search', () => {
			let close: () => Promise<void> = async () => {};
			let pagefind: {
				search: (
					q: string | null,
					o?: { filters?: Record<string, string> },
				) => Promise<{
					results: {
						data: () => Promise<{ url: string; meta: Record<string, string>; filters: Record<string, string[]> }>;
					}[];
				}>;
				filters: () => Promise<Record<string, Record<string, number>>>;
			};

			beforeAll(async () => {
				const served = await serve(build.dist);
				close = served.close;
				pagefind = await import(pathToFileURL(resolve(build.dist, 'pagefind', 'pagefind.js')).href);
				await (pagefind as unknown as { options: (o: object) => Promise<void> }).options({
					basePath: `${served.url}/pagefind/`,
					baseUrl: '/',
				});
			});
			afterAll(() => close());

			it('has a record per incident and per attack, with type and attack-category filters', async () => {
				const filters = await pagefind.filters();
				expect(filters.type?.Incident).toBe(timeline.length);
				expect(filters.type?.Attack).toBe(attacks.length);
				expect(Object.keys(filters['attack-category'] ?? {}).sort()).toEqual(
					[...new Set(attacks.map((a) => ATTACK_CATEGORY_LABELS[a.data.category]))].sort(),
				);
			});

			it('finds every incident by its target, filtered to incidents, at its timeline row', async () => {
				for (const t of timeline) {
					// The first distinctive word of the target: "postmark-mcp (npm)" → "postmark-mcp".
					const query =
						t.target.split(/[\s,(]+/).find((w) => w.length > 3 && !/^(mcp|servers?|clients?|popular)$/i.test(w)) ??
						t.target;
					const found = await pagefind.search(query, { filters: { type: 'Incident' } });
					const hits = await Promise.all(found.results.map(async (r) => (await r.data()).url));
					expect(hits, `${query} → ${t.anchor}`).toContain(urls.incident(t.anchor));
				}
			});

			it('narrows tools to those exposed to a pattern with the attack filter', async () => {
				const ssrf = attacks.find((a) => a.id === 'ssrf');
				const found = await pagefind.search(null, { filters: { type: 'Tool', attack: ssrf?.data.title as string } });
				const hits = new Set(await Promise.all(found.results.map(async (r) => (await r.data()).url)));
				const expected = new Set([...fromTools].filter((k) => k.endsWith(' ssrf')).map((k) => k.split(' ')[0]));
				expect(hits).toEqual(expected);
			});
		});
	});
}
