/**
 * A build split in two by server (`ATLAS_SHARD=1/2`, `ATLAS_SHARD=2/2`) and merged (`npm run merge-shards`)
 * is the single build page for page: every file but the search index is byte for byte the same, and search
 * on the merged site (in Chromium, merging the parts' bundles with Pagefind's `mergeIndex`) finds tools of
 * both parts by name; the merged sitemap lists the single build's URLs. Part 2 also writes its index as two
 * bundles (`ATLAS_SHARDS=2`). All three are built for a public address (`ATLAS_SITE_URL`). Three builds of the
 * small hostile fixture catalogue: 5-30 s each idle, a few minutes on a loaded 2-core machine.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSitemapFile, SITEMAP_INDEX } from '../../scripts/lib/sitemap-merge.ts';
import { PART_MARKER } from '../../src/integrations/search-index.ts';
import { urls } from '../../src/site/urls.ts';
import { launchChromium } from '../helpers/browser.ts';
import { listFiles } from '../helpers/dist.ts';
import { serve } from '../helpers/serve.ts';
import { tempDir } from '../helpers/temp.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const CATALOGUE = join(ROOT, 'tests', 'fixtures', 'hostile', 'servers');
const BUILD_TIMEOUT = 300_000;
const SITE_URL = 'https://atlas.example.org';

/** Runs an npm script in the checkout and fails with its output when it fails. */
function npm(args: string[], env: Record<string, string>): string {
	const result = spawnSync('npm', ['run', ...args], {
		cwd: ROOT,
		encoding: 'utf8',
		env: { ...process.env, ATLAS_CATALOGUE: CATALOGUE, ATLAS_SITE_URL: SITE_URL, ...env },
		timeout: BUILD_TIMEOUT,
	});
	if (result.status !== 0) throw new Error(`npm run ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
	return result.stdout;
}

/** Files of a site that are not its search index. */
const isSite = (file: string) =>
	!file.startsWith(urls.pagefind.slice(1)) && !file.startsWith(urls.pagefindShards.slice(1));

/** Tool pages under `dir` with the names their headings show. */
function tools(dir: string): { url: string; name: string }[] {
	return listFiles(dir, (f) => /^servers\/[^/]+\/tools\/[^/]+\/index\.html$/.test(f)).map((file) => ({
		url: `/${file.replace(/index\.html$/, '')}`,
		name:
			parse(readFileSync(join(dir, file), 'utf8'))
				.querySelector('h1')
				?.textContent.trim() ?? '',
	}));
}

describe('a build split by server and merged', () => {
	const single = tempDir('atlas-single-');
	const parts = [tempDir('atlas-part1-'), tempDir('atlas-part2-')];
	const merged = tempDir('atlas-merged-');

	beforeAll(() => {
		npm(['build'], { ATLAS_OUT_DIR: single });
		npm(['build'], { ATLAS_OUT_DIR: parts[0] as string, ATLAS_SHARD: '1/2' });
		npm(['build'], { ATLAS_OUT_DIR: parts[1] as string, ATLAS_SHARD: '2/2', ATLAS_SHARDS: '2' });
		npm(['merge-shards', '--', ...parts, '--out', merged], {});
	}, 4 * BUILD_TIMEOUT);

	it('renders each server in one part only, the global pages in part 1', () => {
		const servers = (dir: string) => new Set(listFiles(dir, (f) => /^servers\/[^/]+\/index\.html$/.test(f)));
		const [one, two] = parts.map(servers) as [Set<string>, Set<string>];
		expect(one.size).toBeGreaterThan(0);
		expect(two.size).toBeGreaterThan(0);
		expect([...one].filter((s) => two.has(s))).toEqual([]);
		expect(existsSync(join(parts[0] as string, 'risk', 'critical', 'index.html'))).toBe(true);
		expect(existsSync(join(parts[1] as string, 'risk', 'critical', 'index.html'))).toBe(false);
		expect(listFiles(parts[1] as string, (f) => f.startsWith(urls.pagefindShards.slice(1))).length).toBeGreaterThan(0);
	});

	it('equals the single build file for file, except the search index', () => {
		const expected = listFiles(single, isSite);
		expect(listFiles(merged, isSite)).toEqual(expected);
		expect(existsSync(join(merged, PART_MARKER))).toBe(false);
		// Sitemap chunks list the same URLs (next test) in the order the parts rendered them.
		const differing = expected.filter(
			(f) =>
				!(isSitemapFile(f) && f !== SITEMAP_INDEX) &&
				!readFileSync(join(single, f)).equals(readFileSync(join(merged, f))),
		);
		expect(differing).toEqual([]);
	});

	it('merges the parts’ sitemaps into one listing every URL of the single build once', () => {
		const locs = (dir: string) =>
			listFiles(dir, (f) => isSitemapFile(f) && f !== SITEMAP_INDEX).flatMap((f) =>
				[...readFileSync(join(dir, f), 'utf8').matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]),
			);
		const expected = locs(single);
		expect(expected.length).toBeGreaterThan(100);
		expect(expected.every((l) => l?.startsWith(`${SITE_URL}/`))).toBe(true);
		const got = locs(merged);
		expect(new Set(got).size).toBe(got.length);
		expect([...got].sort()).toEqual([...expected].sort());
		// Each part alone lists fewer: the merge is what makes the listing whole.
		for (const part of parts) expect(locs(part).length).toBeLessThan(expected.length);
	});

	it('lists the parts’ bundles for the search page', () => {
		const manifest = JSON.parse(readFileSync(join(merged, 'pagefind', 'shards.json'), 'utf8'));
		expect(manifest.bundles).toEqual([`${urls.pagefindShards}2-1/`, `${urls.pagefindShards}2-2/`]);
		expect(JSON.parse(readFileSync(join(single, 'pagefind', 'shards.json'), 'utf8')).bundles).toEqual([]);
	});

	it('refuses an incomplete set of parts', () => {
		const result = spawnSync('npm', ['run', 'merge-shards', '--', parts[1] as string, '--out', tempDir('atlas-bad-')], {
			cwd: ROOT,
			encoding: 'utf8',
		});
		expect(result.status).not.toBe(0);
		expect(result.stderr).toMatch(/expected parts 1\/1/);
	});

	describe('search on the merged site', () => {
		let site: Awaited<ReturnType<typeof serve>>;
		let browser: Awaited<ReturnType<typeof launchChromium>>;
		beforeAll(async () => {
			site = await serve(merged);
			browser = await launchChromium();
		});
		afterAll(async () => {
			await browser?.close();
			await site?.close();
		});

		it('finds a tool of each part by its name, first', async () => {
			// A plain name no other tool's name contains (the fixture has look-alikes and repeats on purpose).
			const all = tools(merged);
			const distinct = (t: { url: string; name: string }) =>
				/^[a-z][a-z_]+$/.test(t.name) &&
				all.every((u) => u.url === t.url || !(u.name.includes(t.name) || u.url.includes(t.name)));
			const picks = parts.map((dir) => tools(dir).find(distinct));
			for (const pick of picks) {
				expect(pick).toBeDefined();
				const { name, url } = pick as { url: string; name: string };
				const page = await browser.newPage();
				await page.goto(`${site.url}${urls.search}?q=${encodeURIComponent(name)}`, { waitUntil: 'load' });
				const first = page.locator('pagefind-results a[href]').first();
				await first.waitFor({ timeout: 60_000 });
				expect(await first.getAttribute('href'), name).toBe(url);
				await page.close();
			}
		});
	});
});
