/**
 * Builds the Pagefind index as the last step of `astro build`, with the Node API so failures fail the
 * build and the figures are logged. `_` and `.` are indexed as word characters so tool names such as
 * `delete_repository` are found as typed. Incidents get one record each (type "Incident"), pointing at
 * their row on the timeline page, so a search for an incident's target lands on that row.
 */

import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { incidentTimeline } from '../attacks/incidents.ts';
import { ATTACK_CATEGORY_LABELS } from '../attacks/labels.ts';
import { ATTACKS_DIR, loadAttackFiles } from '../attacks/load.ts';
import { urls } from '../site/urls.ts';

type Index = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>;

/** One custom record per timeline row; returns how many were added. */
async function addIncidentRecords(index: Index): Promise<number> {
	const attacks = loadAttackFiles(resolve(ATTACKS_DIR));
	const categoryOf = new Map(attacks.map((a) => [a.id, ATTACK_CATEGORY_LABELS[a.data.category]]));
	const timeline = incidentTimeline(attacks);
	for (const row of timeline) {
		const patterns = row.patterns.map((p) => p.title);
		const added = await index.addCustomRecord({
			url: urls.incident(row.anchor),
			content: `${row.target}. ${row.summary} Reported by ${row.source.author}: ${row.source.title}. Attack patterns: ${patterns.join(', ')}.`,
			language: 'en',
			meta: { title: `${row.target} (${row.date})`, date: row.date },
			filters: {
				type: ['Incident'],
				attack: patterns,
				'attack-category': [...new Set(row.patterns.map((p) => categoryOf.get(p.id) as string))],
			},
		});
		assertNoErrors('addCustomRecord', added.errors);
	}
	return timeline.length;
}

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
					const incidents = await addIncidentRecords(index);
					const written = await index.writeFiles({ outputPath: join(outDir, urls.pagefind) });
					assertNoErrors('writeFiles', written.errors);
					logger.info(
						`Indexed ${added.page_count} pages and ${incidents} incidents in ${Math.round(performance.now() - started)} ms`,
					);
				} finally {
					await pagefind.close();
				}
			},
		},
	};
}
