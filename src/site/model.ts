/**
 * Everything the pages render, computed once per build from the catalogue and the attack patterns.
 * Pages only look things up here; nothing is classified, generated or queried per page.
 */

import { type AttackLink, type AttackRef, linkAttacks } from '../attacks/links.ts';
import { serverTrifecta, type Trifecta } from '../attacks/trifecta.ts';
import type { LoadedServer } from '../catalogue/load.ts';
import type { Category, Level, ServerFile, Tool } from '../catalogue/schema.ts';
import { CATEGORIES, LEVELS } from '../catalogue/schema.ts';
import { assertUniqueUrls, toolSlugs } from '../catalogue/slug.ts';
import { classify } from '../classify/index.ts';
import { rationale } from '../classify/rationale.ts';
import type { Decision } from '../classify/types.ts';
import { buildFaq, type FaqEntry } from '../faq/faq.ts';
import type { ActionPlan } from '../policy/action.ts';
import { FORMATS, type FormatTool } from '../policy/formats/index.ts';
import type { ArgumentGuard, FormatId, FormatServer } from '../policy/formats/types.ts';
import { guardsFor } from '../policy/guards.ts';
import { planFor, serverPolicy } from '../policy/recommend.ts';
import type { Policy } from '../policy/schema.ts';
import { visibleName, visibleText } from '../text/reveal.ts';
import { byCodePoint } from '../text/words.ts';
import { needsDefinitionFile } from './raw-definition.ts';
import { urls } from './urls.ts';

/** One tool with everything its page shows. */
export interface ToolEntry {
	/** `<server-slug>/<tool-slug>`: unique across the catalogue. */
	key: string;
	slug: string;
	url: string;
	/** The name with hidden characters shown as ⟦U+XXXX⟧ tokens: what every page displays. */
	displayName: string;
	tool: Tool;
	server: ServerEntry;
	decision: Decision;
	plan: ActionPlan;
	/** Checks on the tool's URL, path and command arguments, applied where the tool runs unattended. */
	guards: ArgumentGuard[];
	/** What every policy format reads: the raw name, the plan, the argument guards. */
	formatTool: FormatTool;
	attacks: AttackLink[];
	/** Whether the definition is longer than its page carries, so a plain-text file of it sits beside the page. */
	definitionFile: boolean;
}

/**
 * The rationale and FAQ of a tool: made by its page when it renders, not kept in the model, since nothing
 * else reads them and at 100,000 tools they would hold a fifth of the model's memory for the whole build.
 */
export interface ToolProse {
	rationale: string[];
	faq: FaqEntry[];
}

/** The tool's rationale sentences and FAQ (see `ToolProse`). */
export function toolProse(entry: ToolEntry): ToolProse {
	const sentences = rationale(entry.decision, entry.displayName);
	return {
		rationale: sentences,
		faq: buildFaq({
			toolName: entry.displayName,
			serverName: entry.server.displayName,
			serverSource: entry.server.sourceLabel,
			description: entry.tool.description,
			decision: entry.decision,
			plan: entry.plan,
			rationale: sentences,
		}),
	};
}

/** One server with its tools and aggregate figures. */
export interface ServerEntry {
	slug: string;
	url: string;
	file: string;
	server: ServerFile;
	/** The server's name with hidden characters shown as ⟦U+XXXX⟧ tokens: what every page displays. */
	displayName: string;
	/** Plain-text description of where the server comes from, hidden characters revealed. */
	sourceLabel: string;
	tools: ToolEntry[];
	policy: Policy;
	policyJson: string;
	/** The server's policy file in every format, for its default client-side name (the slug). */
	formatFiles: Record<FormatId, ServerFormatFile>;
	byCategory: Record<Category, number>;
	byLevel: Record<Level, number>;
	maxLevel: Level;
	/** Attack patterns any of its tools is exposed to, with how many tools. */
	attacks: { id: string; title: string; tools: number }[];
	/** Which of its tools supply each leg of the lethal trifecta, and whether it supplies all three alone. */
	trifecta: Trifecta<ToolEntry>;
}

/** One server-level policy file: its text and what the format could not express. */
export interface ServerFormatFile {
	text: string;
	warnings: readonly string[];
}

