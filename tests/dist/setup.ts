/**
 * Global setup of the dist tier: walks each build once, parses every HTML page once, hands the page to each
 * test file's extractor and writes the facts to a temporary folder the test files read (`readFacts`).
 * Parsing is the slow part (10,000 pages); doing it here, once, lets every check over every page share it.
 * A build that is missing is skipped: the checks over it then fail, each saying what is missing.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { BUILDS, factsFile, htmlPages, type PageExtractor, parsePage } from '../helpers/dist.ts';
import { apiFacts } from './api.facts.ts';
import { attackFacts } from './attacks.facts.ts';
import { cspFacts } from './csp.facts.ts';
import { hostileFacts } from './hostile.facts.ts';
import { listingFacts } from './listing.facts.ts';
import { siteFacts } from './site.facts.ts';

/** Every test file's extractor, by the name it reads its facts under. */
const EXTRACTORS: Record<string, PageExtractor<unknown>> = {
	site: siteFacts,
	attacks: attackFacts,
	api: apiFacts,
	listing: listingFacts,
	hostile: hostileFacts,
	csp: cspFacts,
};

export default function setup(project: TestProject): () => void {
	const dir = mkdtempSync(join(tmpdir(), 'atlas-dist-facts-'));
	for (const build of BUILDS) {
		if (!existsSync(build.dist)) continue;
		const started = Date.now();
		const found = Object.fromEntries(Object.keys(EXTRACTORS).map((name) => [name, {} as Record<string, unknown>]));
		const pages = htmlPages(build.dist);
		for (const rel of pages) {
			const root = parsePage(readFileSync(join(build.dist, rel), 'utf8'));
			for (const [name, extract] of Object.entries(EXTRACTORS)) {
				const facts = extract(rel, root);
				if (facts !== undefined) (found[name] as Record<string, unknown>)[rel] = facts;
			}
		}
		mkdirSync(dir, { recursive: true });
		for (const [name, facts] of Object.entries(found))
			writeFileSync(factsFile(dir, build.label, name), JSON.stringify(facts));
		console.log(`dist facts: ${pages.length} pages of ${build.dist} parsed in ${Date.now() - started} ms`);
	}
	project.provide('distFacts', dir);
	return () => rmSync(dir, { recursive: true, force: true });
}
