/** Launches Debian's Chromium through playwright-core (downloading browsers is impossible here). */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

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
