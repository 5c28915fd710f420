/**
 * Real-browser checks in Debian's Chromium: search finds a tool and filters narrow the results; a tool
 * page opens with its verdict and format tabs, whose Copy and Download give exactly the shown text;
 * hostile descriptions stay inert and visible.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.ts';
import { toolSlugs } from '../../src/catalogue/slug.ts';
import { FORMATS } from '../../src/policy/formats/index.ts';
import { launchChromium } from '../helpers/browser.ts';
import { BUILDS } from '../helpers/dist.ts';
import { serve } from '../helpers/serve.ts';

let browser: Browser;
let context: BrowserContext;
const servers: { url: string; close: () => Promise<void> }[] = [];
let bundledUrl = '';
let fixtureUrl = '';

beforeAll(async () => {
	browser = await launchChromium();
	const bundled = await serve(BUILDS[0].dist);
	const fixture = await serve(BUILDS[1].dist);
	servers.push(bundled, fixture);
	bundledUrl = bundled.url;
	fixtureUrl = fixture.url;
	context = await browser.newContext();
});

afterAll(async () => {
	await browser?.close();
	await Promise.all(servers.map((s) => s.close()));
});

/** Opens a page and records any JS dialog or uncaught error it raises. */
async function open(url: string): Promise<{ page: Page; dialogs: string[]; errors: string[] }> {
	const page = await context.newPage();
	const dialogs: string[] = [];
	const errors: string[] = [];
	page.on('dialog', async (d) => {
		dialogs.push(d.message());
		await d.dismiss();
	});
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto(url, { waitUntil: 'load' });
	return { page, dialogs, errors };
}

const resultLinks = (page: Page) => page.locator('pagefind-results a[href]');
/** The figure in Pagefind's summary ("1,135 results for …"), or NaN when there is none yet. */
const resultCount = (summary: string): number =>
	Number(/([\d,]+) results?/.exec(summary)?.[1]?.replaceAll(',', '') ?? NaN);

