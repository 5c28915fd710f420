/**
 * Search filters load on demand in Debian's Chromium against the bundled build: the first query fetches no
 * filter file (they were a third of its download), and opening a filter loads them and lists its values.
 */
import { describe, expect, it } from 'vitest';
import { urls } from '../../src/site/urls.ts';
import { browserServing } from '../helpers/browser.ts';
import { BUILDS } from '../helpers/dist.ts';

const served = browserServing(BUILDS[0].dist);

describe('search filters', () => {
	it('load when a filter is opened, not with the first query', async () => {
		const page = await served.browser().newPage();
		const filterFiles: string[] = [];
		page.on('requestfinished', (request) => {
			const path = new URL(request.url()).pathname;
			if (path.startsWith(`${urls.pagefind}filter/`)) filterFiles.push(path);
		});
		await page.goto(`${served.url()}${urls.search}?q=delete`, { waitUntil: 'load' });
		await page.locator('pagefind-results a[href]').first().waitFor();
		expect(filterFiles).toEqual([]);
		const dropdown = page.locator('pagefind-filter-dropdown[filter="level"]');
		await dropdown.locator('.pf-dropdown-trigger').click();
		await expect.poll(() => dropdown.getByRole('option').count(), { timeout: 15_000 }).toBeGreaterThan(0);
		expect(filterFiles.length).toBeGreaterThan(0);
		await page.close();
	});
});
