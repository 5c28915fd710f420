/**
 * The registry of output formats, in the order pages show them. Adding a format is one module under this
 * folder, one line here, one column of the mapping table and its tests.
 */
import { claudeCodeFormat } from './claude-code.ts';
import { codexFormat } from './codex.ts';
import { interceptFormat } from './intercept.ts';
import { policyJsonFormat } from './policy-json.ts';
import type { FormatId, PolicyFormat } from './types.ts';

export { FORMAT_MAPPING } from './mapping.ts';
export type * from './types.ts';

/** Every format, in page order. */
export const FORMATS: readonly PolicyFormat[] = [
	policyJsonFormat as PolicyFormat,
	claudeCodeFormat as PolicyFormat,
	codexFormat as PolicyFormat,
	interceptFormat as PolicyFormat,
];

/** The format with this id; throws on an unknown id so a typo fails the build. */
export function formatById(id: FormatId): PolicyFormat {
	const format = FORMATS.find((f) => f.id === id);
	if (!format) throw new Error(`unknown policy format ${id}`);
	return format;
}
