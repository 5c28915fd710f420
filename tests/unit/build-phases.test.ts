/** The bench's reading of a build log: phases by line, and the index time from the per-bundle lines only. */
import { describe, expect, it } from 'vitest';
import { BuildPhases } from '../../scripts/lib/build-phases.ts';

describe('BuildPhases', () => {
	it('sums the per-bundle index lines of a bare astro build, not its total line', () => {
		const phases = new BuildPhases(0);
		phases.line('generating static routes', 10);
		phases.line('✓ Completed in 5.00s.', 20);
		phases.line('[policy-atlas:pagefind] Indexed 900 pages into /pagefind/ in 700 ms', 25);
		phases.line('[policy-atlas:pagefind] Indexed 100 pages into /pagefind-shards/1-2/ in 300 ms', 26);
		phases.line('[policy-atlas:pagefind] Indexed 1000 pages and 24 incidents in 1010 ms', 27);
		phases.end(30);
		expect(phases.indexMs).toBe(1000);
		expect([phases.setupMs, phases.renderMs, phases.afterMs]).toEqual([10, 10, 10]);
	});

	it('reads npm run build’s separate index step the same way', () => {
		const phases = new BuildPhases(0);
		phases.line('[search] Indexed 10428 pages into /pagefind/ in 11175 ms', 1);
		phases.line('[search] 10428 pages and 24 incidents in 1 bundle(s), 11177 ms', 2);
		expect(phases.indexMs).toBe(11175);
	});
});
