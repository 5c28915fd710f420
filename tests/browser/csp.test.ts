/**
 * The Content-Security-Policy in Debian's Chromium against the bundled build: no page type reports a
 * violation (search included, with results under the policy), and markup injected into a built page, an
 * inline script and an inline event handler, does not run but is reported as a violation.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { urls } from '../../src/site/urls.ts';
import { browserServing } from '../helpers/browser.ts';
import { BUILDS, fileFor, parsePage } from '../helpers/dist.ts';
import { pageTypes } from '../helpers/page-types.ts';
import { serve } from '../helpers/serve.ts';

const dist = BUILDS[0].dist;
const served = browserServing(dist);

/** A new page that records every CSP violation: the DOM event, from before any page script, and Chromium's console report. */
interface Watched {
	page: Page;
	/** Violations as `directive: blocked URI or "inline"`, read from the page's own event listener. */
	events: () => Promise<string[]>;
	/** Chromium's console reports of violations. */
	reports: string[];
}

async function watch(): Promise<Watched> {
	const page = await served.browser().newPage();
	// addInitScript runs before any script of the page, so even a violation during parsing is seen.
	await page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { __csp: string[] }).__csp = seen;
		document.addEventListener('securitypolicyviolation', (e) =>
			seen.push(`${e.effectiveDirective}: ${e.blockedURI || 'inline'}`),
		);
	});
	const reports: string[] = [];
	page.on('console', (m) => {
		if (/Content Security Policy/i.test(m.text())) reports.push(m.text());
	});
	const events = () => page.evaluate(() => [...(window as unknown as { __csp: string[] }).__csp]);
	return { page, events, reports };
}

describe('the Content-Security-Policy', () => {
	for (const [type, path] of Object.entries(pageTypes(dist))) {
		it(`reports no violation on the ${type} page (${path})`, async () => {
			const { page, events, reports } = await watch();
			await page.goto(`${served.url()}${path}`, { waitUntil: 'load' });
			if (path.startsWith(urls.search)) {
				// Pagefind runs under the policy: its worker, its WebAssembly and its index fetches.
				await page.locator('pagefind-results a[href]').first().waitFor({ timeout: 15_000 });
			}
			// Give scripts started on load (bundled modules, Pagefind's worker) a moment to act.
			await page.waitForLoadState('networkidle');
			expect(await events()).toEqual([]);
			expect(reports).toEqual([]);
			await page.close();
		});
	}

	it('loads the filters of the search page under the policy', async () => {
		const { page, events, reports } = await watch();
		await page.goto(`${served.url()}${pageTypes(dist).search}`, { waitUntil: 'load' });
		const dropdown = page.locator('pagefind-filter-dropdown[filter="level"]');
		await dropdown.locator('.pf-dropdown-trigger').click();
		// The lazy filter module (a dynamic import) loaded and Pagefind listed the values.
		await expect.poll(() => dropdown.getByRole('option').count(), { timeout: 15_000 }).toBeGreaterThan(0);
		expect(await events()).toEqual([]);
		expect(reports).toEqual([]);
		await page.close();
	});

	it("finds results when Pagefind's worker is unavailable: its main-thread fallback compiles WebAssembly", async () => {
		const { page, events, reports } = await watch();
		await page.route('**/pagefind-worker.js', (route) => route.abort());
		await page.goto(`${served.url()}${pageTypes(dist).search}`, { waitUntil: 'load' });
		await page.locator('pagefind-results a[href]').first().waitFor({ timeout: 15_000 });
		expect(page.workers()).toEqual([]);
		expect(await events()).toEqual([]);
		expect(reports).toEqual([]);
		await page.close();
	});

	it('keeps search and the tool page working when a host sends the policy as a header, frame-ancestors added', async () => {
		// The meta's policy is the whole policy (every page carries the same one); a header also governs the worker.
		const home = parsePage(readFileSync(fileFor(dist, urls.home) as string, 'utf8'));
		const policy = home.querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content');
		if (!policy) throw new Error('the home page has no policy meta');
		const host = await serve(dist, { 'Content-Security-Policy': `${policy} frame-ancestors 'none';` });
		const { page, events, reports } = await watch();
		try {
			await page.goto(`${host.url}${pageTypes(dist).search}`, { waitUntil: 'load' });
			await page.locator('pagefind-results a[href]').first().waitFor({ timeout: 15_000 });
			await page.goto(`${host.url}${pageTypes(dist).tool}`, { waitUntil: 'load' });
			await page.waitForLoadState('networkidle');
			expect(await page.locator('[role="tabpanel"]').count()).toBeGreaterThan(0);
			expect(await events()).toEqual([]);
			expect(reports).toEqual([]);
		} finally {
			await page.close();
			await host.close();
		}
	});

	it('blocks an inline script and an inline event handler injected into a built tool page, and reports both', async () => {
		const path = pageTypes(dist).tool as string;
		const file = fileFor(dist, path);
		if (!file) throw new Error(`no file serves ${path} in ${dist}`);
		const html = readFileSync(file, 'utf8');
		const injected = html
			.replace('<main', '<script>window.__pwned = 1</script><img src="/favicon.svg" onload="window.__pwned = 2"><main')
			.replace('</body>', '<script>window.__pwned = 3</script></body>');
		expect(injected).toContain('window.__pwned = 3');
		const { page, events, reports } = await watch();
		// The copy is served in place of the built page, from the same origin, with the build's own assets.
		await page.route(`${served.url()}${path}`, (route) =>
			route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: injected }),
		);
		await page.goto(`${served.url()}${path}`, { waitUntil: 'load' });
		await page.waitForLoadState('networkidle');
		expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
		const violations = await events();
		expect(violations.filter((v) => v === 'script-src-elem: inline')).toHaveLength(2);
		expect(violations.filter((v) => v === 'script-src-attr: inline')).toHaveLength(1);
		expect(reports.length).toBeGreaterThanOrEqual(3);
		// The page's own scripts still ran: they made the format panels tabs.
		expect(await page.locator('[role="tabpanel"]').count()).toBeGreaterThan(0);
		await page.close();
	});
});
