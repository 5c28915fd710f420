// @ts-check

import { resolve } from 'node:path';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { buildStamp } from './src/integrations/build-stamp.ts';
import { cleanFailedBuild } from './src/integrations/clean-failed-build.ts';
import { indexAfterBuild, pagefindIndex } from './src/integrations/pagefind.ts';
import { isInside, publishBuild, stagingDir } from './src/integrations/publish.ts';
import { contentSecurityPolicy } from './src/site/csp.ts';

/** The catalogue folder to build from: the bundled one unless ATLAS_CATALOGUE points elsewhere. */
const catalogue = resolve(process.env.ATLAS_CATALOGUE ?? 'content/servers');

/** The deployed origin (and base path), when known: canonical links, OpenGraph tags and the sitemap need it. */
const site = process.env.ATLAS_SITE_URL || undefined;

/** Where the site goes. A build for a folder outside the checkout is staged inside it (src/integrations/publish.ts). */
const outDir = resolve(process.env.ATLAS_OUT_DIR || 'dist');
const root = process.cwd();
// Only `astro build` stages: `astro preview` serves the published folder itself.
const staged = process.argv.includes('build') && !isInside(root, outDir);
// `npm run build` (scripts/build.ts) indexes, publishes and stamps the build itself once Astro has exited.
const later = indexAfterBuild();

export default defineConfig({
	...(site ? { site } : {}),
	outDir: staged ? stagingDir(outDir) : outDir,
	trailingSlash: 'ignore',
	// Keep whitespace between inline elements (badges, tag lists) so text and search excerpts don't glue.
	compressHTML: true,
	// Two routes writing one path must fail the build: a page that silently replaces another is a lost page.
	prerenderConflictBehavior: 'error',
	// Every page gets a CSP meta tag: the site's files, hashed inline scripts/styles, Pagefind (src/site/csp.ts).
	security: { csp: contentSecurityPolicy },
	// Shiki's Markdown highlighting writes inline styles, which that policy blocks. The Markdown pages have no
	// code blocks; policy snippets are highlighted into classes by src/site/highlight.ts.
	markdown: { syntaxHighlight: false },
	// Astro's log without a line per generated page (src/integrations/build-log.ts).
	logger: { entrypoint: './src/integrations/build-log.ts' },
	// cleanFailedBuild last: its build:done disarms the cleanup only after every other step succeeded.
	integrations: [
		mdx(),
		...(site ? [sitemap()] : []),
		...(later ? [] : [pagefindIndex()]),
		...(staged && !later ? [publishBuild(outDir, root)] : []),
		buildStamp(root, outDir, !later),
		cleanFailedBuild(),
	],
	build: {
		// A page's file is written through Node's thread pool (mkdir, open, write, close, each awaited): one page at
		// a time, the main thread waited on them for 40% of the render. Four in flight keep it busy. Output does
		// not depend on the order pages finish; Astro's page list (the sitemap's order) follows the order they start.
		concurrency: 4,
	},
	vite: {
		build: {
			// Tool pages' tab script goes to its own cached file instead of into each of 10,000 pages
			// (it would fit the 4 kB inline limit); every other script keeps Vite's default.
			assetsInlineLimit: (file) => (file.includes('PolicyTabs') ? false : undefined),
		},
		plugins: [
			{
				// Catalogue YAML is read with fs, not imported, so tell the dev server when it changes.
				name: 'policy-atlas:watch-catalogue',
				configureServer(server) {
					server.watcher.add(catalogue);
					/** @param {string} file */
					const changed = (file) => {
						if (!file.startsWith(catalogue)) return;
						// src/data/atlas.ts rebuilds the model when it sees the folder changed; Astro's route
						// cache still holds getStaticPaths' props from the old one, which this event clears.
						for (const environment of Object.values(server.environments))
							if (environment.name !== 'client') environment.hot.send('astro:content-changed', {});
						server.ws.send({ type: 'full-reload' });
					};
					for (const event of ['add', 'change', 'unlink']) server.watcher.on(event, changed);
				},
			},
		],
	},
});
