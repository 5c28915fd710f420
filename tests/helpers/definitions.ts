/** Building blocks for tests that classify synthetic tool definitions. */
import type { Tool } from '../../src/catalogue/schema.ts';
import type { Decision } from '../../src/classify/index.ts';

/** The server every synthetic definition belongs to. */
export const SERVER = { slug: 'example', name: 'Example' };

/** A tool with an object schema built from a property map. */
export function tool(
	name: string,
	description?: string,
	properties?: Record<string, unknown>,
	extra: Partial<Tool> = {},
): Tool {
	return {
		name,
		...(description !== undefined ? { description } : {}),
		inputSchema: properties ? { type: 'object', properties } : { type: 'object' },
		...extra,
	};
}

/** A string property, with a description when given. */
export const str = (description?: string) => ({ type: 'string', ...(description ? { description } : {}) });

/** `Category/Level` of a decision. */
export const label = (d: Decision) => `${d.category}/${d.level}`;
