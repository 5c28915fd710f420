import { describe, expect, it } from 'vitest';
import type { ServerFile, Tool } from '../../src/catalogue/schema.ts';
import { placeholderSchemaNote } from '../../src/site/schema-rows.ts';

const listed: ServerFile['catalogued'] = { date: '2026-11-22', method: 'tools-list', via: 'npm:x@1 over stdio' };
const seed: ServerFile['catalogued'] = {
	date: '2026-11-22',
	method: 'seed-page',
	via: 'Transcribed from a catalogue page',
	claimedToolCount: 7,
	claimedBy: 'A catalogue page',
};
const tool = (inputSchema: Tool['inputSchema'], extra: Partial<Tool> = {}): Tool => ({
	name: 'drop',
	description: 'Drop it.',
	inputSchema,
	...extra,
});

describe('placeholderSchemaNote', () => {
	it('says a transcribed tool’s empty schema is a placeholder, not "no parameters"', () => {
		const note = placeholderSchemaNote(tool({ type: 'object' }), seed);
		expect(note).toContain('placeholder');
		expect(note).toContain('transcribed from a published catalogue page');
	});

	it('says nothing when the schema is the server’s own, even with no parameters', () => {
		expect(placeholderSchemaNote(tool({ type: 'object' }), listed)).toBeUndefined();
		expect(
			placeholderSchemaNote(tool({ type: 'object', properties: { ip: { type: 'string' } } }), seed),
		).toBeUndefined();
	});

	it('says an ingest-flagged invalid schema is a placeholder, with the reason', () => {
		const note = placeholderSchemaNote(
			tool(
				{ type: 'object' },
				{ invalidSchema: { reason: 'inputSchema has no "type": "object"', original: { $schema: 'x' } } },
			),
			listed,
		);
		expect(note).toContain('inputSchema has no "type": "object"');
		expect(note).toContain('placeholder');
	});
});
