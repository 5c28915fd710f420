/**
 * Effective MCP annotation values (security-research.md §4.2). Annotations are the server author's
 * claims; the spec's defaults assume the worst, and the destructive and idempotent hints mean nothing
 * once a tool claims to be read-only.
 */
import type { Tool } from '../catalogue/schema.ts';
import type { EffectiveAnnotations } from './types.ts';

function declaredBool(value: unknown): boolean | undefined {
	return typeof value === 'boolean' ? value : undefined;
}

/** Effective hint values, each marked declared (by the server) or defaulted (by the spec). */
export function effectiveAnnotations(tool: Tool): EffectiveAnnotations {
	// Dumps in the wild carry `"annotations": null`; treat it like absence.
	const a = tool.annotations ?? {};
	const readOnly = declaredBool(a.readOnlyHint);
	const destructive = declaredBool(a.destructiveHint);
	const idempotent = declaredBool(a.idempotentHint);
	const openWorld = declaredBool(a.openWorldHint);
	const readOnlyValue = readOnly ?? false;
	return {
		readOnlyHint: { value: readOnlyValue, declared: readOnly !== undefined },
		destructiveHint: { value: readOnlyValue ? false : (destructive ?? true), declared: destructive !== undefined },
		idempotentHint: { value: readOnlyValue ? true : (idempotent ?? false), declared: idempotent !== undefined },
		openWorldHint: { value: openWorld ?? true, declared: openWorld !== undefined },
	};
}
