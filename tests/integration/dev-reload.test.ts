/**
 * `npm run dev` shows an edited catalogue file on the next page load, without a restart: the dev server
 * runs on a copy of the fixture catalogue, a server's name is changed in its file, and the server page is
 * fetched again. Starting Astro's dev server and rendering a page the first time takes 5-20 s idle, up to
 * about a minute on a loaded 2-core machine: hence the bound below.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { urls } from '../../src/site/urls.ts';
import { tempDir } from '../helpers/temp.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const TIMEOUT = 150_000;

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}

/** The environment a user's shell gives `npm run dev`: without vitest's NODE_ENV=test, which turns dev mode off. */
function userEnv(): NodeJS.ProcessEnv {
	return Object.fromEntries(
		Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST')),
	);
}

/** Fetches a page until the dev server answers (it compiles on the first request). */
async function page(url: string): Promise<string> {
	for (;;) {
		try {
			const response = await fetch(url);
			if (response.ok) return await response.text();
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

describe('npm run dev', () => {
	let dev: ChildProcess | undefined;
	afterAll(() => {
		if (dev?.pid) process.kill(-dev.pid, 'SIGTERM');
	});

	it(
		'shows an edited catalogue file on the next page load',
		async () => {
			const catalogue = tempDir('atlas-dev-catalogue-');
			cpSync(join(ROOT, 'tests', 'fixtures', 'hostile', 'servers'), catalogue, { recursive: true });
			const file = join(catalogue, 'plain-demo.yaml');
			const port = await freePort();
			dev = spawn('npm', ['run', 'dev', '--', '--port', String(port), '--host', '127.0.0.1'], {
				cwd: ROOT,
				env: { ...userEnv(), ATLAS_CATALOGUE: catalogue },
				stdio: 'ignore',
				detached: true, // its own process group, so npm, astro and their children stop together
			});
			const url = `http://127.0.0.1:${port}${urls.server('plain-demo')}`;
			const before = await page(url);
			expect(before).not.toContain('Renamed Demo Server');
			const text = readFileSync(file, 'utf8');
			expect(text).toMatch(/^name: .+$/m);
			writeFileSync(file, text.replace(/^name: .+$/m, 'name: Renamed Demo Server'));
			await expect.poll(async () => (await page(url)).includes('Renamed Demo Server'), { timeout: 60_000 }).toBe(true);
		},
		TIMEOUT,
	);
});
