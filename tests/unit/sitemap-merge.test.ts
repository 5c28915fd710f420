/** Merging the sitemaps of a split build's parts: union of URLs, first part first, chunked as the integration does. */
import { describe, expect, it } from 'vitest';
import { isSitemapFile, mergeSitemaps, SITEMAP_INDEX } from '../../scripts/lib/sitemap-merge.ts';

const HEAD = '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">';
const chunk = (...paths: string[]) =>
	`${HEAD}${paths.map((p) => `<url><loc>https://x.org${p}</loc></url>`).join('')}</urlset>`;
const index = (n: number) =>
	`<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${Array.from(
		{ length: n },
		(_, i) => `<sitemap><loc>https://x.org/sitemap-${i}.xml</loc></sitemap>`,
	).join('')}</sitemapindex>`;

describe('mergeSitemaps', () => {
	it('lists every URL once, part 1 first, in chunks of the limit, with an index naming them', () => {
		const merged = mergeSitemaps(
			[
				{ index: index(1), chunks: [chunk('/', '/servers/a/', '/risk/')] },
				{ index: index(2), chunks: [chunk('/servers/b/', '/'), chunk('/servers/c/')] },
			],
			2,
		);
		expect([...merged.keys()]).toEqual(['sitemap-0.xml', 'sitemap-1.xml', 'sitemap-2.xml', SITEMAP_INDEX]);
		expect(merged.get('sitemap-0.xml')).toBe(chunk('/', '/servers/a/'));
		expect(merged.get('sitemap-1.xml')).toBe(chunk('/risk/', '/servers/b/'));
		expect(merged.get('sitemap-2.xml')).toBe(chunk('/servers/c/'));
		expect(merged.get(SITEMAP_INDEX)).toBe(index(3));
	});

	it('is the single build’s own sitemap when given one part', () => {
		const only = { index: index(1), chunks: [chunk('/', '/servers/a/')] };
		const merged = mergeSitemaps([only]);
		expect(merged.get('sitemap-0.xml')).toBe(only.chunks[0]);
		expect(merged.get(SITEMAP_INDEX)).toBe(only.index);
	});

	it('names the sitemap files and nothing else', () => {
		expect(['sitemap-index.xml', 'sitemap-0.xml', 'sitemap-12.xml'].every(isSitemapFile)).toBe(true);
		expect(['sitemap.xml', 'servers/sitemap-0.xml', 'robots.txt'].some(isSitemapFile)).toBe(false);
	});
});
