/**
 * Accessibility and phone checks in Debian's Chromium against the bundled build: axe-core (injected from
 * npm) finds no violation on one page of every type, in light and in dark mode; `/` and Ctrl+K focus
 * search; a search result shows its server and level; a 390 px wide viewport never scrolls sideways.
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { urls } from '../../src/site/urls.ts';
import { browserServing } from '../helpers/browser.ts';
import { BUILDS } from '../helpers/dist.ts';
import { firstTool, pageTypes } from '../helpers/page-types.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const served = browserServing(BUILDS[0].dist);

/** Opens a page; on the search page waits until results (or the empty summary) are shown. */
async function open(path: string, options: { colorScheme?: 'light' | 'dark'; width?: number } = {}): Promise<Page> {
	// axe-core is injected as an inline script, which the site's Content-Security-Policy rightly blocks: the
	// checker is let through (csp.test.ts checks the policy itself).
	const page = await served
		.browser()
		.newPage({ viewport: { width: options.width ?? 1280, height: 800 }, bypassCSP: true });
	await page.emulateMedia({ colorScheme: options.colorScheme ?? 'light' });
	await page.goto(`${served.url()}${path}`, { waitUntil: 'load' });
	if (path.startsWith(urls.search))
		await page
			.locator('pagefind-summary')
			.filter({ hasText: /result/ })
			.waitFor();
	return page;
}

interface AxeViolation {
	id: string;
	impact: string;
	nodes: { target: string[] }[];
}

describe('axe-core', () => {
	for (const colorScheme of ['light', 'dark'] as const) {
		for (const [type, path] of Object.entries(pageTypes(BUILDS[0].dist))) {
			it(`finds no violation on the ${type} page in ${colorScheme} mode (${path})`, async () => {
				const page = await open(path, { colorScheme });
				await page.addScriptTag({ path: AXE });
				const violations = await page.evaluate(async () => {
					const axe = (
						window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: AxeViolation[] }> } }
					).axe;
					return (await axe.run(document, { resultTypes: ['violations'] })).violations;
				});
				await page.close();
				expect(
					violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
				).toEqual([]);
			});
		}
	}
});

describe('search from anywhere', () => {
	it('focuses the header search with / and with Ctrl+K, but not while typing in a field', async () => {
		const page = await open(pageTypes(BUILDS[0].dist).tool as string);
		const focused = () => page.evaluate(() => document.activeElement?.id ?? '');
		await page.keyboard.press('/');
		expect(await focused()).toBe('site-q');
		await page.keyboard.type('abc/');
		expect(await page.inputValue('#site-q')).toBe('abc/');
		await page.locator('#site-q').blur();
		await page.keyboard.press('Control+k');
		expect(await focused()).toBe('site-q');
		await page.close();
	});

	it('lands from the header form on the search page with the query in the focused input and results that show server and level', async () => {
		const page = await open(urls.home);
		const { tool } = firstTool(BUILDS[0].dist);
		await page.fill('#site-q', tool);
		await page.press('#site-q', 'Enter');
		await page.waitForURL(/\/search\//);
		const input = page.locator('pagefind-input input');
		await expect.poll(() => input.inputValue()).toBe(tool);
		await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
		const label = page.locator('pagefind-results .result-label').first();
		await label.waitFor();
		expect(await label.locator('[class*="badge level-"]').count()).toBe(1);
		expect((await label.locator('.result-server').textContent())?.trim()).toMatch(/\S/);
		await page.keyboard.press('Escape');
		await page.close();
	});
});

describe('phones (390 px)', () => {
	const types = pageTypes(BUILDS[0].dist);
	it('keeps an open search filter inside the screen', async () => {
		const page = await open(types.search as string, { width: 390 });
		for (const filter of ['server', 'attack']) {
			const dropdown = page.locator(`pagefind-filter-dropdown[filter="${filter}"]`);
			await dropdown.locator('.pf-dropdown-trigger').click();
			await dropdown.locator('.pf-dropdown-menu').waitFor();
			const box = await dropdown.locator('.pf-dropdown-menu').boundingBox();
			expect(box, filter).not.toBeNull();
			expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= 390, filter).toBe(true);
			expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
				0,
			);
			await page.keyboard.press('Escape');
		}
		await page.close();
	});
	for (const type of ['risk', 'category', 'server', 'servers', 'tool', 'search'] as const) {
		it(`never scrolls sideways on the ${type} page`, async () => {
			const page = await open(types[type] as string, { width: 390 });
			const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
			await page.close();
			expect(overflow).toBeLessThanOrEqual(0);
		});
	}
});
