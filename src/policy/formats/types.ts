/**
 * The one interface every policy output format implements, and the format-neutral inputs they all read.
 * A format turns the same action plan per tool (and the argument guards the classifier's parameter facts
 * yield) into one client's policy file. Every format module must stay browser-safe (no `node:` imports):
 * the server-page builder runs the very same modules in the browser.
 */
import type { Action } from '../../classify/types.ts';
import type { ActionPlan } from '../action.ts';
import type { Condition } from '../schema.ts';

/** Ids of the output formats, in the order pages list them. */
export type FormatId = 'policy-json' | 'claude-code' | 'codex' | 'intercept';

/** What kind of parameter a guard protects. */
export type GuardKind = 'url' | 'path' | 'command';

/**
 * One test of a guard. In `policy.json` it is a `deny_if` rule with one condition (denied when it holds)
 * or a `require` condition (denied unless it holds).
 */
export interface GuardCheck {
	policy: { denyIf: Condition } | { require: Condition };
	/** Message returned to the agent when the check denies. */
	onDeny: string;
	/**
	 * Conditions that must all hold for the call to proceed, at least as strict as `policy`: the form
	 * formats whose rules allow only when conditions hold (Intercept) need. Absent when RE2 (no
	 * lookaround) cannot write the complement; formats then say the check is missing.
	 */
	allowWhen?: readonly Condition[];
}

/** One argument guard derived from what the classifier knows about a parameter. */
export interface ArgumentGuard {
	kind: GuardKind;
	/** Argument path below `args`, e.g. `url` or `options.url`. */
	param: string;
	checks: readonly GuardCheck[];
	/** One line for the page: what the guard stops. */
	stops: string;
	/** One line for the page: what it does not stop. */
	misses: string;
}

/** One tool as every format sees it. */
export interface FormatTool {
	/** The tool name exactly as the server lists it. */
	name: string;
	plan: ActionPlan;
	guards: readonly ArgumentGuard[];
}

/** One server as every format sees it. */
export interface FormatServer {
	/**
	 * The name the user gave the server in their client's config (the key under `mcpServers` /
	 * `[mcp_servers]`). Defaults to the catalogue slug; the builder lets the user edit it.
	 */
	name: string;
	tools: readonly FormatTool[];
}

/** A format's document before serialisation, with what the user must know about it. */
export interface FormatDocument<D> {
	value: D;
	/**
	 * Things the client would reject or rewrite, or that the format cannot express (a cap, an argument
	 * check). Written as comments where the format allows comments; pages show them beside the text.
	 */
	warnings: readonly string[];
}

/** One client's policy file format. */
export interface PolicyFormat<D = unknown> {
	id: FormatId;
	/** Tab label, e.g. "Claude Code". */
	label: string;
	/** Download file name for a server (`github-claude-code.json`) or, with a file-safe tool slug, for one tool. */
	fileName(serverName: string, tool?: string): string;
	mediaType: 'application/json' | 'application/toml' | 'application/yaml';
	/** Shiki language id for highlighting. */
	shikiLang: 'json' | 'toml' | 'yaml';
	/** The snippet for one tool of a server, as its tool page shows it. */
	forTool(tool: FormatTool, serverName: string): FormatDocument<D>;
	/** The whole server's file, every tool in listed order. */
	forServer(server: FormatServer): FormatDocument<D>;
	/** Deterministic text: the same document always gives the same bytes. */
	serialise(doc: FormatDocument<D>): string;
	/** Parses the text with a real parser of the format and checks its shape; returns the problems, none when valid. */
	validate(text: string): string[];
}

/** How exactly a format carries one of our actions. */
export type Fidelity = 'exact' | 'closest-safe';

/** One cell of the mapping table: what an action becomes in a format. */
export interface ActionMapping {
	/** The construct, as written in the file (e.g. `ask: ["mcp__S__T"]`). */
	construct: string;
	fidelity: Fidelity;
	/** Why, or what differs from our action; empty when nothing does. */
	note: string;
}

/** The mapping table's type: every format, every action. */
export type MappingTable = Record<FormatId, Record<Action, ActionMapping>>;

/**
 * A format without its validator: everything the browser builder needs. Validators parse with real
 * parsers and check shapes with zod, which the builder's 20 KB budget cannot carry, so they live in
 * separate modules that only the build and the tests import.
 */
export type FormatWriter<D = unknown> = Omit<PolicyFormat<D>, 'validate'>;
