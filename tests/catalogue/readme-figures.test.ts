/**
 * The README publishes the agreement figures of the bundled catalogue. They are measured here again,
 * so a rule change that moves a figure fails until the README says what `npm run evaluate` prints.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.ts';
import { measureAgreement } from '../../src/classify/agreement.ts';
import { BUNDLED_HAND_LABELS, loadHandLabels, measureHandLabels } from '../../src/classify/hand-labels.ts';
import { RULESET_VERSION } from '../../src/classify/index.ts';
import { figure, percent } from '../../src/text/words.ts';

// Classifying 9,601 definitions twice takes seconds; the limit allows for a busy machine.
const TIMEOUT = 120_000;

describe('README figures', () => {
	it(
		'match what the rules measure on the bundled catalogue today',
		() => {
			const readme = readFileSync('README.md', 'utf8').replace(/\s+/g, ' ');
			const tools = loadCatalogue('content/servers').flatMap(({ server }) =>
				server.tools.map((tool) => ({ server: { slug: server.slug, name: server.name }, tool })),
			);
			const r = measureAgreement(tools);
			const row = (m: { rate: number | undefined; agreed: number; measured: number }) =>
				`${percent(m.rate)} (${figure(m.agreed)}/${figure(m.measured)})`;
			expect(readme).toContain(`| ${RULESET_VERSION} | ${row(r.read)} | ${row(r.destructive)} |`);
			const v = r.destructiveByVerb;
			expect(readme).toContain(
				`**${percent(v.ceiling.rate)}** (${figure(v.ceiling.agreed)} of ${figure(v.ceiling.measured)})`,
			);
			expect(readme).toContain(
				`**${percent(v.crossServer.byServers.rate)}** (${figure(v.crossServer.byServers.agreed)}) with one vote per server`,
			);
			expect(readme).toContain(
				`**${percent(v.crossServer.byTools.rate)}** (${figure(v.crossServer.byTools.agreed)}) with one vote per tool`,
			);
			expect(readme).toContain(`rules' ${percent(r.destructive.rate)}:`);
			const labels = loadHandLabels(BUNDLED_HAND_LABELS);
			const hand = measureHandLabels(labels?.labels ?? [], tools);
			expect(readme).toContain(
				`The rules agree with the hand labels on ${percent(hand.rules.rate)} (${figure(hand.rules.agreed)} of ${figure(hand.rules.measured)})`,
			);
			expect(readme).toContain(
				`agrees with them on ${percent(hand.authors.rate)} (${figure(hand.authors.agreed)} of ${figure(hand.authors.measured)})`,
			);
			expect(readme).toContain(`The ${figure(hand.rulesDisagree.length)} differences are listed`);
		},
		TIMEOUT,
	);
});
