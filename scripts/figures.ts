/**
 * Writes the agreement figures of the bundled catalogue into docs/classifier.md (between the figures
 * markers). With --check, writes nothing and exits 1 when the published figures are stale.
 *
 *   npm run figures            # rewrite the block
 *   npm run figures -- --check # fail when it differs from what the rules measure
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { FIGURES_DOC, renderFigures, replaceBlock } from './lib/figures.ts';

const check = process.argv.includes('--check');
const text = readFileSync(FIGURES_DOC, 'utf8');
const next = replaceBlock(text, renderFigures());
if (next === text) {
	process.stderr.write(`figures: ${FIGURES_DOC} is up to date\n`);
} else if (check) {
	process.stderr.write(`figures: ${FIGURES_DOC} is stale; run \`npm run figures\` and commit the result\n`);
	process.exitCode = 1;
} else {
	writeFileSync(FIGURES_DOC, next);
	process.stderr.write(`figures: wrote ${FIGURES_DOC}\n`);
}
