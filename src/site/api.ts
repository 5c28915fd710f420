/**
 * The site's data for machines: `/api/v1/catalogue.json` and `/api/v1/servers/<slug>.json`, read from the
 * same site model as the pages (so the API and the pages cannot disagree), with the zod schemas they are
 * validated against and published from (`/schemas/api-catalogue.json`, `/schemas/api-server.json`).
 */
import { z } from 'zod';
import { TRAITS } from '../attacks/schema.ts';
import { CATEGORIES, LEVELS } from '../catalogue/schema.ts';
import { RULESET_VERSION } from '../classify/index.ts';
import type { Action } from '../classify/types.ts';
import { FORMATS } from '../policy/formats/index.ts';
import type { FormatId } from '../policy/formats/types.ts';
import { escapeHidden } from '../policy/policy-text.ts';
import type { ServerEntry, SiteModel, ToolEntry } from './model.ts';
import { toolPolicyTabs } from './tool-policy.ts';
import { urls } from './urls.ts';

/** Version of the API's shape: a breaking change gets a new `/api/vN/` folder. */
export const API_VERSION = '1';

const ACTION_IDS = ['allow', 'rate-limit', 'approve', 'deny', 'hide'] as const satisfies readonly Action[];
const FORMAT_IDS = FORMATS.map((f) => f.id) as [FormatId, ...FormatId[]];

const countsBy = <K extends string>(keys: readonly [K, ...K[]]) =>
	z.strictObject(Object.fromEntries(keys.map((k) => [k, z.int().nonnegative()])) as Record<K, z.ZodInt>);

const levelSchema = z.enum(LEVELS);
const categorySchema = z.enum(CATEGORIES);

/** Where a server comes from, as the catalogue file says. */
const apiSourceSchema = z.strictObject({
	/** Plain-text summary, e.g. "npm package @x/y 1.2.3". */
	label: z.string().describe('Plain-text summary of the source.'),
	npm: z.string().optional(),
	pypi: z.string().optional(),
	version: z.string().optional(),
	repository: z.string().optional(),
	repositoryRef: z.string().optional(),
	homepage: z.string().optional(),
});

/** One server's summary row, as the catalogue index lists it. */
const apiServerSummarySchema = z.strictObject({
	slug: z.string().describe('URL slug, also the catalogue file name.'),
	name: z.string(),
	/** Site path of the server's page. */
	url: z.string().describe('Site path of the server page.'),
	/** Site path of the server's API file. */
	api: z.string().describe('Site path of the server API file.'),
	source: apiSourceSchema,
	/** Package or server version the tools were listed from, when known. */
	version: z.string().optional().describe('Package version the tool list was taken from.'),
	/** Date the tools were catalogued (YYYY-MM-DD, UTC). */
	catalogued: z.iso.date().describe('Date catalogued (YYYY-MM-DD, UTC).'),
	toolCount: z.int().nonnegative(),
	maxLevel: levelSchema.describe('Highest risk level of any of its tools.'),
	byLevel: countsBy(LEVELS).describe('Tools per risk level.'),
	byCategory: countsBy(CATEGORIES).describe('Tools per category.'),
});

/** `/api/v1/catalogue.json`: every server, with counts, and the ruleset that labelled them. */
export const apiCatalogueSchema = z
	.strictObject({
		apiVersion: z.literal(API_VERSION),
		rulesetVersion: z.string().describe('Version of the classifier rules that produced the labels.'),
		toolCount: z.int().nonnegative(),
		servers: z.array(apiServerSummarySchema),
	})
	.describe('Policy Atlas catalogue index');

const evidenceSchema = z.strictObject({
	rule: z.string().describe('Rule id, documented on the methodology page.'),
	field: z.string(),
	match: z.string(),
	effect: z.discriminatedUnion('kind', [
		z.strictObject({ kind: z.literal('category'), category: categorySchema }),
		z.strictObject({ kind: z.literal('level'), level: levelSchema, direction: z.enum(['raise', 'lower', 'set']) }),
		z.strictObject({ kind: z.literal('trait'), trait: z.enum(TRAITS) }),
		z.strictObject({ kind: z.literal('note') }),
	]),
	why: z.string(),
});

const integritySchema = z.strictObject({
	signal: z.string(),
	field: z.string(),
	match: z.string(),
	severity: z.enum(['high', 'medium']),
	why: z.string(),
});

/** One format's text of a policy, with what the format could not express. */
const policyTextSchema = z.strictObject({
	text: z.string(),
	warnings: z.array(z.string()),
});

const policiesSchema = z.strictObject(
	Object.fromEntries(FORMAT_IDS.map((id) => [id, policyTextSchema])) as Record<FormatId, typeof policyTextSchema>,
);

