/**
 * Builds the Pagefind index as the last step of `astro build`, with the Node API so failures fail the
 * build and the figures are logged. `_` and `.` are indexed as word characters so tool names such as
 * `delete_repository` are found as typed.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

function assertNoErrors(step: string, errors: readonly string[]): void {
	if (errors.length > 0) throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
}

/** The integration: runs once, in `astro:build:done`, over the whole output folder. */
export function pagefindIndex(): AstroIntegration {
	return {
		name: 'policy-atlas:pagefind',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const started = performance.now();
				const outDir = fileURLToPath(dir);
				try {
					const { index, errors } = await pagefind.createIndex({ includeCharacters: '_.' });
					assertNoErrors('createIndex', errors);
					if (!index) throw new Error('Pagefind createIndex returned no index');
					const added = await index.addDirectory({ path: outDir });
					assertNoErrors('addDirectory', added.errors);
					const written = await index.writeFiles({ outputPath: `${outDir.replace(/\/$/, '')}/pagefind` });
					assertNoErrors('writeFiles', written.errors);
					logger.info(`Indexed ${added.page_count} pages in ${Math.round(performance.now() - started)} ms`);
				} finally {
					await pagefind.close();
				}
			},
		},
	};
}
