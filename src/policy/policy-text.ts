/**
 * The zod-free half of the policy document: its operators and its deterministic text. The server-page
 * builder runs this in the browser, so it must not import the schema (zod would weigh more than the
 * whole builder); `schema.ts` re-exports everything here.
 */
import { replaceHidden } from '../text/reveal.ts';
import type { Policy } from './schema.ts';

/** The 11 comparison operators a condition may use. */
export const OPS = ['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'in', 'not_in', 'exists', 'regex', 'contains'] as const;

/** Serialises a policy with a fixed key order and two-space indent, so identical policies are identical bytes. */
export function policyToJson(policy: Policy): string {
	const ordered: Record<string, unknown> = { version: policy.version, default: policy.default };
	if (policy.hide) ordered.hide = policy.hide;
	if (policy.all_tools) ordered.all_tools = policy.all_tools;
	if (policy.tools) {
		ordered.tools = Object.fromEntries(
			Object.entries(policy.tools).map(([name, rule]) => {
				const r: Record<string, unknown> = {};
				if (rule.require) r.require = rule.require;
				if (rule.deny_if) r.deny_if = rule.deny_if;
				if (rule.limits)
					r.limits = rule.limits.map((l) => ({ counter: l.counter, window: l.window, max: l.max, scope: l.scope }));
				return [name, r];
			}),
		);
	}
	return `${escapeHidden(JSON.stringify(ordered, null, 2))}\n`;
}

/**
 * Writes invisible characters (zero-width, bidi, tag characters) as escapes: the file means the same string to
 * its reader, but a person reading the snippet sees that the name holds more than it shows. JSON and YAML take
 * `\\uXXXX` per UTF-16 unit (a surrogate pair for characters beyond the BMP); TOML has no surrogates, so a
 * character beyond the BMP is one `\\UXXXXXXXX`.
 */
export function escapeHidden(text: string, syntax: 'json' | 'toml' = 'json'): string {
	return replaceHidden(text, (ch, cp) =>
		syntax === 'toml' && cp > 0xffff
			? `\\U${cp.toString(16).padStart(8, '0')}`
			: Array.from({ length: ch.length }, (_, i) => `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`).join(''),
	);
}