/** The whole site's data. */
export interface SiteModel {
	servers: ServerEntry[];
	tools: ToolEntry[];
	toolsByLevel: Record<Level, ToolEntry[]>;
	toolsByCategory: Record<Category, ToolEntry[]>;
	toolsByAttack: Map<string, ToolEntry[]>;
	/** Position of each tool in its category list, so related-tool lookups are O(1). */
	categoryIndex: Map<ToolEntry, number>;
}

const zeroCounts = <K extends string>(keys: readonly K[]) =>
	Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** Describes a server's source in plain text, e.g. "npm package @x/y 1.2.3". */
export function sourceLabel(server: ServerFile): string {
	const s = server.source;
	const version = s.version ? ` ${s.version}` : '';
	if (s.npm) return `npm package ${s.npm}${version}`;
	if (s.pypi) return `PyPI package ${s.pypi}${version}`;
	if (s.repositoryRef) return `repository ${s.repositoryRef}${version}`;
	return s.repository ?? s.homepage ?? 'unknown source';
}

/** Builds the site model. Input order is preserved for tools; servers are sorted by slug. */
export function buildSiteModel(loaded: readonly LoadedServer[], attacks: readonly AttackRef[]): SiteModel {
	const servers: ServerEntry[] = [];
	const tools: ToolEntry[] = [];
	for (const { file, server } of [...loaded].sort((a, b) => byCodePoint(a.server.slug, b.server.slug))) {
		const entry = buildServer(file, server, attacks);
		servers.push(entry);
		tools.push(...entry.tools);
	}
	const toolsByLevel = Object.fromEntries(LEVELS.map((l) => [l, [] as ToolEntry[]])) as Record<Level, ToolEntry[]>;
	const toolsByCategory = Object.fromEntries(CATEGORIES.map((c) => [c, [] as ToolEntry[]])) as Record<
		Category,
		ToolEntry[]
	>;
	const toolsByAttack = new Map<string, ToolEntry[]>(attacks.map((a) => [a.id, []]));
	const categoryIndex = new Map<ToolEntry, number>();
	for (const t of tools) {
		toolsByLevel[t.decision.level].push(t);
		categoryIndex.set(t, toolsByCategory[t.decision.category].push(t) - 1);
		for (const a of t.attacks) toolsByAttack.get(a.id)?.push(t);
	}
	assertUniqueUrls([
		...servers.map((s) => [s.url, `server ${s.file}`] as const),
		...tools.map((t) => [t.url, `tool ${JSON.stringify(t.tool.name)} of ${t.server.file}`] as const),
	]);
	return { servers, tools, toolsByLevel, toolsByCategory, toolsByAttack, categoryIndex };
}

function buildServer(file: string, server: ServerFile, attacks: readonly AttackRef[]): ServerEntry {
	let slugs: Map<string, string>;
	try {
		slugs = toolSlugs(server.tools.map((t) => t.name));
	} catch (error) {
		throw new Error(`${file}: ${(error as Error).message}`);
	}
	const entry: ServerEntry = {
		slug: server.slug,
		url: urls.server(server.slug),
		file,
		server,
		displayName: visibleName(server.name),
		sourceLabel: visibleText(sourceLabel(server)),
		tools: [],
		policy: { version: '1', default: 'deny' },
		policyJson: '',
		formatFiles: {} as Record<FormatId, ServerFormatFile>,
		byCategory: zeroCounts(CATEGORIES),
		byLevel: zeroCounts(LEVELS),
		maxLevel: 'Low',
		attacks: [],
		trifecta: serverTrifecta([], () => []),
	};
	const attackCounts = new Map<string, { id: string; title: string; tools: number }>();
	for (const tool of server.tools) {
		const slug = slugs.get(tool.name) as string;
		const decision = classify(tool, { slug: server.slug, name: server.name });
		const plan = planFor(decision);
		const displayName = visibleName(tool.name);
		const guards = guardsFor(tool);
		const links = linkAttacks(decision, attacks);
		const toolEntry: ToolEntry = {
			key: `${server.slug}/${slug}`,
			slug,
			url: urls.tool(server.slug, slug),
			displayName,
			tool,
			server: entry,
			decision,
			plan,
			guards,
			formatTool: { name: tool.name, plan, guards },
			attacks: links,
			definitionFile: needsDefinitionFile(tool),
		};
		entry.tools.push(toolEntry);
		entry.byCategory[decision.category]++;
		entry.byLevel[decision.level]++;
		if (LEVELS.indexOf(decision.level) > LEVELS.indexOf(entry.maxLevel)) entry.maxLevel = decision.level;
		for (const link of links) {
			const count = attackCounts.get(link.id) ?? { id: link.id, title: link.title, tools: 0 };
			count.tools++;
			attackCounts.set(link.id, count);
		}
	}
	entry.policy = serverPolicy(entry.tools.map((t) => ({ name: t.tool.name, decision: t.decision, guards: t.guards })));
	entry.formatFiles = formatFiles(formatServer(entry));
	entry.policyJson = entry.formatFiles['policy-json'].text;
	entry.attacks = [...attackCounts.values()];
	entry.trifecta = serverTrifecta(entry.tools, (t) => t.decision.traits);
	return entry;
}

