/** Checks `policy.json` text: a JSON parse, then the gateway schema (zod, so build and tests only). */
import { policySchema } from '../schema.ts';
import { issueLines, tryParse } from './shared.ts';

/** The problems in a policy.json text; none when it parses and fits the schema. */
export function validatePolicyJson(text: string): string[] {
	const parsed = tryParse(() => JSON.parse(text) as unknown);
	if ('error' in parsed) return [`not JSON: ${parsed.error}`];
	const result = policySchema.safeParse(parsed.value);
	return result.success ? [] : issueLines(result.error.issues);
}
