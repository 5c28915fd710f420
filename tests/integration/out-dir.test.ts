/**
 * Building into a folder outside the checkout, as a user building into their web root does. The folder is
 * a sibling whose path starts with the checkout's (`<checkout>-out-XXXXXX`): the case Astro's string-prefix
 * test mistakes for "inside", which put its prerender chunks where they could not resolve node_modules.
 * Builds the small hostile fixture catalogue, with ATLAS_SITE_URL set, (a full `astro build` of 2 servers: 5-30 s idle, up to about
 * 2 minutes on a loaded 2-core machine, hence the bound below).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isInside, publish } from '../../src/integrations/publish.ts';
import { urls } from '../../src/site/urls.ts';
import { tempDir } from '../helpers/temp.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const BUILD_TIMEOUT = 240_000;
const SITE = 'https://atlas.example/';

describe('isInside', () => {
	it('compares path segments, not string prefixes', () => {
		expect(isInside('/srv/atlas', '/srv/atlas/dist')).toBe(true);
		expect(isInside('/srv/atlas', '/srv/atlas')).toBe(true);
		expect(isInside('/srv/atlas', '/srv/atlas-www')).toBe(false);
		expect(isInside('/srv/atlas', '/tmp/out')).toBe(false);
	});
});

describe('publish', () => {
	it('replaces the target folder’s files with the build, keeping .git', () => {
		const staged = tempDir('atlas-staged-');
		const target = tempDir('atlas-target-');
		writeFileSync(join(staged, 'index.html'), 'new');
		writeFileSync(join(target, 'stale.html'), 'old');
		mkdirSync(join(target, '.git'));
		publish(staged, target, ROOT);
		expect(readFileSync(join(target, 'index.html'), 'utf8')).toBe('new');
		expect(existsSync(join(target, 'stale.html'))).toBe(false);
		expect(existsSync(join(target, '.git'))).toBe(true);
		expect(existsSync(staged)).toBe(false);
	});
	it('refuses a target that holds the checkout', () => {
		expect(() => publish(tempDir('atlas-staged-'), join(ROOT, '..'), ROOT)).toThrow(/contains the checkout/);
	});
});

describe('ATLAS_OUT_DIR outside the checkout', () => {
	const out = mkdtempSync(`${ROOT}-out-`);
	afterAll(() => rmSync(out, { recursive: true, force: true }));

	it(
		'builds the site there, with its search index, API, sitemap and canonical links',
		() => {
			const result = spawnSync('npm', ['run', 'build'], {
				cwd: ROOT,
				encoding: 'utf8',
				env: {
					...process.env,
					ATLAS_CATALOGUE: join(ROOT, 'tests', 'fixtures', 'hostile', 'servers'),
					ATLAS_OUT_DIR: out,
					ATLAS_SITE_URL: SITE,
				},
				timeout: BUILD_TIMEOUT,
			});
			expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
			for (const path of ['index.html', 'pagefind/pagefind.js', urls.apiCatalogue.slice(1)])
				expect(existsSync(join(out, path)), path).toBe(true);
			expect(existsSync(join(out, '.prerender'))).toBe(false);
			// With the public address known: a sitemap robots.txt names, canonical and OpenGraph links.
			expect(readFileSync(join(out, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${SITE}sitemap-index.xml`);
			expect(readFileSync(join(out, 'sitemap-0.xml'), 'utf8')).toContain(`<loc>${SITE}servers/</loc>`);
			const home = readFileSync(join(out, 'servers', 'index.html'), 'utf8');
			expect(home).toContain(`<link rel="canonical" href="${SITE}servers/">`);
			expect(home).toContain(`<meta property="og:url" content="${SITE}servers/">`);
		},
		BUILD_TIMEOUT + 10_000,
	);
});
