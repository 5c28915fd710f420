/** The small annotated catalogue `measureAgreement` (unit) and `npm run evaluate` (integration) are both checked on. */
import type { Tool } from '../../src/catalogue/schema.ts';
import { tool as definition } from './definitions.ts';

/** The one server every fixture tool belongs to. */
export const SERVER = { slug: 'demo', name: 'Demo' };

/** A tool with a description and, when given, declared annotations. */
export const tool = (name: string, description: string, annotations?: Tool['annotations']): Tool =>
	definition(name, description, undefined, annotations ? { annotations } : {});

/** Six tools: agreements and disagreements of every kind the report counts. */
export const TOOLS: Tool[] = [
	tool('list_items', 'List items.', { readOnlyHint: true, destructiveHint: false }),
	tool('delete_item', 'Delete an item.', { readOnlyHint: false, destructiveHint: true }),
	tool('create_item', 'Create an item.', { readOnlyHint: false, destructiveHint: false }),
	tool('update_item', 'Update an item.', { destructiveHint: true }),
	// Claims read-only but deletes: one read disagreement, and its destructiveHint (meaningless next to readOnlyHint) is not counted.
	tool('purge_items', 'Purge all items.', { readOnlyHint: true, destructiveHint: true }),
	tool('get_item', 'Get an item.'),
];
