/**
 * The builder's state in the URL fragment, so a link reproduces it. Only what differs from the page's
 * defaults is written: the format (when not the first), the server name (when not the slug) and the
 * tools whose action differs from the recommendation, as index ranges per action. Indices are short but
 * depend on the tool list, so a fingerprint of that list travels with them and a link made against
 * another version of the catalogue keeps the format and name but drops the tool changes.
 */
import type { Action } from '../../classify/types.ts';

/** What the user chose. `actions[i]` is the action of the page's i-th tool. */
export interface BuilderState {
	format: string;
	serverName: string;
	actions: Action[];
}

/** What the page holds without any fragment. */
export interface BuilderDefaults {
	/** Format ids in page order; the first is the default. */
	formats: readonly string[];
	serverName: string;
	/** The recommended action of every tool, in page order. */
	recommended: readonly Action[];
	/** `fingerprint` of the page's tool names. */
	fingerprint: string;
}

/** One letter per action in the fragment; the order is the strictness order too. */
export const ACTION_KEYS: Readonly<Record<Action, string>> = {
	allow: 'a',
	'rate-limit': 'r',
	approve: 'p',
	deny: 'd',
	hide: 'h',
};
const KEY_ACTIONS = new Map(Object.entries(ACTION_KEYS).map(([action, key]) => [key, action as Action]));

/** A short, stable hash (FNV-1a, base 36) of the tool names in order. */
export function fingerprint(names: readonly string[]): string {
	let hash = 0x811c9dc5;
	for (const ch of names.join('\n')) {
		hash ^= ch.codePointAt(0) as number;
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash.toString(36);
}

/** Sorted indices as base-36 runs: `[0,1,2,5,40]` → `0-2.5.14`. */
export function encodeIndices(indices: readonly number[]): string {
	const runs: string[] = [];
	for (let i = 0; i < indices.length; ) {
		let j = i;
		while (j + 1 < indices.length && indices[j + 1] === (indices[j] as number) + 1) j++;
		const from = (indices[i] as number).toString(36);
		runs.push(j > i ? `${from}-${(indices[j] as number).toString(36)}` : from);
		i = j + 1;
	}
	return runs.join('.');
}

/** The inverse of `encodeIndices`; malformed runs and indices outside `[0, count)` are skipped. */
export function decodeIndices(text: string, count: number): number[] {
	const out: number[] = [];
	for (const run of text.split('.')) {
		const match = /^([0-9a-z]+)(?:-([0-9a-z]+))?$/.exec(run);
		if (!match) continue;
		const from = Number.parseInt(match[1] as string, 36);
		const to = match[2] === undefined ? from : Number.parseInt(match[2], 36);
		for (let i = from; i <= Math.min(to, count - 1); i++) out.push(i);
	}
	return out;
}

/** The fragment for a state (without `#`); empty when the state is the page's default. */
export function encodeState(state: BuilderState, defaults: BuilderDefaults): string {
	const params = new URLSearchParams();
	if (state.format !== defaults.formats[0]) params.set('f', state.format);
	if (state.serverName !== defaults.serverName) params.set('s', state.serverName);
	const changed = new Map<Action, number[]>();
	state.actions.forEach((action, i) => {
		if (action !== defaults.recommended[i]) changed.set(action, [...(changed.get(action) ?? []), i]);
	});
	if (changed.size > 0) params.set('v', defaults.fingerprint);
	for (const [action, key] of Object.entries(ACTION_KEYS) as [Action, string][]) {
		const indices = changed.get(action);
		if (indices) params.set(key, encodeIndices(indices));
	}
	return params.toString();
}

/** The state a fragment describes, and whether its tool changes were dropped as stale. */
export function decodeState(fragment: string, defaults: BuilderDefaults): { state: BuilderState; stale: boolean } {
	const params = new URLSearchParams(fragment.replace(/^#/, ''));
	const format = params.get('f');
	const actions = [...defaults.recommended];
	const hasChanges = [...KEY_ACTIONS.keys()].some((key) => params.has(key));
	const stale = hasChanges && params.get('v') !== defaults.fingerprint;
	if (hasChanges && !stale)
		for (const [key, action] of KEY_ACTIONS)
			for (const i of decodeIndices(params.get(key) ?? '', actions.length)) actions[i] = action;
	return {
		state: {
			format: format !== null && defaults.formats.includes(format) ? format : (defaults.formats[0] ?? ''),
			serverName: params.get('s') || defaults.serverName,
			actions,
		},
		stale,
	};
}