/** A server as the format modules read it, under its default client-side name (the catalogue slug). */
export function formatServer(entry: ServerEntry): FormatServer {
	return { name: entry.slug, tools: entry.tools.map((t) => t.formatTool) };
}

function formatFiles(server: FormatServer): Record<FormatId, ServerFormatFile> {
	const files = {} as Record<FormatId, ServerFormatFile>;
	for (const format of FORMATS) {
		const doc = format.forServer(server);
		files[format.id] = { text: format.serialise(doc), warnings: doc.warnings };
	}
	return files;
}

const CONFIDENCE_RANK = { high: 0, medium: 1, low: 2 } as const;
const poisoned = (t: ToolEntry) => t.decision.integrity.some((f) => f.severity === 'high');

/**
 * A representative, deterministic selection of `n` tools from a list (the home page's critical tools).
 * Within each category the tools are ranked by level, then those labelled for what they do before those
 * labelled for signs of poisoning, then confidence, then exposure (attack patterns linked);
 * the categories take turns, and no server gives a second tool until every server with one left has
 * given one, so neither one server nor one category fills the list.
 */
export function featuredTools(tools: readonly ToolEntry[], n = 10): ToolEntry[] {
	const rank = (a: ToolEntry, b: ToolEntry) =>
		LEVELS.indexOf(b.decision.level) - LEVELS.indexOf(a.decision.level) ||
		Number(poisoned(a)) - Number(poisoned(b)) ||
		CONFIDENCE_RANK[a.decision.confidence] - CONFIDENCE_RANK[b.decision.confidence] ||
		b.attacks.length - a.attacks.length ||
		byCodePoint(a.key, b.key);
	const queues = CATEGORIES.map((c) => tools.filter((t) => t.decision.category === c).sort(rank)).filter(
		(q) => q.length > 0,
	);
	const out: ToolEntry[] = [];
	let used = new Set<ServerEntry>();
	while (out.length < Math.min(n, tools.length)) {
		let picked = false;
		for (const queue of queues) {
			if (out.length >= n) break;
			const i = queue.findIndex((t) => !used.has(t.server));
			if (i === -1) continue;
			const [t] = queue.splice(i, 1) as [ToolEntry];
			used.add(t.server);
			out.push(t);
			picked = true;
		}
		// Every server with a tool left has given one: start another round.
		if (!picked) used = new Set();
	}
	return out;
}

/**
 * Up to `n` tools of the same category on other servers: the ones that follow this tool in the
 * category list (wrapping), so each page shows different neighbours at O(n) cost per page.
 */
export function relatedElsewhere(model: SiteModel, tool: ToolEntry, n = 6): ToolEntry[] {
	const list = model.toolsByCategory[tool.decision.category];
	const start = model.categoryIndex.get(tool) ?? 0;
	const out: ToolEntry[] = [];
	for (let i = 1; i < list.length && out.length < n; i++) {
		const candidate = list[(start + i) % list.length] as ToolEntry;
		if (candidate.server !== tool.server) out.push(candidate);
	}
	return out;
}
