/**
 * The builder's data and the pure operations on it: the JSON the server page embeds, the plan a chosen
 * action means for a tool, the bulk actions, and the format-neutral server the formats read. Shared by
 * the build (which writes the JSON) and the browser (which reads it); no DOM here.
 */
import type { Category, Level } from '../../catalogue/schema.ts';
import type { Action } from '../../classify/types.ts';
import { type ActionPlan, RATE_LIMITS, type RateLimit } from '../../policy/action.ts';
import type { ArgumentGuard, FormatServer } from '../../policy/formats/types.ts';
import { escapeHidden } from '../../policy/policy-text.ts';
import type { ServerEntry, ToolEntry } from '../model.ts';
import { ACTION_KEYS, fingerprint } from './state.ts';

/** One tool in the embedded JSON; short keys, since the largest server lists over 1,000 tools. */
export interface BuilderTool {
	/** Name. */
	n: string;
	/** Category. */
	c: Category;
	/** Level. */
	l: Level;
	/** Recommended action. */
	a: Action;
	/** The recommended cap, when the recommendation is a rate limit. */
	m?: RateLimit;
	/** Argument guards, when there are any, as indices into `BuilderData.guards`. */
	g?: readonly number[];
}

/** The JSON a server page embeds for its builder. */
export interface BuilderData {
	/** Catalogue slug: the default server name. */
	slug: string;
	/** `fingerprint` of the tool names, so stale links are detected. */
	fingerprint: string;
	tools: BuilderTool[];
	/**
	 * Every distinct argument guard of the server, once: tools that share a parameter share its guard,
	 * and one guard's patterns can run to kilobytes (the largest server's JSON shrinks by a quarter).
	 */
	guards: readonly ArgumentGuard[];
}

/** What the builder reads of a tool entry. */
type BuilderSource = Pick<ToolEntry, 'tool' | 'decision' | 'plan' | 'guards'>;

/** The builder's data for a server page, tools in listed order. */
export function builderData(entry: Pick<ServerEntry, 'slug'> & { tools: readonly BuilderSource[] }): BuilderData {
	const guards: ArgumentGuard[] = [];
	const indexOf = new Map<string, number>();
	const guardIndex = (guard: ArgumentGuard): number => {
		const key = JSON.stringify(guard);
		let i = indexOf.get(key);
		if (i === undefined) {
			i = guards.push(guard) - 1;
			indexOf.set(key, i);
		}
		return i;
	};
	const tools = entry.tools.map(({ tool, decision, plan, guards: own }) => ({
		n: tool.name,
		c: decision.category,
		l: decision.level,
		a: plan.action,
		...(plan.limit ? { m: plan.limit } : {}),
		...(own.length > 0 ? { g: own.map(guardIndex) } : {}),
	}));
	return { slug: entry.slug, fingerprint: fingerprint(entry.tools.map((t) => t.tool.name)), tools, guards };
}

/**
 * The embedded JSON as text safe inside a `<script>` element: no `<` can close it, and invisible
 * characters in tool names are `\\uXXXX` escapes, as everywhere else the site prints a name.
 */
export function builderJson(data: BuilderData): string {
	return escapeHidden(JSON.stringify(data)).replaceAll('<', '\\u003c');
}

/** Every action, least strict first (the order of `ACTION_KEYS`). */
export const ACTION_ORDER = Object.keys(ACTION_KEYS) as Action[];

/**
 * The cap a tool gets when the user chooses a rate limit: ours when we recommended one, else the
 * table's cap for its level (reading tools get the looser read cap).
 */
export function capFor(tool: BuilderTool): RateLimit {
	if (tool.m) return tool.m;
	if (tool.l === 'High' || tool.l === 'Critical') return RATE_LIMITS.High;
	return tool.c === 'Read' || tool.l === 'Low' ? RATE_LIMITS.ReadMedium : RATE_LIMITS.Medium;
}

/** The plan for a tool under the chosen action. */
export function planOf(tool: BuilderTool, action: Action): ActionPlan {
	const chosen = action !== tool.a;
	const plan: ActionPlan = {
		action,
		rule: chosen ? 'builder' : 'recommended',
		because: chosen ? 'you chose it in the builder' : 'it is our recommendation',
	};
	if (action === 'rate-limit') plan.limit = capFor(tool);
	return plan;
}

/** The server every format reads, under the chosen actions and server name. */
export function formatServer(data: BuilderData, name: string, actions: readonly Action[]): FormatServer {
	return {
		name,
		tools: data.tools.map((tool, i) => ({
			name: tool.n,
			plan: planOf(tool, actions[i] ?? tool.a),
			guards: (tool.g ?? []).map((g) => data.guards[g] as ArgumentGuard),
		})),
	};
}

/** Sets `action` on the given tools. */
export function setActions(actions: readonly Action[], indices: Iterable<number>, action: Action): Action[] {
	const next = [...actions];
	for (const i of indices) next[i] = action;
	return next;
}

/** Raises the given tools to at least `action`; stricter choices are kept (a preset never loosens). */
export function tighten(actions: readonly Action[], indices: Iterable<number>, action: Action): Action[] {
	const floor = ACTION_ORDER.indexOf(action);
	const next = [...actions];
	for (const i of indices) if (ACTION_ORDER.indexOf(next[i] as Action) < floor) next[i] = action;
	return next;
}

/** The named presets: which tools they touch and the action they raise them to. */
export const PRESETS = {
	'deny-destructive': {
		label: 'Deny every Destructive tool',
		matches: (t: BuilderTool) => t.c === 'Destructive',
		action: 'deny',
	},
	'approve-high': {
		label: 'Approve everything High and above',
		matches: (t: BuilderTool) => t.l === 'High' || t.l === 'Critical',
		action: 'approve',
	},
} as const satisfies Record<string, { label: string; matches(t: BuilderTool): boolean; action: Action }>;

/** Applies a named preset to every tool it matches, whatever the filters show. */
export function applyPreset(data: BuilderData, actions: readonly Action[], preset: keyof typeof PRESETS): Action[] {
	const { matches, action } = PRESETS[preset];
	const indices = data.tools.flatMap((t, i) => (matches(t) ? [i] : []));
	return tighten(actions, indices, action);
}
