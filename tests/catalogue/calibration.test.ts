/** The bundled calibration labels: valid, about bundled tools only, and split by server as `splitOf` says. */
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.ts';
import { BUNDLED_CALIBRATION, loadCalibration, measureCalibration, splitOf } from '../../src/evaluation/calibration.ts';

describe('the bundled calibration labels', () => {
	const file = loadCalibration(BUNDLED_CALIBRATION);

	it('validate, name only bundled tools, and keep every server on one side of the split', () => {
		expect(file?.labels.length).toBe(600);
		const tools = loadCatalogue('content/servers').flatMap(({ server }) =>
			server.tools.map((tool) => ({ server: { slug: server.slug, name: server.name }, tool })),
		);
		const report = measureCalibration(file?.labels ?? [], tools);
		expect(report.missing).toEqual([]);
		expect(report.dev.tools + report.heldOut.tools).toBe(600);
		for (const l of file?.labels ?? []) expect(l.split, l.server).toBe(splitOf(l.server));
	});
});
