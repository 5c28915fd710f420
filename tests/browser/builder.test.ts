/**
 * The server-page policy builder in Debian's Chromium, on the bundled server with the most tools:
 * untouched, every format's output is the build's server file; one changed action changes every format's
 * output and each still parses; bulk actions; the URL reproduces the state; Copy puts exactly the shown
 * text on the clipboard.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { parse as parseToml } from 'smol-toml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadCatalogue } from '../../src/catalogue/load.ts';
import type { Action } from '../../src/classify/types.ts';
import { FORMATS } from '../../src/policy/formats/index.ts';
import { type BuilderData, formatServer } from '../../src/site/builder/model.ts';
import { encodeState } from '../../src/site/builder/state.ts';
import { urls } from '../../src/site/urls.ts';
import { launchChromium } from '../helpers/browser.ts';
import { BUILDS } from '../helpers/dist.ts';
import { serve } from '../helpers/serve.ts';

const largest = loadCatalogue(BUILDS[0].catalogue)
	.map((s) => s.server)
	.sort((a, b) => b.tools.length - a.tools.length || a.slug.localeCompare(b.slug))[0];
if (!largest) throw new Error('bundled catalogue is empty');
const PARSERS: Record<string, (text: string) => unknown> = {
	'application/json': JSON.parse,
	'application/toml': parseToml,
	'application/yaml': parseYaml,
};

let browser: Browser;
let context: BrowserContext;
let site: { url: string; close: () => Promise<void> };
let pageUrl = '';

beforeAll(async () => {
	browser = await launchChromium();
	site = await serve(BUILDS[0].dist);
	pageUrl = `${site.url}/servers/${largest.slug}/`;
	context = await browser.newContext();
	await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
});

afterAll(async () => {
	await browser?.close();
	await site?.close();
});

/** Opens the server page (optionally with a fragment) once the builder has started; records page errors. */
async function openBuilder(fragment = ''): Promise<{ page: Page; errors: string[]; data: BuilderData }> {
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto(`${pageUrl}${fragment ? `#${fragment}` : ''}`, { waitUntil: 'load' });
	await page.locator('[data-builder][data-ready="true"]').waitFor();
	const data = JSON.parse((await page.locator('script[data-builder-data]').textContent()) ?? '') as BuilderData;
	return { page, errors, data };
}

const output = (page: Page) => page.locator('[data-output]');
const selectValues = (page: Page) =>
	page.locator('tr[data-i] select').evaluateAll((ss) => ss.map((s) => (s as HTMLSelectElement).value));

/** Picks a format tab and waits until the output is that format's (the tab is marked selected). */
async function pick(page: Page, id: string): Promise<string> {
	await page.locator(`button[data-format="${id}"]`).click();
	await expect.poll(() => page.locator(`button[data-format="${id}"]`).getAttribute('aria-selected')).toBe('true');
	// Output and tab are rewritten in the same frame, so the text is the new format's once the tab is.
	return (await output(page).textContent()) ?? '';
}

describe(`policy builder on ${largest.slug} (${largest.tools.length} tools)`, () => {
	it('has one row and one select per tool, prefilled with the recommendation', async () => {
		// A plain anchor is left alone: the builder only rewrites fragments that hold its state.
		const { page, errors, data } = await openBuilder('policy');
		expect(new URL(page.url()).hash).toBe('#policy');
		expect(data.tools.length).toBe(largest.tools.length);
		expect(await selectValues(page)).toEqual(data.tools.map((t) => t.a));
		expect(errors).toEqual([]);
		await page.close();
	});

	it('changes every format when one action changes, and every output still parses and validates', async () => {
		const { page, errors, data } = await openBuilder();
		const before = new Map<string, string>();
		for (const format of FORMATS) {
			before.set(format.id, await pick(page, format.id));
			// Untouched, the browser writes the build's server file byte for byte.
			const file = await fetch(`${site.url}${urls.serverFormatFile(data.slug, format.id)}`);
			expect(before.get(format.id), format.id).toBe(await file.text());
		}
		// Allow against anything else lands in a different bucket of every format.
		const tool = data.tools[0];
		if (!tool) throw new Error('no tools');
		const next: Action = tool.a === 'allow' ? 'deny' : 'allow';
		await page.locator('tr[data-i="0"] select').selectOption(next);
		for (const format of FORMATS) {
			await page.locator(`button[data-format="${format.id}"]`).click();
			// Read the tab state and the output in one evaluation: until this format's tab is selected, the output
			// may still be the previous format's, which also differs from this format's text before the change.
			const shown = () =>
				page.evaluate((id) => {
					const selected = document.querySelector(`button[data-format="${id}"]`)?.getAttribute('aria-selected');
					return selected === 'true' ? (document.querySelector('[data-output]')?.textContent ?? '') : undefined;
				}, format.id);
			await expect
				.poll(async () => {
					const now = await shown();
					return now !== undefined && now !== before.get(format.id);
				})
				.toBe(true);
			const text = (await shown()) ?? '';
			const parse = PARSERS[format.mediaType];
			if (!parse) throw new Error(`no parser for ${format.mediaType}`);
			expect(() => parse(text), format.id).not.toThrow();
			expect(format.validate(text), format.id).toEqual([]);
		}
		expect(errors).toEqual([]);
		await page.close();
	});

	it('applies a bulk action to the tools shown and the named presets to every matching tool', async () => {
		const { page, errors, data } = await openBuilder();
		await pick(page, 'policy-json');
		// Filter by a name fragment that keeps some tools and drops others.
		const names = data.tools.map((t) => t.n.toLowerCase());
		const matches = (word: string) => names.flatMap((n, i) => (n.includes(word) ? [i] : []));
		const word = names[0]?.split(/[^a-z0-9]+/).find((w) => w && matches(w).length < names.length) ?? names[0] ?? '';
		const matching = matches(word);
		expect(matching.length).toBeGreaterThan(0);
		expect(matching.length).toBeLessThan(data.tools.length);
		await page.locator('input[data-filter-text]').fill(word);
		await expect.poll(() => page.locator('tr[data-i]:not([hidden])').count()).toBe(matching.length);
		await page.locator('select[data-bulk-action]').selectOption('hide');
		await page.locator('button[data-bulk]').click();
		const values = await selectValues(page);
		values.forEach((v, i) => {
			expect(v, data.tools[i]?.n).toBe(matching.includes(i) ? 'hide' : data.tools[i]?.a);
		});
		await expect
			.poll(async () => (JSON.parse((await output(page).textContent()) ?? '') as { hide?: string[] }).hide)
			.toEqual(expect.arrayContaining(matching.map((i) => data.tools[i]?.n)));

		await page.locator('button[data-preset="reset"]').click();
		await expect.poll(() => selectValues(page)).toEqual(data.tools.map((t) => t.a));
		await page.locator('button[data-preset="approve-high"]').click();
		const strict = ['approve', 'deny', 'hide'];
		const afterPreset = await selectValues(page);
		data.tools.forEach((t, i) => {
			if (t.l === 'High' || t.l === 'Critical') expect(strict, t.n).toContain(afterPreset[i]);
			else expect(afterPreset[i], t.n).toBe(t.a);
		});
		expect(errors).toEqual([]);
		await page.close();
	});

	it('reproduces a state from the URL: format, server name, selects and output', async () => {
		const { page: first, data } = await openBuilder();
		await first.close();
		const last = FORMATS.at(-1);
		if (!last) throw new Error('no formats');
		const actions = data.tools.map((t) => t.a);
		const changed = [0, 1, 2, Math.floor(data.tools.length / 2), data.tools.length - 1];
		for (const i of changed) actions[i] = actions[i] === 'hide' ? 'allow' : 'hide';
		const state = { format: last.id, serverName: 'my-server', actions };
		const fragment = encodeState(state, {
			formats: FORMATS.map((f) => f.id),
			serverName: data.slug,
			recommended: data.tools.map((t) => t.a),
			fingerprint: data.fingerprint,
		});
		const { page, errors } = await openBuilder(fragment);
		expect(await selectValues(page)).toEqual(actions);
		expect(await page.locator('input[data-server-name]').inputValue()).toBe('my-server');
		expect(await page.locator(`button[data-format="${last.id}"]`).getAttribute('aria-selected')).toBe('true');
		// The browser's output is the build's code run on the same state: byte for byte.
		expect(await output(page).textContent()).toBe(
			last.serialise(last.forServer(formatServer(data, 'my-server', actions))),
		);
		// And the page writes the same fragment back.
		expect(new URL(page.url()).hash).toBe(`#${fragment}`);
		expect(errors).toEqual([]);
		await page.close();
	});

	it('copies exactly the shown text', async () => {
		const { page, errors } = await openBuilder();
		await page.locator('tr[data-i="1"] select').selectOption('deny');
		await page.locator('input[data-server-name]').fill('renamed');
		const copy = page.locator('button[data-copy-output]');
		// The fragment is rewritten in the same frame as the output: once it names the server, the output is current.
		await expect.poll(() => new URL(page.url()).hash).toContain('s=renamed');
		await copy.click();
		await expect.poll(() => copy.innerText()).toBe('Copied');
		const shown = await output(page).textContent();
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shown);
		expect(errors).toEqual([]);
		await page.close();
	});
});
