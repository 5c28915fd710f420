/** Post-build check of paginated listings in both builds: each page of a listing has its own title. */
import { describe, expect, it } from 'vitest';
import { BUILDS, readFacts } from '../helpers/dist.ts';
import { LISTING } from './listing.facts.ts';

for (const build of BUILDS) {
	describe(`${build.label} build: paginated listings`, () => {
		it('give every page its own title, naming its number after the first', () => {
			const byListing = new Map<string, [string, string][]>();
			for (const [rel, title] of readFacts<string>(build, 'listing')) {
				const listing = LISTING.exec(rel)?.[1] as string;
				byListing.set(listing, [...(byListing.get(listing) ?? []), [rel, title]]);
			}
			expect(byListing.size).toBeGreaterThan(0);
			for (const [listing, pages] of byListing) {
				const titles = pages.map(([, title]) => title);
				expect(new Set(titles).size, listing).toBe(titles.length);
				for (const [rel, title] of pages) {
					const n = /\/(\d+)\/index\.html$/.exec(rel)?.[1];
					if (n) expect(title, rel).toContain(`page ${n} of ${pages.length}`);
				}
			}
		});
	});
}