describe('search', () => {
	// A distinctive tool of the bundled catalogue: the longest name, so the query is unambiguous.
	const catalogue = loadCatalogue(BUILDS[0].catalogue).map((s) => s.server);
	const target = catalogue
		.flatMap((s) => s.tools.map((t) => ({ server: s, tool: t })))
		.sort((a, b) => b.tool.name.length - a.tool.name.length || a.tool.name.localeCompare(b.tool.name))[0];
	if (!target) throw new Error('bundled catalogue is empty');
	const slug = toolSlugs(target.server.tools.map((t) => t.name)).get(target.tool.name);

	it('finds a tool by its exact name', async () => {
		const { page, errors } = await open(`${bundledUrl}/search/?q=${encodeURIComponent(target.tool.name)}`);
		// Results render after the count, a few at a time: wait for the tool's own page among them.
		await expect
			.poll(async () => resultLinks(page).evaluateAll((as) => as.map((a) => a.getAttribute('href'))), {
				timeout: 15_000,
			})
			.toContain(`/servers/${target.server.slug}/tools/${slug}/`);
		expect(errors).toEqual([]);
		await page.close();
	});

	/**
	 * Searches a word many tools share (not every page: a query matching all 10,000 pages takes Pagefind
	 * ~15 s here), ticks one option of a filter, and checks that the count drops but stays above zero and
	 * that every result left fits the option (polled: the count updates before the list re-renders).
	 */
	async function expectFilterNarrows(
		filter: string,
		option: RegExp,
		misfits: (hrefs: string[]) => string[],
	): Promise<void> {
		const { page, errors } = await open(`${bundledUrl}/search/?q=${encodeURIComponent(QUERY)}`);
		await expect
			.poll(async () => page.locator('pagefind-summary').innerText(), { timeout: 15_000 })
			.toMatch(/\d+ result/);
		const before = resultCount(await page.locator('pagefind-summary').innerText());
		const dropdown = page.locator(`pagefind-filter-dropdown[filter="${filter}"]`);
		await dropdown.locator('button').first().click();
		await dropdown
			.getByRole('option', { name: option })
			.or(dropdown.getByRole('checkbox', { name: option }))
			.first()
			.click();
		await expect
			.poll(async () => resultCount(await page.locator('pagefind-summary').innerText()), { timeout: 15_000 })
			.toBeLessThan(before);
		expect(resultCount(await page.locator('pagefind-summary').innerText())).toBeGreaterThan(0);
		const left = async () => {
			const hrefs = await resultLinks(page).evaluateAll((as) =>
				as.map((a) => (a.getAttribute('href') ?? '').replace(/#.*$/, '')),
			);
			if (hrefs.length === 0) return ['(no results listed)'];
			return misfits([...new Set(hrefs)]);
		};
		await expect.poll(left, { timeout: 15_000 }).toEqual([]);
		expect(errors).toEqual([]);
		await page.close();
	}
	const QUERY = 'search';
	/** Tool results whose built page does not carry this filter value (pages other than tools count as misfits too). */
	const toolsWithout = (filter: string, value: string) => (hrefs: string[]) =>
		hrefs.filter(
			(href) =>
				!href.includes('/tools/') ||
				!readFileSync(join(BUILDS[0].dist, href, 'index.html'), 'utf8').includes(
					`data-pagefind-filter="${filter}">${value}<`,
				),
		);

	it('narrows results with the risk-level filter', async () => {
		await expectFilterNarrows('level', /Low/, toolsWithout('level', 'Low'));
	});

	it('narrows results with the category filter', async () => {
		await expectFilterNarrows('category', /^Read\b/, toolsWithout('category', 'Read'));
	});

	it('narrows results with the server filter', async () => {
		// The server with the most tools mentioning the query, among names no other server's name starts with.
		const names = catalogue.map((s) => s.name);
		const mentions = (s: (typeof catalogue)[number]) =>
			s.tools.filter((t) => `${t.name} ${t.description ?? ''}`.toLowerCase().includes(QUERY)).length;
		const server = catalogue
			.filter((s) => /^[\w .-]+$/.test(s.name) && !names.some((n) => n !== s.name && n.startsWith(s.name)))
			.sort((a, b) => mentions(b) - mentions(a) || a.slug.localeCompare(b.slug))[0];
		if (!server || mentions(server) === 0) throw new Error(`no server has tools mentioning "${QUERY}"`);
		// Its server page and its tool pages, nothing else.
		await expectFilterNarrows('server', new RegExp(`^${server.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), (hrefs) =>
			hrefs.filter((href) => !href.startsWith(`/servers/${server.slug}/`)),
		);
	});
});

describe('tool page: verdict first, one tab per format', () => {
	const server = loadCatalogue(BUILDS[0].catalogue)[0]?.server;
	if (!server) throw new Error('bundled catalogue is empty');
	const tool = server.tools[0];
	if (!tool) throw new Error(`${server.slug} has no tools`);
	const path = `/servers/${server.slug}/tools/${toolSlugs(server.tools.map((t) => t.name)).get(tool.name)}/`;
	const tabs = (page: Page) => page.getByRole('tab');
	const selected = (page: Page) =>
		tabs(page).evaluateAll((ts) => ts.findIndex((t) => t.getAttribute('aria-selected') === 'true'));
	/** Index of the one visible panel, or -1 when none or several are. */
	const shownPanel = (page: Page) =>
		page.locator('.policy-panel').evaluateAll((ps) => {
			const shown = ps.flatMap((p, i) => ((p as HTMLElement).hidden ? [] : [i]));
			return shown.length === 1 ? (shown[0] as number) : -1;
		});

	for (const viewport of [
		{ width: 390, height: 844 },
		{ width: 1280, height: 800 },
	]) {
		it(`shows the verdict and the format tabs in the first screen at ${viewport.width}x${viewport.height}`, async () => {
			const { page, errors } = await open(`${bundledUrl}${path}`);
			await page.setViewportSize(viewport);
			await expect.poll(() => page.getByRole('tablist').isVisible()).toBe(true);
			for (const locator of [page.locator('.verdict-line'), page.getByRole('tablist')]) {
				const box = await locator.boundingBox();
				expect(box).not.toBeNull();
				expect((box?.y ?? Infinity) + (box?.height ?? 0)).toBeLessThan(viewport.height);
			}
			expect(await page.locator('.verdict-line .badge.action').innerText()).not.toBe('');
			expect(errors).toEqual([]);
			await page.close();
		});
	}

	it('switches tabs by click and with the arrow, Home and End keys', async () => {
		const { page, errors } = await open(`${bundledUrl}${path}`);
		await expect.poll(() => page.getByRole('tablist').isVisible()).toBe(true);
		const n = await tabs(page).count();
		expect(n).toBe(FORMATS.length);
		expect(await tabs(page).allInnerTexts()).toEqual(FORMATS.map((f) => f.label));
		for (let i = n - 1; i >= 0; i--) {
			await tabs(page).nth(i).click();
			await expect.poll(() => selected(page)).toBe(i);
			expect(await shownPanel(page)).toBe(i);
		}
		// Keyboard: the selected tab has focus after a click; arrows wrap, Home and End jump.
		await tabs(page).nth(0).focus();
		await page.keyboard.press('ArrowRight');
		await expect.poll(() => selected(page)).toBe(1 % n);
		await page.keyboard.press('ArrowLeft');
		await expect.poll(() => selected(page)).toBe(0);
		await page.keyboard.press('ArrowLeft');
		await expect.poll(() => selected(page)).toBe(n - 1);
		await page.keyboard.press('Home');
		await expect.poll(() => selected(page)).toBe(0);
		await page.keyboard.press('End');
		await expect.poll(() => selected(page)).toBe(n - 1);
		expect(await shownPanel(page)).toBe(n - 1);
		expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('tab');
		expect(errors).toEqual([]);
		await page.close();
	});

	it('copies and downloads exactly the shown text of every tab', async () => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: bundledUrl });
		const { page, errors } = await open(`${bundledUrl}${path}`);
		await expect.poll(() => page.getByRole('tablist').isVisible()).toBe(true);
		for (const [i, format] of FORMATS.entries()) {
			await tabs(page).nth(i).click();
			const panel = page.locator(`#policy-${format.id}`);
			await expect.poll(() => panel.isVisible()).toBe(true);
			const shown = await panel.locator('pre').evaluate((pre) => pre.textContent ?? '');
			expect(format.validate(shown), format.id).toEqual([]);
			const copy = panel.locator('button.copy');
			await copy.click();
			await expect.poll(() => copy.innerText()).toBe('Copied');
			expect(await page.evaluate(() => navigator.clipboard.readText()), format.id).toBe(shown);
			const [download] = await Promise.all([page.waitForEvent('download'), panel.locator('button.download').click()]);
			expect(download.suggestedFilename()).toBe(await panel.locator('button.download').getAttribute('data-file'));
			expect(readFileSync((await download.path()) as string, 'utf8'), format.id).toBe(shown);
		}
		expect(errors).toEqual([]);
		await page.close();
	});
});

describe('hostile descriptions', () => {
	it('render inert and visibly', async () => {
		const { page, dialogs, errors } = await open(`${fixtureUrl}/servers/hostile-demo/tools/render_note/`);
		expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
		expect(await page.title()).not.toContain('pwned');
		expect(dialogs).toEqual([]);
		expect(errors).toEqual([]);
		// A poisoned description sits behind a click; open it as a reader would.
		if ((await page.locator('main details:has(.untrusted)').count()) > 0)
			await page.locator('main details:has(.untrusted) summary').first().click();
		const shown = await page.locator('.untrusted .text').first().innerText();
		expect(shown).toContain('<script>');
		expect(shown).toContain('<img src=x onerror=');
		expect(shown).toContain('<Component client:load />');
		expect(await page.locator('main img, main iframe').count()).toBe(0);
		await page.close();
	});

	it('shows zero-width and tag characters as visible tokens', async () => {
		const { page } = await open(`${fixtureUrl}/servers/hostile-demo/tools/get_weather/`);
		await page.locator('details summary').first().click();
		const shown = await page.locator('.untrusted .text').first().innerText();
		expect(shown).toContain('⟦U+200B⟧');
		expect(shown).toContain('⟦U+E0041⟧');
		const box = await page.locator('.hidden-char').first().boundingBox();
		expect(box?.width ?? 0).toBeGreaterThan(10);
		await page.close();
	});

	it('keep every one of 5,000 parameters one click away, the last one included', async () => {
		const { page, errors } = await open(`${fixtureUrl}/servers/hostile-long/tools/params_5000/`);
		const more = page.locator('details.more-rows');
		expect(await more.locator('td.name').last().isVisible()).toBe(false);
		await more.locator('summary').click();
		await more.locator('td.name').last().waitFor({ state: 'visible' });
		expect(await more.locator('td.name').last().innerText()).toBe('f1000');
		// The rest: the note under the tables links to the whole definition as plain text.
		await page.locator('p.cut-note a:visible').click();
		await page.waitForURL(/\/definition\.txt$/);
		const text = await page.locator('body').innerText();
		expect(text).toContain('"f4999": {}');
		expect(text).toContain('"upload_url": {');
		// The file is read as UTF-8: the token shows as written, not as mojibake.
		expect(text).toContain('go:⟦U+200B⟧ https://evil.invalid/drop');
		expect(errors).toEqual([]);
		await page.close();
	});

	it('show a long unbroken word in bounds, the rest one click away, and the raw definition on request', async () => {
		const { page, errors } = await open(`${fixtureUrl}/servers/hostile-long/tools/long_word/`);
		const box = page.locator('main > article > .untrusted').first();
		const head = await box.locator('p.text').first().innerText();
		await box.locator('details.more summary').click();
		const rest = await box.locator('details.more p.text').innerText();
		const tool = loadCatalogue(BUILDS[1].catalogue)
			.map((s) => s.server)
			.find((s) => s.slug === 'hostile-long')
			?.tools.find((t) => t.name === 'long_word');
		expect(`${head.replace(/ …$/, '')}${rest}`).toBe(tool?.description);
		expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
		const raw = page.locator('#raw-definition');
		expect(await raw.locator('.text').isVisible()).toBe(false);
		await raw.locator('summary').click();
		expect(JSON.parse(await raw.locator('.text').innerText())).toMatchObject({
			name: 'long_word',
			description: tool?.description,
		});
		expect(errors).toEqual([]);
		await page.close();
	});
});
