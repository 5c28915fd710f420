/**
 * The registry of output formats, in the order pages show them. Adding a format is one writer module
 * under this folder (browser-safe, listed in `writers.ts`), its validator, one line here, one column of
 * the mapping table and its tests.
 */
import { policyJsonWriter } from './policy-json.ts';
import { validatePolicyJson } from './policy-json.validate.ts';
import type { FormatId, FormatWriter, PolicyFormat } from './types.ts';

export { FORMAT_MAPPING } from './mapping.ts';
export type * from './types.ts';

/** A writer and its validator as one format. */
function withValidator<D>(writer: FormatWriter<D>, validate: (text: string) => string[]): PolicyFormat<D> {
	return { ...writer, validate };
}

/** The policy.json format, validated. */
export const policyJsonFormat = withValidator(policyJsonWriter, validatePolicyJson);

/** Every format, in page order. */
export const FORMATS: readonly PolicyFormat[] = [policyJsonFormat as PolicyFormat];

/** The format with this id; throws on an unknown id so a typo fails the build. */
export function formatById(id: FormatId): PolicyFormat {
	const format = FORMATS.find((f) => f.id === id);
	if (!format) throw new Error(`unknown policy format ${id}`);
	return format;
}
