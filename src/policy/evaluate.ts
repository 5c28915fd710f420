/**
 * A reference evaluator for policy documents, following the documented semantics: `hide`, then the
 * default for unlisted tools, then `deny_if` / `require`, then limits (calendar-aligned UTC windows).
 * The site never runs it; tests use it to prove that each published snippet does what its page says.
 */
import type { Condition, Limit, Policy } from './schema.ts';

/** The outcome of one call. */
export type Verdict =
	| { allowed: true }
	| { allowed: false; reason: 'hidden' | 'not-listed' | 'deny_if' | 'require' | 'limit'; message: string };

/** Counters per `tool/counter/window-start`; pass the same object across calls of one grant. */
export type CounterState = Map<string, number>;

/** Tools an agent would see in `tools/list` under the policy. */
export function visibleTools(policy: Policy, serverTools: readonly string[]): string[] {
	if (policy.hide?.includes('*')) return [];
	const hidden = new Set(policy.hide ?? []);
	return serverTools.filter((t) => !hidden.has(t));
}

/** Evaluates one call; counts it against the limits only when it is allowed. */
export function evaluateCall(
	policy: Policy,
	call: { tool: string; args?: Record<string, unknown> },
	state: CounterState = new Map(),
	now: Date = new Date(),
): Verdict {
	const args = call.args ?? {};
	if (policy.hide?.includes('*') || policy.hide?.includes(call.tool))
		return { allowed: false, reason: 'hidden', message: `${call.tool} is hidden` };
	// Own properties only: a tool named `constructor` or `toString` must not find Object.prototype's.
	const rule = policy.tools && Object.hasOwn(policy.tools, call.tool) ? policy.tools[call.tool] : undefined;
	if (!rule && policy.default === 'deny')
		return { allowed: false, reason: 'not-listed', message: `${call.tool} is not allowed by this policy` };
	for (const deny of rule?.deny_if ?? []) {
		if (deny.conditions.every((c) => holds(c, args)))
			return { allowed: false, reason: 'deny_if', message: deny.on_deny };
	}
	for (const req of rule?.require ?? []) {
		if (!holds(req, args))
			return { allowed: false, reason: 'require', message: `requirement failed: ${req.path} ${req.op}` };
	}
	const limits: [string, Limit][] = [
		...(policy.all_tools?.limits ?? []).map((l): [string, Limit] => ['*', l]),
		...(rule?.limits ?? []).map((l): [string, Limit] => [call.tool, l]),
	];
	const keys = limits.map(([scope, l]) => `${scope}/${l.counter}/${windowStart(l.window, now)}`);
	for (const [i, [, l]] of limits.entries()) {
		if ((state.get(keys[i] as string) ?? 0) >= l.max)
			return { allowed: false, reason: 'limit', message: `limit ${l.counter} reached (${l.max} per ${l.window})` };
	}
	for (const key of keys) state.set(key, (state.get(key) ?? 0) + 1);
	return { allowed: true };
}

/** Start of the calendar-aligned UTC window containing `now`, as an ISO string. */
function windowStart(window: Limit['window'], now: Date): string {
	const d = new Date(now.getTime());
	d.setUTCMilliseconds(0);
	d.setUTCSeconds(0);
	if (window !== 'minute') d.setUTCMinutes(0);
	if (window === 'day') d.setUTCHours(0);
	return d.toISOString();
}

function resolve(args: Record<string, unknown>, path: string): { found: boolean; value?: unknown } {
	let current: unknown = { args };
	for (const part of path.split('.')) {
		if (current === null || typeof current !== 'object' || !Object.hasOwn(current, part)) return { found: false };
		current = (current as Record<string, unknown>)[part];
	}
	return { found: true, value: current };
}

/** Evaluates one condition; an unresolved path is false except for `exists: false`. */
export function holds(c: Condition, args: Record<string, unknown>): boolean {
	const { found, value } = resolve(args, c.path);
	if (c.op === 'exists') return found === c.value;
	if (!found) return false;
	switch (c.op) {
		case 'eq':
		case 'neq': {
			const same =
				typeof value === 'number' && typeof c.value === 'number'
					? value === c.value
					: String(value) === String(c.value);
			return c.op === 'eq' ? same : !same;
		}
		case 'lt':
		case 'lte':
		case 'gt':
		case 'gte': {
			if (typeof value !== 'number' || typeof c.value !== 'number') return false;
			return c.op === 'lt'
				? value < c.value
				: c.op === 'lte'
					? value <= c.value
					: c.op === 'gt'
						? value > c.value
						: value >= c.value;
		}
		case 'in':
		case 'not_in': {
			const list = Array.isArray(c.value) ? c.value : [];
			const member = list.some((v) =>
				typeof v === 'number' && typeof value === 'number' ? v === value : String(v) === String(value),
			);
			return c.op === 'in' ? member : !member;
		}
		case 'regex':
			return typeof value === 'string' && typeof c.value === 'string' && new RegExp(c.value).test(value);
		case 'contains':
			if (typeof value === 'string') return value.includes(String(c.value));
			if (Array.isArray(value)) return value.some((v) => v === c.value);
			return false;
	}
}
