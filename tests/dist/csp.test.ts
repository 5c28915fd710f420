/**
 * Every HTML page of both builds carries the site's Content-Security-Policy (src/site/csp.ts) ahead of the
 * code it governs, and the policy admits all the page's own inline code by hash and nothing else inline.
 */
import { describe, expect, it } from 'vitest';
import { CSP_DIRECTIVES, CSP_SCRIPT_SOURCES, CSP_STYLE_SOURCES } from '../../src/site/csp.ts';
import { BUILDS, htmlPages, readFacts } from '../helpers/dist.ts';
import { type CspFacts, parsePolicy } from './csp.facts.ts';

for (const build of BUILDS) {
	describe(`${build.label} build (${build.dist})`, () => {
		const facts = readFacts<CspFacts>(build, 'csp');
		const pages = htmlPages(build.dist);

		it('has one policy meta per page, in head before any script or style', () => {
			expect(pages.length).toBeGreaterThan(0);
			for (const rel of pages) {
				const f = facts.get(rel);
				expect(f?.policies, rel).toHaveLength(1);
				expect(f?.first, rel).toBe(true);
			}
		});

		it("carries one policy, the same on every page, so a host can send any page's as a header", () => {
			expect(new Set(pages.map((rel) => facts.get(rel)?.digest)).size).toBe(1);
		});

		it('sets the configured directives, with no inline or eval escape hatch for scripts or styles', () => {
			for (const rel of pages) {
				const policy = parsePolicy(facts.get(rel)?.policies[0] ?? '');
				for (const directive of CSP_DIRECTIVES) {
					const [name, ...sources] = directive.split(' ');
					expect(policy.get(name ?? ''), `${rel}: ${name}`).toEqual(sources);
				}
				expect(policy.get('script-src'), rel).toEqual([...CSP_SCRIPT_SOURCES]);
				expect(policy.get('style-src'), rel).toEqual([...CSP_STYLE_SOURCES]);
				for (const name of ['script-src', 'style-src'])
					expect(policy.get(name), `${rel}: ${name}`).not.toEqual(
						expect.arrayContaining([expect.stringMatching(/^'unsafe-(inline|eval|hashes)'$/)]),
					);
				// A narrower directive would replace script-src/style-src for its elements or attributes.
				for (const name of policy.keys()) expect(name, rel).not.toMatch(/^(script|style)-src-(elem|attr)$/);
			}
		});

		it('admits every inline script and style of the page by its hash, and the page has no inline attribute code', () => {
			for (const rel of pages) {
				const f = facts.get(rel);
				expect(f?.unhashed, rel).toEqual([]);
				expect(f?.inlineAttributes, rel).toEqual([]);
			}
		});
	});
}
