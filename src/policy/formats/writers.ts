/**
 * The browser's registry: every format's writer, in page order, without validators (see `FormatWriter`).
 * `index.ts` pairs each writer with its validator; a unit test keeps the two lists in step.
 */
import { claudeCodeWriter } from './claude-code.ts';
import { codexWriter } from './codex.ts';
import { interceptWriter } from './intercept.ts';
import { policyJsonWriter } from './policy-json.ts';
import type { FormatWriter } from './types.ts';

/** Every format's writer, in the order of `FORMATS`. */
export const FORMAT_WRITERS: readonly FormatWriter[] = [
	policyJsonWriter as FormatWriter,
	claudeCodeWriter as FormatWriter,
	codexWriter as FormatWriter,
	interceptWriter as FormatWriter,
];
