import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.ts';
import { FORMATS } from '../../src/policy/formats/index.ts';
import { apiCatalogue, apiCatalogueSchema, apiJsonSchema, apiServer, apiServerSchema } from '../../src/site/api.ts';
import { llmsTxt, robotsTxt } from '../../src/site/llms.ts';
import { buildSiteModel } from '../../src/site/model.ts';
import { urls } from '../../src/site/urls.ts';
import { jsonSchemaValidator } from '../helpers/json-schema.ts';

// The hostile fixture catalogue: two small servers, one with poisoned definitions; one given a version.
const loaded = loadCatalogue(resolve('tests/fixtures/hostile/servers')).map((l, i) =>
	i === 0 ? { ...l, server: { ...l.server, source: { ...l.server.source, version: '1.2.3' } } } : l,
);
const model = buildSiteModel(loaded, []);
const validCatalogue = jsonSchemaValidator(apiJsonSchema('catalogue'));
const validServer = jsonSchemaValidator(apiJsonSchema('server'));

describe('API documents', () => {
	it('validate against their zod schema and against the published JSON Schema', () => {
		const catalogue = JSON.parse(JSON.stringify(apiCatalogue(model)));
		expect(apiCatalogueSchema.safeParse(catalogue).error).toBeUndefined();
		expect(validCatalogue(catalogue)).toBeUndefined();
		for (const entry of model.servers) {
			const server = JSON.parse(JSON.stringify(apiServer(entry)));
			expect(apiServerSchema.safeParse(server).error).toBeUndefined();
			expect(validServer(server)).toBeUndefined();
		}
	});
	it('carry each tool’s label from the model and the server’s file in every format', () => {
		const entry = model.servers[0];
		if (!entry) throw new Error('fixture has no server');
		const doc = apiServer(entry);
		expect(doc.tools.map((t) => [t.name, t.level, t.category, t.action])).toEqual(
			entry.tools.map((t) => [t.tool.name, t.decision.level, t.decision.category, t.decision.action]),
		);
		expect(Object.keys(doc.policy)).toEqual(FORMATS.map((f) => f.id));
		for (const f of FORMATS) expect(doc.policy[f.id].text).toBe(entry.formatFiles[f.id].text);
		expect(doc.version).toBe('1.2.3');
		expect(apiCatalogue(model).servers.map((s) => [s.slug, s.toolCount, s.api])).toEqual(
			model.servers.map((s) => [s.slug, s.tools.length, urls.apiServer(s.slug)]),
		);
	});
	it('rejects a document whose tool lacks a level', () => {
		const entry = model.servers[0];
		if (!entry) throw new Error('fixture has no server');
		const doc = JSON.parse(JSON.stringify(apiServer(entry)));
		delete doc.tools[0].level;
		expect(validServer(doc)).toContain('level');
	});
});

describe('llms.txt and robots.txt', () => {
	it('links the API and key pages, absolute when the site is known', () => {
		const relative = llmsTxt(model);
		expect(relative).toContain(`(${urls.apiCatalogue})`);
		expect(relative).toMatch(/^# Policy Atlas\n\n> /);
		const absolute = llmsTxt(model, new URL('https://atlas.example/'));
		expect(absolute).toContain(`(https://atlas.example${urls.apiCatalogue})`);
	});
	it('keeps catalogue text from breaking a link', () => {
		for (const line of llmsTxt(model)
			.split('\n')
			.filter((l) => l.startsWith('- ['))) {
			expect(line).toMatch(/^- \[(?:[^\]\\\n]|\\.)*\]\([^)\s]+\)/);
		}
	});
	it('names the sitemap only when the site is known', () => {
		expect(robotsTxt()).not.toContain('Sitemap');
		expect(robotsTxt(new URL('https://atlas.example/'))).toContain('Sitemap: https://atlas.example/sitemap-index.xml');
	});
});