const apiToolSchema = z.strictObject({
	/** The tool name exactly as the server lists it. */
	name: z.string().describe('Tool name exactly as the server lists it.'),
	slug: z.string(),
	url: z.string().describe('Site path of the tool page.'),
	category: categorySchema,
	level: levelSchema,
	action: z.enum(ACTION_IDS),
	rateLimit: z.strictObject({ max: z.int().positive(), window: z.enum(['minute', 'hour', 'day']) }).optional(),
	traits: z.array(z.enum(TRAITS)),
	confidence: z.enum(['high', 'medium', 'low']),
	integrity: z.array(integritySchema).describe('Signs of tool poisoning found in the definition.'),
	evidence: z.array(evidenceSchema).describe('Every rule that fired, in order.'),
	policy: policiesSchema.describe('The tool’s snippet in every policy format, by format id.'),
});

/** A server-level policy file: where the site serves it, and its text. */
const serverPolicyFileSchema = policyTextSchema.extend({
	url: z.string().describe('Site path of the file.'),
	mediaType: z.string(),
});

/** `/api/v1/servers/<slug>.json`: one server, every tool with its label and policy. */
export const apiServerSchema = apiServerSummarySchema
	.omit({ api: true })
	.extend({
		apiVersion: z.literal(API_VERSION),
		rulesetVersion: z.string(),
		description: z.string().optional(),
		policy: z
			.strictObject(
				Object.fromEntries(FORMAT_IDS.map((id) => [id, serverPolicyFileSchema])) as Record<
					FormatId,
					typeof serverPolicyFileSchema
				>,
			)
			.describe('The server’s whole policy file in every format, by format id.'),
		tools: z.array(apiToolSchema),
	})
	.describe('Policy Atlas server');

/** Types of the API documents. */
export type ApiCatalogue = z.infer<typeof apiCatalogueSchema>;
export type ApiServer = z.infer<typeof apiServerSchema>;
export type ApiTool = z.infer<typeof apiToolSchema>;

function summary(entry: ServerEntry): z.infer<typeof apiServerSummarySchema> {
	const { source, catalogued } = entry.server;
	return {
		slug: entry.slug,
		name: entry.server.name,
		url: entry.url,
		api: urls.apiServer(entry.slug),
		source: { label: entry.sourceLabel, ...source },
		...(source.version ? { version: source.version } : {}),
		catalogued: catalogued.date,
		toolCount: entry.tools.length,
		maxLevel: entry.maxLevel,
		byLevel: { ...entry.byLevel },
		byCategory: { ...entry.byCategory },
	};
}

/** The catalogue index document. */
export function apiCatalogue(model: SiteModel): ApiCatalogue {
	return {
		apiVersion: API_VERSION,
		rulesetVersion: RULESET_VERSION,
		toolCount: model.tools.length,
		servers: model.servers.map(summary),
	};
}

function apiTool(entry: ToolEntry): ApiTool {
	const { decision, plan } = entry;
	return {
		name: entry.tool.name,
		slug: entry.slug,
		url: entry.url,
		category: decision.category,
		level: decision.level,
		action: decision.action,
		...(plan.limit ? { rateLimit: { ...plan.limit } } : {}),
		traits: [...decision.traits],
		confidence: decision.confidence,
		integrity: decision.integrity.map((f) => ({ ...f })),
		evidence: decision.evidence.map((e) => ({ ...e, effect: { ...e.effect } })),
		policy: Object.fromEntries(
			toolPolicyTabs(entry).map((tab) => [tab.format.id, { text: tab.text, warnings: [...tab.warnings] }]),
		) as ApiTool['policy'],
	};
}

/** One server's document. */
export function apiServer(entry: ServerEntry): ApiServer {
	const { api: _, ...rest } = summary(entry);
	return {
		apiVersion: API_VERSION,
		rulesetVersion: RULESET_VERSION,
		...rest,
		...(entry.server.description ? { description: entry.server.description } : {}),
		policy: Object.fromEntries(
			FORMATS.map((format) => [
				format.id,
				{
					url: urls.serverFormatFile(entry.slug, format.id),
					mediaType: format.mediaType,
					text: entry.formatFiles[format.id].text,
					warnings: [...entry.formatFiles[format.id].warnings],
				},
			]),
		) as ApiServer['policy'],
		tools: entry.tools.map(apiTool),
	};
}

/** JSON Schema (draft 2020-12) of an API document, as published under `/schemas/`. */
export function apiJsonSchema(which: 'catalogue' | 'server'): Record<string, unknown> {
	const schema = which === 'catalogue' ? apiCatalogueSchema : apiServerSchema;
	return {
		...z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }),
		title: which === 'catalogue' ? 'Policy Atlas API v1 catalogue' : 'Policy Atlas API v1 server',
	};
}

/**
 * Serialises a document the way every JSON file of the site is written: two-space indent, final newline, and
 * hidden characters as `\\uXXXX` escapes (the same strings to a JSON reader, visible to a person reading the file).
 */
export function jsonFile(value: unknown): string {
	return `${escapeHidden(JSON.stringify(value, null, 2))}\n`;
}
