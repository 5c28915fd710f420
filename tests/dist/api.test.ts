/**
 * Post-build checks of the data for machines in both builds: the API files parse and validate against the
 * schemas the build publishes, agree with the pages tool by tool, and every llms.txt link resolves.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiCatalogue, ApiServer } from '../../src/site/api.ts';
import { urls } from '../../src/site/urls.ts';
import { BUILDS, fileFor, listFiles, readFacts } from '../helpers/dist.ts';
import { jsonSchemaValidator } from '../helpers/json-schema.ts';
import type { ApiFacts } from './api.facts.ts';

const readJson = (dist: string, path: string): unknown => {
	const file = fileFor(dist, path);
	if (!file) throw new Error(`${path}: not in ${dist}`);
	return JSON.parse(readFileSync(file, 'utf8'));
};

for (const build of BUILDS) {
	describe(`${build.label} build: API, schemas, llms.txt`, () => {
		const catalogue = () => readJson(build.dist, urls.apiCatalogue) as ApiCatalogue;

		it('publishes a catalogue index and one file per server that validate against the published schemas', () => {
			const validCatalogue = jsonSchemaValidator(
				readJson(build.dist, urls.apiCatalogueSchema) as Record<string, unknown>,
			);
			const validServer = jsonSchemaValidator(readJson(build.dist, urls.apiServerSchema) as Record<string, unknown>);
			const index = catalogue();
			expect(validCatalogue(index)).toBeUndefined();
			const files = listFiles(join(build.dist, 'api/v1/servers')).map((f) => `/api/v1/servers/${f}`);
			expect(files).toEqual(index.servers.map((s) => s.api).sort());
			for (const summary of index.servers) {
				const server = readJson(build.dist, summary.api) as ApiServer;
				expect(validServer(server), summary.api).toBeUndefined();
				expect(server.tools.length, summary.api).toBe(summary.toolCount);
			}
			expect(index.toolCount).toBe(index.servers.reduce((n, s) => n + s.toolCount, 0));
		});

		it('gives every tool the level, category and action its page shows, and covers every tool page', () => {
			const pages = readFacts<ApiFacts>(build, 'api');
			const seen = new Set<string>();
			for (const summary of catalogue().servers) {
				for (const tool of (readJson(build.dist, summary.api) as ApiServer).tools) {
					const rel = `${tool.url.slice(1)}index.html`;
					seen.add(rel);
					expect(pages.get(rel), rel).toEqual({ level: tool.level, category: tool.category, action: tool.action });
				}
			}
			expect([...pages.keys()].sort()).toEqual([...seen].sort());
		});

		it('serves the server policy files the API names with the same text', () => {
			for (const summary of catalogue().servers) {
				const server = readJson(build.dist, summary.api) as ApiServer;
				for (const file of Object.values(server.policy)) {
					const served = fileFor(build.dist, file.url);
					expect(served, file.url).toBeDefined();
					expect(readFileSync(served as string, 'utf8'), file.url).toBe(file.text);
				}
			}
		});

		it('has an llms.txt whose links all resolve, a robots.txt and a favicon', () => {
			const llms = readFileSync(fileFor(build.dist, urls.llms) as string, 'utf8');
			const paths = [...llms.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => new URL(m[1] as string, 'http://x/').pathname);
			expect(paths).toContain(urls.apiCatalogue);
			for (const path of paths) expect(fileFor(build.dist, path), path).toBeDefined();
			expect(fileFor(build.dist, urls.robots)).toBeDefined();
			expect(fileFor(build.dist, urls.favicon)).toBeDefined();
		});
	});
}
