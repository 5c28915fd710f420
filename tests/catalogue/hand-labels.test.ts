/** The bundled hand labels, against the whole bundled catalogue. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.ts';
import { BUNDLED_HAND_LABELS, measureHandLabels, parseHandLabels } from '../../src/evaluation/hand-labels.ts';

describe('the bundled hand labels', () => {
	it('validate and name only tools of the bundled catalogue', () => {
		const file = BUNDLED_HAND_LABELS;
		const { labels, problems } = parseHandLabels(file, readFileSync(file, 'utf8'));
		expect(problems).toEqual([]);
		const tools = loadCatalogue('content/servers').flatMap(({ server }) =>
			server.tools.map((t) => ({ server: { slug: server.slug, name: server.name }, tool: t })),
		);
		const r = measureHandLabels(labels?.labels ?? [], tools);
		expect(r.missing).toEqual([]);
		expect(r.measured).toBe(labels?.labels.length);
	});
});
