/** The bundled catalogue as a whole: it loads, and every file validates. */
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.ts';

describe('loadCatalogue', () => {
	// Parsing several megabytes of YAML takes seconds (the catalogue project's timeout allows for a busy machine).
	it('loads the bundled catalogue', () => {
		const servers = loadCatalogue('content/servers');
		expect(servers.length).toBeGreaterThanOrEqual(5);
		expect(servers.every((s) => s.server.tools.length > 0)).toBe(true);
	});
});
