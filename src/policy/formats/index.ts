/**
 * The registry of output formats, in the order pages show them. Adding a format is one writer module
 * under this folder (browser-safe, listed in `writers.ts`), its validator (listed here), one column of
 * the mapping table and its tests.
 */
import { validateClaudeCode } from './claude-code.validate.ts';
import { validateCodex } from './codex.validate.ts';
import { validateIntercept } from './intercept.validate.ts';
import { validatePolicyJson } from './policy-json.validate.ts';
import type { FormatId, PolicyFormat } from './types.ts';
import { FORMAT_WRITERS } from './writers.ts';

export { FORMAT_MAPPING } from './mapping.ts';
export type * from './types.ts';

/** Each format's validator: real parsers and zod, so the build and the tests only. */
const VALIDATORS: Record<FormatId, (text: string) => string[]> = {
	'policy-json': validatePolicyJson,
	'claude-code': validateClaudeCode,
	codex: validateCodex,
	intercept: validateIntercept,
};

/** Every format, in page order: the browser's writers, each with its validator. */
export const FORMATS: readonly PolicyFormat[] = FORMAT_WRITERS.map((writer) => ({
	...writer,
	validate: VALIDATORS[writer.id],
}));

/** The format with this id; throws on an unknown id so a typo fails the build. */
export function formatById(id: FormatId): PolicyFormat {
	const format = FORMATS.find((f) => f.id === id);
	if (!format) throw new Error(`unknown policy format ${id}`);
	return format;
}
