/** Building blocks for tests that classify synthetic tool definitions. */
import type { Tool } from '../../src/catalogue/schema.ts';
import type { Decision } from '../../src/classify/index.ts';
import type { ActionPlan } from '../../src/policy/action.ts';

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

/**
 * An object schema `levels` parameters deep (`level0.level1…`), each the only property of the one
 * above; `wrap` places each parameter's schema inside whatever it returns (an array's items, a branch),
 * and the innermost parameter's schema is `leaf`.
 */
export function nestedSchema(
	levels: number,
	leaf: Record<string, unknown>,
	wrap: (inner: unknown, level: number) => unknown = (inner) => inner,
): Record<string, unknown> {
	let node: Record<string, unknown> = leaf;
	for (let i = levels - 1; i >= 0; i--) node = { type: 'object', properties: { [`level${i}`]: wrap(node, i) } };
	return node;
}

/** `Category/Level` of a decision. */
export const label = (d: Decision) => `${d.category}/${d.level}`;

/** One plan per action, for tests that render every action. */
export const PLANS: ActionPlan[] = [
	{ action: 'allow', rule: 'P-low', because: 'it only reads' },
	{ action: 'rate-limit', limit: { max: 30, window: 'minute' }, rule: 'P-medium', because: 'it changes state' },
	{ action: 'approve', rule: 'P-high', because: 'it is risky' },
	{ action: 'deny', rule: 'P-exec', because: 'it runs code' },
	{ action: 'hide', rule: 'P-poison', because: 'it is poisoned' },
];
