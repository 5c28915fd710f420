/** JSON Schemas generated from the zod schemas, so editors, users and the build share one definition. */
import { z } from 'zod';
import { serverFileSchema } from '../catalogue/schema.ts';
import { policySchema } from './schema.ts';

/** JSON Schema (draft 2020-12) of policy.json, format version 1. */
export function policyJsonSchema(): Record<string, unknown> {
	return {
		...z.toJSONSchema(policySchema, { io: 'input', unrepresentable: 'any' }),
		title: 'Policy Atlas policy.json (version 1)',
	};
}

/** JSON Schema (draft 2020-12) of a catalogue file, `content/servers/<slug>.yaml`. */
export function catalogueJsonSchema(): Record<string, unknown> {
	return {
		...z.toJSONSchema(serverFileSchema, { io: 'input', unrepresentable: 'any' }),
		title: 'Policy Atlas catalogue server file',
	};
}
