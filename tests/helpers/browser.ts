/** Launches Debian's Chromium through playwright-core (downloading browsers is impossible here). */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { serve } from './serve.ts';

/** Path of the system Chromium; CHROMIUM_PATH overrides it. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Starts headless Chromium, failing with an actionable message when it is not installed. */
export async function launchChromium(): Promise<Browser> {
	if (!existsSync(CHROMIUM)) {
		throw new Error(
			`Chromium not found at ${CHROMIUM}: install it with "apt-get install -y chromium" (or set CHROMIUM_PATH).`,
		);
	}
	return chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		args: [
			'--no-sandbox',
			'--disable-background-networking',
			'--disable-component-update',
			'--no-first-run',
			'--disable-gpu',
			'--disable-sync',
		],
	});
}

/**
 * For a test file: starts Chromium and serves `dist` before its tests, stops both after. The getters read
 * what the hooks set up (they throw if called outside a test).
 */
export function browserServing(dist: string): { browser: () => Browser; url: () => string } {
	let browser: Browser | undefined;
	let site: { url: string; close: () => Promise<void> } | undefined;
	beforeAll(async () => {
		browser = await launchChromium();
		site = await serve(dist);
	});
	afterAll(async () => {
		await browser?.close();
		await site?.close();
	});
	return {
		browser: () => browser ?? raise('Chromium is not running: call from a test'),
		url: () => site?.url ?? raise('the build is not served: call from a test'),
	};
}

function raise(message: string): never {
	throw new Error(message);
}
