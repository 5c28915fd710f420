/**
 * docs/classifier.md publishes the agreement figures of the bundled catalogue in a block that
 * `npm run figures` generates. Rendering it again must give the same block, so a rule change that moves a
 * figure fails here until the figures are regenerated.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BEGIN, END, FIGURES_DOC, renderFigures, replaceBlock } from '../../scripts/lib/figures.ts';

// Classifying 9,601 definitions twice (agreement and hand labels) takes seconds; the bound allows a busy machine.
const TIMEOUT = 120_000;

describe('published figures', () => {
	it(
		'match what the rules measure on the bundled catalogue today',
		() => {
			const doc = readFileSync(FIGURES_DOC, 'utf8');
			expect(replaceBlock(doc, renderFigures())).toBe(doc);
		},
		TIMEOUT,
	);

	it('are replaced between the markers only, and a missing marker is an error', () => {
		const doc = `intro\n${BEGIN}\nold\n${END}\noutro\n`;
		expect(replaceBlock(doc, 'new')).toBe(`intro\n${BEGIN}\nnew\n${END}\noutro\n`);
		expect(() => replaceBlock('no markers', 'x')).toThrow(/markers are missing/);
	});
});
