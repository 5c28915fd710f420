/** Placeholder input schemas over the bundled catalogue: exactly the transcribed seed servers have them. */
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.ts';
import { placeholderSchemaNote } from '../../src/site/schema-rows.ts';

describe('placeholderSchemaNote', () => {
	it('marks exactly the bundled seed servers’ tools among tools without an invalid-schema flag', () => {
		const marked = loadCatalogue('content/servers')
			.flatMap(({ server }) =>
				server.tools.filter((t) => !t.invalidSchema && placeholderSchemaNote(t, server.catalogued)).map(() => server),
			)
			.map((s) => s.slug);
		expect(marked.sort()).toEqual([
			'borealhost-mcp',
			'livetap',
			'opnsense-mcp-server',
			'pusher-mcp-server',
			'remnawave-mcp',
		]);
	});
});
