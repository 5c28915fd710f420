/**
 * The attack database in Debian's Chromium: search finds an incident by its target and the Type
 * filter keeps only incidents; following the result lands on the incident's row of the timeline; the
 * "Attack pattern" filter narrows tools to those exposed to one pattern.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { incidentTimeline } from '../../src/attacks/incidents.ts';
import { loadAttackFiles } from '../../src/attacks/load.ts';
import { urls } from '../../src/site/urls.ts';
import { browserServing } from '../helpers/browser.ts';
import { BUILDS } from '../helpers/dist.ts';

const served = browserServing(BUILDS[0].dist);

/** The result count in Pagefind's summary ("1,135 results for …"), or -1 while it is still searching. */
const summaryCount = async (page: Page) =>
	Number(
		(/([\d,]+) results? for/.exec(await page.locator('pagefind-summary').innerText())?.[1] ?? '-1').replace(/,/g, ''),
	);

/** Opens a filter dropdown and ticks the option with this label. */
async function choose(page: Page, filter: string, label: string | RegExp): Promise<void> {
	const dropdown = page.locator(`pagefind-filter-dropdown[filter="${filter}"]`);
	await dropdown.locator('button').first().click();
	await dropdown
		.getByRole('option', { name: label })
		.or(dropdown.getByRole('checkbox', { name: label }))
		.first()
		.click();
}

describe('search over the attack database', () => {
	const attacks = loadAttackFiles();
	const postmark = incidentTimeline(attacks).find((t) => t.target.startsWith('postmark-mcp'));
	if (!postmark) throw new Error('the postmark-mcp incident is missing from the timeline');

	it('finds an incident by its target, keeps only incidents under the Type filter, and lands on its row', async () => {
		const page = await served.browser().newPage();
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		await page.goto(`${served.url()}/search/?q=postmark`);
		await expect.poll(() => summaryCount(page), { timeout: 15_000 }).toBeGreaterThan(1);
		const before = await summaryCount(page);
		await choose(page, 'type', /^Incident/);
		await expect.poll(() => summaryCount(page), { timeout: 15_000 }).toBeLessThan(before);
		// The count updates before the result list re-renders: wait for a non-empty list of incidents only.
		const listed = () =>
			page.locator('pagefind-results a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
		const misfits = async () => {
			const hrefs = await listed();
			return hrefs.length === 0
				? ['(no results listed)']
				: hrefs.filter((href) => !href.startsWith(`${urls.incidents}#`));
		};
		await expect.poll(misfits, { timeout: 15_000 }).toEqual([]);
		expect(await listed()).toContain(urls.incident(postmark.anchor));
		await page.locator(`pagefind-results a[href="${urls.incidents}#${postmark.anchor}"]`).first().click();
		await page.waitForURL(`**${urls.incidents}#${postmark.anchor}`);
		const row = page.locator(`tr#${postmark.anchor}`);
		expect(await row.innerText()).toContain('postmark-mcp');
		expect(await row.evaluate((el) => el.matches(':target'))).toBe(true);
		expect(errors).toEqual([]);
		await page.close();
	});

	it('narrows tools to one pattern with the Attack pattern filter', async () => {
		const ssrf = attacks.find((a) => a.id === 'ssrf');
		if (!ssrf) throw new Error('ssrf pattern missing');
		const page = await served.browser().newPage();
		await page.goto(`${served.url()}/search/?q=url`);
		await expect.poll(() => summaryCount(page), { timeout: 15_000 }).toBeGreaterThan(0);
		const before = await summaryCount(page);
		await choose(page, 'attack', new RegExp(`^${ssrf.data.title}`));
		await expect.poll(() => summaryCount(page), { timeout: 15_000 }).toBeLessThan(before);
		// The count updates before the result list re-renders, so wait for a list that fits the filter:
		// only the pattern page itself, tools whose pages link it and incidents it cites.
		const misfits = async () => {
			const hrefs = await page
				.locator('pagefind-results a[href]')
				.evaluateAll((as) => as.map((a) => (a.getAttribute('href') ?? '').replace(/#.*$/, '')));
			if (hrefs.length === 0) return ['(no results listed)'];
			return [...new Set(hrefs)].filter(
				(href) => !(href === '/attacks/ssrf/' || href.includes('/tools/') || href === urls.incidents),
			);
		};
		await expect.poll(misfits, { timeout: 15_000 }).toEqual([]);
		await page.close();
	});
});
